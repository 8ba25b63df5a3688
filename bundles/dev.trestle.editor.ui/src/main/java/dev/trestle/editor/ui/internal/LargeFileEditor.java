package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.text.Match;
import dev.trestle.editor.text.TextDocument;
import dev.trestle.workbench.EditorPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IUndoManager;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.events.VerifyEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;

/**
 * A file over {@link FileContent#MAX_SIZE}, shown from the editor core's memory-mapped {@link TextDocument} rather
 * than loaded onto the heap. The first screen is painted before the lines are counted; scrolling, go to line (Ctrl+L)
 * and find (Ctrl+F, searched by the core one window at a time) work while the line index is still being built, and
 * the widget learns the exact line count when the index completes. Colouring covers the lines on screen.
 *
 * <p>Edits go into the core's piece tree over the mapped original. Undo is the file's persistent history, as in the
 * source editor (branches, earlier/later, across restarts), once the file's digest is known ({@link
 * LargeFileHistory}); recorded edits reach the journal after a short idle, which is the crash recovery of a file too
 * large to copy aside. Saving keeps the previous content in the local history and streams the pieces into a
 * temporary file that replaces the original atomically. The {@link LargeFileMap} beside the text is the scroll bar.
 */
final class LargeFileEditor implements EditorPart, EditorActions {
    private static final int PROGRESS_MS = 500;
    private final Path file;
    private final Composite root;
    private final Label banner;
    private final LargeDocument document;
    private final SourceViewer viewer;
    private final FindBar findBar;
    private final VisibleColouring colouring;
    private final TextWindow window;
    private final LargeFileMap map;
    private final OffsetMarks changes = new OffsetMarks();
    private final OffsetMarks hits = new OffsetMarks();
    private final HistoryMoves moves;
    private final Probe probe;
    private final BiConsumer<String, Throwable> errors;
    private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
    private final Runnable idle = this::idle;
    private final LocalHistory versions;
    private final Path stateDirectory;
    private LargeFileHistory history;
    /** Bytes of the file digested so far, while the undo history is being prepared. */
    private volatile long digested;

    private String historyProblem;
    private boolean dirty;
    private String refusal;

    LargeFileEditor(
            Composite parent,
            Path file,
            Language language,
            TextDocument text,
            Function<LongConsumer, CompletableFuture<LargeFileHistory.Prepared>> preparing,
            LocalHistory versions,
            Path stateDirectory,
            Prompts prompts,
            BiConsumer<String, Throwable> errors,
            Probe probe)
            throws IOException {
        this.file = file;
        this.errors = errors;
        this.probe = probe;
        this.document = new LargeDocument(text, file);
        probe.mark("open_line_estimate");
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
        map = new LargeFileMap(body, text, language, changes, hits);
        map.control().setLayoutData(LargeFileMap.layoutData());
        probe.mark("open_viewer");
        window = new TextWindow(viewer, document, map);
        viewer.getTextWidget().addVerifyListener(this::refuseBrokenEdits);
        document.addDocumentListener(new IDocumentListener() {
            @Override
            public void documentAboutToBeChanged(DocumentEvent event) {
                int inserted = event.getText() == null ? 0 : event.getText().length();
                changes.edited(event.getOffset(), event.getLength(), inserted);
                hits.edited(event.getOffset(), event.getLength(), inserted);
                changes.add(event.getOffset());
            }

            @Override
            public void documentChanged(DocumentEvent event) {
                updateDirty();
                map.textChanged();
                root.getDisplay().timerExec(SourceEditor.IDLE_MS, idle);
            }
        });
        moves = new HistoryMoves(
                () -> history == null ? null : history.undo(), root, file, prompts, errors, this::updateDirty);
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
                // the digest reads the whole file: started once the first screen is up, it does not delay it
                root.getDisplay().asyncExec(() -> {
                    prepareHistory(preparing.apply(bytes -> digested = bytes));
                    showDigestProgress();
                });
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
        this.versions = versions;
        this.stateDirectory = stateDirectory;
    }

    private void prepareHistory(CompletableFuture<LargeFileHistory.Prepared> preparing) {
        preparing.whenComplete((prepared, failure) -> root.getDisplay().asyncExec(() -> {
            if (root.isDisposed()) {
                closeUnused(prepared);
            } else if (failure != null) {
                historyProblem = "no undo history (" + failure.getMessage() + "), so it is read-only";
                errors.accept("Cannot open the undo history of " + file, failure);
                updateBanner();
            } else {
                history = new LargeFileHistory(file, stateDirectory, versions, document, prepared);
                updateBanner();
            }
        }));
    }

