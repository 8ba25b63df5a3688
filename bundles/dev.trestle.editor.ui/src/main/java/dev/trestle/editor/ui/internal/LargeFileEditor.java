package dev.trestle.editor.ui.internal;

import dev.trestle.editor.text.Match;
import dev.trestle.editor.text.TextDocument;
import dev.trestle.model.store.AtomicFiles;
import dev.trestle.workbench.EditorPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IUndoManager;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextViewerUndoManager;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.VerifyEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Slider;

/**
 * A file over {@link FileContent#MAX_SIZE}, shown from the editor core's memory-mapped {@link TextDocument} rather
 * than loaded onto the heap. The first screen is painted before the lines are counted; scrolling, go to line (Ctrl+L)
 * and find (Ctrl+F, searched by the core one window at a time) work while the line index is still being built, and
 * the widget learns the exact line count when the index completes. Colouring covers the lines on screen.
 *
 * <p>Edits go into the core's piece tree over the mapped original; undo is kept in memory for the session. Saving
 * streams the pieces into a temporary file that replaces the original atomically; the previous content is not copied
 * into the local history, which would double a gigabyte on disk at every save.
 */
final class LargeFileEditor implements EditorPart, EditorActions {
    private final Path file;
    private final Composite root;
    private final Label banner;
    private final LargeDocument document;
    private final SourceViewer viewer;
    private final FindBar findBar;
    private final VisibleColouring colouring;
    private final TextWindow window;
    private final Probe probe;
    private final BiConsumer<String, Throwable> errors;
    private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
    private FileTime savedModified;
    private long savedSize;
    private boolean dirty;
    private String refusal;

