package dev.trestle.editor.ui.internal;

import dev.trestle.editor.text.Match;
import dev.trestle.editor.text.TextDocument;
import dev.trestle.workbench.EditorPart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IUndoManager;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * A file over {@link FileContent#MAX_SIZE}, shown read-only from the editor core's memory-mapped {@link TextDocument}
 * rather than loaded onto the heap. Scrolling, go to line (Ctrl+L) and find (Ctrl+F, searched by the core one window
 * at a time) work while the line index is still being built; colouring covers the lines on screen.
 */
final class LargeFileEditor implements EditorPart, EditorActions {
    private final Path file;
    private final Composite root;
    private final Label banner;
    private final LargeDocument document;
    private final SourceViewer viewer;
    private final FindBar findBar;
    private final VisibleColouring colouring;
    private final BiConsumer<String, Throwable> errors;

    LargeFileEditor(
            Composite parent, Path file, Language language, TextDocument text, BiConsumer<String, Throwable> errors)
            throws IOException {
        this.file = file;
        this.errors = errors;
        this.document = new LargeDocument(text, file);
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        root.setLayout(layout);
        banner = new Label(root, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite body = new Composite(root, SWT.NONE);
        body.setLayout(new org.eclipse.swt.layout.FillLayout());
        viewer = EditorViewer.create(
                body, new ReadOnlyConfiguration(language), language, document, new AnnotationModel());
        viewer.setEditable(false);
        findBar = new FindBar(root, viewer);
        findBar.control().moveAbove(body);
        findBar.searchWith(this::find);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        colouring = new VisibleColouring(viewer, language);
        viewer.prependVerifyKeyListener(new EditorKeys(this));
        updateBanner();
        text.lineIndexComplete().thenRun(() -> {
            if (!root.isDisposed()) {
                root.getDisplay().asyncExec(this::updateBanner);
            }
        });
    }

    /** The note above the text: why it is read-only, and how bytes outside ASCII are shown. */
    String bannerText() {
        return banner.getText();
    }

    private void updateBanner() {
        if (banner.isDisposed()) {
            return;
        }
        TextDocument text = document.text();
        String lines =
                text.lineCountIfKnown().isPresent() ? text.lineCountIfKnown().getAsLong() + " lines" : "counting lines";
        banner.setText("Large file (" + (text.length() >> 20) + " MB, " + lines + "): read-only view."
                + " Bytes outside ASCII are shown one character each (as Latin-1).");
        String tip = file + "\nLarge file: read-only view; bytes outside ASCII are shown as Latin-1 characters.";
        banner.setToolTipText(tip);
        viewer.getTextWidget().setToolTipText(tip);
        root.layout(true);
    }

    private IRegion find(int from, String search, boolean regularExpression) {
        if (search.isEmpty()) {
            return null;
        }
        Pattern pattern = Pattern.compile(search, regularExpression ? 0 : Pattern.LITERAL);
        Optional<Match> match = document.text().find(Math.min(from, document.getLength()), pattern);
        return match.map(m -> (IRegion) new Region((int) m.start(), (int) (m.end() - m.start())))
                .orElse(null);
    }

    @Override
    public Control control() {
        return root;
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public void save() {
        // read-only: nothing to write
    }

    @Override
    public void dispose() {
        document.close();
    }

    @Override
    public void revealLine(int line) {
        try {
            int index = Math.max(0, Math.min(line - 1, document.getNumberOfLines() - 1));
            int offset = document.getLineOffset(index);
            viewer.setSelectedRange(offset, 0);
            viewer.getTextWidget().setTopIndex(Math.max(0, index - 3));
            viewer.getTextWidget().setFocus();
        } catch (BadLocationException e) {
            errors.accept("Line " + line + " is outside " + file, e);
        }
    }

    @Override
    public SourceViewer viewer() {
        return viewer;
    }

    @Override
    public FindBar findBar() {
        return findBar;
    }

    VisibleColouring colouring() {
        return colouring;
    }

    @Override
    public void undo() {
        root.getDisplay().beep();
    }

    @Override
    public void redo() {
        root.getDisplay().beep();
    }

    @Override
    public void goToDefinition() {
        // the large-file view has no symbol look-up
    }

    /** No reconciler (colouring is {@link VisibleColouring}'s), no auto-edit, no undo: the view is read-only. */
    private static final class ReadOnlyConfiguration extends SourceViewerConfiguration {
        private final Language language;

        ReadOnlyConfiguration(Language language) {
            this.language = language;
        }

        @Override
        public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
            return new String[] {IDocument.DEFAULT_CONTENT_TYPE};
        }

        @Override
        public IUndoManager getUndoManager(ISourceViewer sourceViewer) {
            return null;
        }

        @Override
        public int getTabWidth(ISourceViewer sourceViewer) {
            return language == Language.JAVA ? 4 : 8;
        }
    }
}