    /** Updates the banner's progress twice a second until the history is open. */
    private void showDigestProgress() {
        if (!root.isDisposed() && history == null && historyProblem == null) {
            updateBanner();
            root.getDisplay().timerExec(PROGRESS_MS, this::showDigestProgress);
        }
    }

    private void closeUnused(LargeFileHistory.Prepared prepared) {
        if (prepared != null) {
            try {
                prepared.history().close();
            } catch (IOException e) {
                errors.accept("Cannot close the undo history of " + file, e);
            }
        }
    }

    /** True once edits are possible: the file's digest is known and its undo history is open. */
    boolean historyReady() {
        return history != null;
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

    /**
     * Refuses, with a beep and a note in the banner, an edit that would break the view's one char per byte, and any
     * edit before the undo history is open (it could not be undone after a restart).
     */
    private void refuseBrokenEdits(VerifyEvent event) {
        String problem = history == null
                ? (historyProblem != null ? historyProblem : "the file's undo history is still being prepared")
                : document.editProblem(event.start, event.end - event.start, event.text);
        if (problem != null) {
            event.doit = false;
            refusal = problem;
            root.getDisplay().beep();
            updateBanner();
        }
    }

    private void updateDirty() {
        boolean now = history != null && history.dirty();
        if (dirty != now) {
            dirty = now;
            dirtyListeners.forEach(Runnable::run);
        }
    }

    private void idle() {
        if (!root.isDisposed() && history != null) {
            try {
                history.flush();
            } catch (IOException e) {
                errors.accept("Cannot keep the edits of " + file + " in its undo history", e);
            }
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
        String undo = history != null
                ? " Undo is kept across restarts."
                : historyProblem != null
                        ? " Read-only: " + historyProblem + "."
                        : " Preparing the undo history (reading the file: "
                                + digested * 100 / Math.max(1, text.length()) + "%); edits wait until then.";
        banner.setText("Large file (" + (text.length() >> 20) + " MB, " + lines + "), paged from disk."
                + " Bytes outside ASCII are shown one character each (as Latin-1); only ASCII can be typed." + undo
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
        match.ifPresent(m -> {
            window.showAround((int) m.start());
            hits.add(m.start());
            map.redraw();
        });
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
     * Keeps the previous content in the local history and streams the document into a temporary file renamed over
     * the original, so the heap never holds it whole; the mapped original stays readable through the rename. A file
     * another program changed since it was opened or saved here is not overwritten (see {@link LargeFileHistory}).
     */
    @Override
    public void save() throws IOException {
        if (history == null) {
            throw new IOException(file + " has no unsaved edits: its undo history is not open yet");
        }
        IOException[] failure = new IOException[1];
        BusyIndicator.showWhile(root.getDisplay(), () -> {
            try {
                history.save(document.text());
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        changes.clear();
        map.redraw();
        updateDirty();
    }

    @Override
    public void dispose() {
        root.getDisplay().timerExec(-1, idle);
        try {
            if (history != null) {
                history.close();
            }
        } catch (UncheckedIOException e) {
            errors.accept(e.getMessage(), e.getCause());
        } finally {
            document.close();
        }
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
        moves.undo();
    }

    @Override
    public void redo() {
        moves.redo();
    }

    @Override
    public void earlier() {
        moves.earlier(HistoryMoves.TIME_STEP);
    }

    @Override
    public void later() {
        moves.later(HistoryMoves.TIME_STEP);
    }

    @Override
    public void chooseUndoBranch() {
        moves.chooseBranch();
    }

    LargeFileMap map() {
        return map;
    }

    /** Where the file was changed since it was last saved, as the map marks it. */
    OffsetMarks changes() {
        return changes;
    }

    @Override
    public void goToDefinition() {
        // the large-file view has no symbol look-up
    }

    /** No reconciler (colouring is {@link VisibleColouring}'s) and no undo manager: undo is the persistent history. */
    private static final class LargeFileConfiguration extends SourceViewerConfiguration {
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
            return null;
        }

        @Override
        public int getTabWidth(ISourceViewer sourceViewer) {
            return language == Language.JAVA ? 4 : 8;
        }
    }
}