    LargeFileEditor(
            Composite parent,
            Path file,
            Language language,
            TextDocument text,
            BiConsumer<String, Throwable> errors,
            Probe probe)
            throws IOException {
        this.file = file;
        this.errors = errors;
        this.probe = probe;
        this.document = new LargeDocument(text, file);
        probe.mark("open_line_estimate");
        this.savedModified = Files.getLastModifiedTime(file);
        this.savedSize = Files.size(file);
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        root.setLayout(layout);
        banner = new Label(root, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Composite body = new Composite(root, SWT.NONE);
        GridLayout bodyLayout = new GridLayout(2, false);
        bodyLayout.marginWidth = 0;
        bodyLayout.marginHeight = 0;
        bodyLayout.horizontalSpacing = 0;
        body.setLayout(bodyLayout);
        viewer = EditorViewer.create(
                body,
                new LargeFileConfiguration(language),
                language,
                document,
                new AnnotationModel(),
                TextWindow.initialRegion(document));
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Slider slider = new Slider(body, SWT.VERTICAL);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        probe.mark("open_viewer");
        window = new TextWindow(viewer, document, slider);
        viewer.getTextWidget().addVerifyListener(this::refuseBrokenEdits);
        document.addDocumentListener(new IDocumentListener() {
            @Override
            public void documentAboutToBeChanged(DocumentEvent event) {}

            @Override
            public void documentChanged(DocumentEvent event) {
                setDirty(true);
            }
        });
        findBar = new FindBar(root, viewer);
        findBar.control().moveAbove(body);
        findBar.searchWith(this::find);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        colouring = new VisibleColouring(viewer, language);
        probe.mark("open_rest");
        viewer.getTextWidget().addListener(SWT.Paint, new Listener() {
            @Override
            public void handleEvent(Event event) {
                probe.mark("open_first_paint");
                viewer.getTextWidget().removeListener(SWT.Paint, this);
            }
        });
        viewer.prependVerifyKeyListener(new EditorKeys(this));
        viewer.prependVerifyKeyListener(event -> {
            // the widget holds a window of the file: its own Ctrl+Home and Ctrl+End would stop at the window's ends
            if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == SWT.END || event.keyCode == SWT.HOME)) {
                event.doit = false;
                goTo(event.keyCode == SWT.END ? document.getLength() : 0);
            }
        });
        updateBanner();
        text.lineIndexComplete().thenRun(() -> {
            if (!root.isDisposed()) {
                root.getDisplay().asyncExec(this::settleLineCount);
            }
        });
    }

    /** The line count is exact once the index is complete: the banner and go to line use it from then on. */
    void settleLineCount() {
        if (!root.isDisposed() && document.lineCountEstimated()) {
            document.settleLineCount();
            updateBanner();
        }
    }

    /** Puts the caret at {@code offset} of the file, moving the widget's window there first. */
    void goTo(int offset) {
        probe.mark("idle");
        window.showAround(offset);
        probe.mark("goto_move_window");
        viewer.setSelectedRange(offset, 0);
        probe.mark("goto_select");
        viewer.revealRange(offset, 0);
        probe.mark("goto_reveal");
    }

    /** Refuses, with a beep and a note in the banner, an edit that would break the view's one char per byte. */
    private void refuseBrokenEdits(VerifyEvent event) {
        String problem = document.editProblem(event.start, event.end - event.start, event.text);
        if (problem != null) {
            event.doit = false;
            refusal = problem;
            root.getDisplay().beep();
            updateBanner();
        }
    }

    private void setDirty(boolean value) {
        if (dirty != value) {
            dirty = value;
            dirtyListeners.forEach(Runnable::run);
        }
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
        banner.setText("Large file (" + (text.length() >> 20) + " MB, " + lines + "), paged from disk."
                + " Bytes outside ASCII are shown one character each (as Latin-1); only ASCII can be typed."
                + (refusal == null ? "" : " Not done: " + refusal + "."));
        String tip = file + "\nLarge file: paged from disk; bytes outside ASCII are shown as Latin-1 characters.";
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
        match.ifPresent(m -> window.showAround((int) m.start()));
        return match.map(m -> (IRegion) new Region((int) m.start(), (int) (m.end() - m.start())))
                .orElse(null);
    }

    @Override
    public Control control() {
        return root;
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public void onDirtyChanged(Runnable listener) {
        dirtyListeners.add(listener);
    }

    /**
     * Streams the document into a temporary file renamed over the original, so neither the file nor the heap ever
     * holds it whole; the mapped original stays readable through the rename. A file another program changed since it
     * was opened or saved here (size or time differ) is not overwritten.
     */
    @Override
    public void save() throws IOException {
        if (Files.size(file) != savedSize || !Files.getLastModifiedTime(file).equals(savedModified)) {
            throw new IOException(file + " was changed by another program since it was opened; it was not overwritten");
        }
        TextDocument text = document.text();
        AtomicFiles.write(file, text::writeTo);
        savedModified = Files.getLastModifiedTime(file);
        savedSize = Files.size(file);
        setDirty(false);
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
            window.scrollTo(document.getLineOffset(Math.max(0, index - 3)));
            viewer.setSelectedRange(offset, 0);
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
        IUndoManager undo = viewer.getUndoManager();
        if (undo != null && undo.undoable()) {
            undo.undo();
        } else {
            root.getDisplay().beep();
        }
    }

    @Override
    public void redo() {
        IUndoManager undo = viewer.getUndoManager();
        if (undo != null && undo.redoable()) {
            undo.redo();
        } else {
            root.getDisplay().beep();
        }
    }

    @Override
    public void goToDefinition() {
        // the large-file view has no symbol look-up
    }

    /** No reconciler (colouring is {@link VisibleColouring}'s); undo in memory, as deep as the small-file editor's. */
    private static final class LargeFileConfiguration extends SourceViewerConfiguration {
        private static final int UNDO_LEVELS = 10_000;
        private final Language language;

        LargeFileConfiguration(Language language) {
            this.language = language;
        }

        @Override
        public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
            return new String[] {IDocument.DEFAULT_CONTENT_TYPE};
        }

        @Override
        public IUndoManager getUndoManager(ISourceViewer sourceViewer) {
            return new TextViewerUndoManager(UNDO_LEVELS);
        }

        @Override
        public int getTabWidth(ISourceViewer sourceViewer) {
            return language == Language.JAVA ? 4 : 8;
        }
    }
}
