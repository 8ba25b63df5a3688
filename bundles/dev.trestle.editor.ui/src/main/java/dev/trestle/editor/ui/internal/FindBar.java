package dev.trestle.editor.ui.internal;

import java.util.regex.PatternSyntaxException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.FindReplaceDocumentAdapter;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A find/replace bar above the text (Ctrl+F), with regular expressions through JFace's
 * {@link FindReplaceDocumentAdapter}, which also expands {@code $1} and {@code \n} in the replacement.
 */
final class FindBar {
    private final Composite bar;
    private final Text find;
    private final Text replace;
    private final Button regex;
    private final Label status;
    private final SourceViewer viewer;
    private Searcher searcher;

    /** Finds in a read-only document too large to search char by char; returns null when nothing matches. */
    interface Searcher {
        IRegion find(int from, String text, boolean regularExpression);
    }

    FindBar(Composite parent, SourceViewer viewer) {
        this.viewer = viewer;
        bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(8, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        find = field("Find:");
        replace = field("Replace:");
        regex = new Button(bar, SWT.CHECK);
        regex.setText("Regex");
        button("Next", () -> find(true));
        button("Replace", this::replaceOne);
        button("All", this::replaceAll);
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        find.addListener(SWT.DefaultSelection, event -> find(true));
        setVisible(false);
    }

    Composite control() {
        return bar;
    }

    void setVisible(boolean visible) {
        ((GridData) bar.getLayoutData()).exclude = !visible;
        bar.setVisible(visible);
        bar.getParent().layout(true);
        if (visible) {
            find.setFocus();
        }
    }

    /** What the bar searches for while it is shown, for the document map; empty when hidden, empty or invalid. */
    java.util.Optional<java.util.regex.Pattern> activePattern() {
        if (!bar.getVisible() || find.getText().isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.util.regex.Pattern.compile(
                    find.getText(), regex.getSelection() ? 0 : java.util.regex.Pattern.LITERAL));
        } catch (PatternSyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** Called when the search text, the regex switch or the bar's visibility changes. */
    void onSearchChanged(Runnable listener) {
        find.addListener(SWT.Modify, event -> listener.run());
        regex.addListener(SWT.Selection, event -> listener.run());
        bar.addListener(SWT.Show, event -> listener.run());
        bar.addListener(SWT.Hide, event -> listener.run());
    }

    void setSearch(String text, boolean regularExpression) {
        find.setText(text);
        regex.setSelection(regularExpression);
    }

    void setReplacement(String text) {
        replace.setText(text);
    }

    /** Searches with {@code searcher} instead of JFace's adapter; replacing is then refused (the view is read-only). */
    void searchWith(Searcher searcher) {
        this.searcher = searcher;
    }

    /** Selects the next match after the caret, wrapping at the end; false when there is none. */
    boolean find(boolean forward) {
        try {
            // document offsets: the widget may show only a window of the document (see TextWindow)
            var selection = viewer.getSelectedRange();
            int from = selection.x + selection.y;
            IRegion match;
            if (searcher != null) {
                match = searcher.find(from, find.getText(), regex.getSelection());
                if (match == null) {
                    match = searcher.find(0, find.getText(), regex.getSelection());
                }
            } else {
                FindReplaceDocumentAdapter adapter = new FindReplaceDocumentAdapter(viewer.getDocument());
                match = adapter.find(from, find.getText(), forward, true, false, regex.getSelection());
                if (match == null) {
                    match = adapter.find(0, find.getText(), forward, true, false, regex.getSelection());
                }
            }
            status.setText(match == null ? "Not found" : "");
            if (match != null) {
                viewer.setSelectedRange(match.getOffset(), match.getLength());
                viewer.revealRange(match.getOffset(), match.getLength());
            }
            return match != null;
        } catch (BadLocationException | PatternSyntaxException e) {
            status.setText(e.getMessage());
            return false;
        }
    }

    void replaceOne() {
        if (searcher != null) {
            status.setText("Read-only view: nothing is replaced");
            return;
        }
        try {
            var selection = viewer.getTextWidget().getSelection();
            if (selection.y > selection.x || find(true)) {
                FindReplaceDocumentAdapter adapter = new FindReplaceDocumentAdapter(viewer.getDocument());
                // find again at the selection so that the adapter knows which match $1 refers to
                adapter.find(
                        viewer.getTextWidget().getSelection().x,
                        find.getText(),
                        true,
                        true,
                        false,
                        regex.getSelection());
                adapter.replace(replace.getText(), regex.getSelection());
                find(true);
            }
        } catch (BadLocationException | PatternSyntaxException e) {
            status.setText(e.getMessage());
        }
    }

    int replaceAll() {
        int count = 0;
        if (searcher != null) {
            status.setText("Read-only view: nothing is replaced");
            return count;
        }
        try {
            FindReplaceDocumentAdapter adapter = new FindReplaceDocumentAdapter(viewer.getDocument());
            int offset = 0;
            IRegion match;
            while (offset <= viewer.getDocument().getLength()
                    && (match = adapter.find(offset, find.getText(), true, true, false, regex.getSelection()))
                            != null) {
                IRegion replaced = adapter.replace(replace.getText(), regex.getSelection());
                count++;
                // an empty match must still advance, or "^" would be replaced for ever
                offset = replaced.getOffset() + Math.max(replaced.getLength(), match.getLength() == 0 ? 1 : 0);
            }
            status.setText(count + " replaced");
        } catch (BadLocationException | PatternSyntaxException e) {
            status.setText(e.getMessage());
        }
        return count;
    }

    private Text field(String label) {
        new Label(bar, SWT.NONE).setText(label);
        Text text = new Text(bar, SWT.BORDER | SWT.SINGLE);
        text.setLayoutData(new GridData(160, SWT.DEFAULT));
        return text;
    }

    private void button(String label, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, event -> action.run());
    }
}
