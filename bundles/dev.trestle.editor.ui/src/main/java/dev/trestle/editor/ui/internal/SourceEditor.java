package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.EditHistory;
import dev.trestle.model.Project;
import dev.trestle.workbench.EditorPart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * One file in the source editor: the viewer with its rulers, the document map, the find bar, undo from the file's
 * persistent history, and saving through the local history. Unsaved text is written aside after a short idle.
 */
final class SourceEditor implements EditorPart, EditorActions {
    static final int IDLE_MS = 2000;
    private static final int PROJECT_POLL_MS = 1000;

    private final Path file;
    private final Composite root;
    private final SourceViewer viewer;
    private final FindBar findBar;
    private final DocumentMap map;
    private final ChangedLines changed;
    private final PersistentUndo undo;
    private final HistoryMoves moves;
    private final Saving saving;
    private final ModelAnnotations annotations;
    private final BiConsumer<String, Throwable> errors;
    private final Supplier<Optional<Project>> project;
    private final UserNotes notes;
    private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
    private final Runnable idle = this::idle;
    private final Runnable pollProject = this::pollProject;
    private long savedState;
    private boolean dirty;
    private Runnable definitionFinder = () -> {};
    private java.util.function.Consumer<String> referenceFinder = symbol -> {};
    private java.util.function.Consumer<String> projectSearch = text -> {};

    SourceEditor(
            Composite parent,
            Path file,
            Language language,
            FileContent content,
            EditHistory history,
            Saving saving,
            Supplier<Optional<Project>> project,
            UserNotes notes,
            BiConsumer<String, Throwable> errors) {
        this.file = file;
        this.notes = notes;
        this.saving = saving;
        this.errors = errors;
        this.project = project;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(zeroMargins(new GridLayout(1, false)));
        Document document = new Document(content.text());
        AnnotationModel annotationModel = new AnnotationModel();
        Composite body = new Composite(root, SWT.NONE);
        viewer = EditorViewer.create(body, language, document, annotationModel);
        findBar = new FindBar(root, viewer);
        findBar.control().moveAbove(body);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(zeroMargins(new GridLayout(2, false)));
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        changed = new ChangedLines(document);
        map = new DocumentMap(body, viewer, new LineStyles(language), changed, findBar::activePattern);
        findBar.onSearchChanged(() -> map.control().redraw());
        map.control().setLayoutData(DocumentMap.layoutData());
        undo = new PersistentUndo(document, history);
        moves = new HistoryMoves(() -> undo, root, file, saving.prompts(), errors, this::updateDirty);
        savedState = undo.state();
        annotations = new ModelAnnotations(annotationModel, document, root.getDisplay());
        annotations.show(project.get().orElse(null), file);
        viewer.prependVerifyKeyListener(new EditorKeys(this));
        viewer.getTextWidget().addListener(SWT.MouseUp, event -> {
            StyledText text = viewer.getTextWidget();
            if (event.button == 1 && (event.stateMask & SWT.MOD1) != 0 && text.getSelectionCount() == 0) {
                goToDefinition();
            }
        });
        document.addDocumentListener(new IDocumentListener() {
            @Override
            public void documentAboutToBeChanged(DocumentEvent event) {}

            @Override
            public void documentChanged(DocumentEvent event) {
                updateDirty();
                root.getDisplay().timerExec(IDLE_MS, idle);
            }
        });
        root.getDisplay().timerExec(PROJECT_POLL_MS, pollProject);
    }

    /** Offers the text of a crashed session; restoring it is an ordinary edit, so it can be undone. */
    void offerRecovery() throws IOException {
        Optional<String> recovered = saving.recoveredText();
        if (recovered.isPresent()) {
            viewer.getDocument().set(recovered.get());
        }
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
    public void save() throws IOException {
        switch (saving.save(viewer.getDocument().get())) {
            case Saving.Outcome.Saved saved -> {
                undo.markSaved(saved.stamp().sha256());
                savedState = undo.state();
                changed.clear();
                map.control().redraw();
            }
            case Saving.Outcome.Reload reload -> reload();
            case Saving.Outcome.Merged merged -> {
                IDocument document = viewer.getDocument();
                try {
                    ProjectReplace.applyAsOneEdit(document, document.get(), merged.text());
                } catch (BadLocationException e) {
                    throw new IOException("Cannot put the merged text into the editor of " + file, e);
                }
                if (merged.conflicts() > 0) {
                    errors.accept(
                            file.getFileName() + ": " + merged.conflicts()
                                    + (merged.conflicts() == 1 ? " conflict" : " conflicts")
                                    + " between <<<<<<< and >>>>>>>; choose, then save",
                            new IllegalStateException("the merge left conflicts in " + file));
                }
            }
            case Saving.Outcome.Cancelled cancelled -> {
                // the user keeps editing; the file on disk stays as the other program left it
            }
        }
        updateDirty();
    }

    /**
     * A file changed on disk (a restore, a checkout) while the editor holds no unsaved changes shows its new text at
     * once, as an ordinary edit that undo takes back; with unsaved changes, the save will ask instead.
     */
    private void followDisk() {
        var loaded = saving.loaded();
        if (dirty || loaded == null) {
            return;
        }
        try {
            if (java.nio.file.Files.isRegularFile(file)
                    && (java.nio.file.Files.size(file) != loaded.size()
                            || !java.nio.file.Files.getLastModifiedTime(file)
                                    .toInstant()
                                    .equals(loaded.modified()))) {
                reload();
                updateDirty();
            }
        } catch (IOException e) {
            errors.accept("Cannot read " + file + " again after it changed on disk", e);
        }
    }

    /** Takes the disk's text as an ordinary edit: the editor's version stays one undo away. */
    private void reload() throws IOException {
        FileContent disk = FileContent.read(file);
        viewer.getDocument().set(disk.text());
        saving.reloaded(disk);
        undo.markSaved(disk.stamp().sha256());
        savedState = undo.state();
        changed.clear();
    }

    @Override
    public void dispose() {
        root.getDisplay().timerExec(-1, idle);
        root.getDisplay().timerExec(-1, pollProject);
        annotations.detach();
        try {
            undo.close();
        } catch (IOException e) {
            errors.accept("Cannot write the undo history of " + file, e);
        }
        dirtyListeners.clear();
    }

    @Override
    public void onDirtyChanged(Runnable listener) {
        dirtyListeners.add(listener);
    }

    @Override
    public void revealLine(int line) {
        var document = viewer.getDocument();
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

    /** Shows {@code symbol} at the 1-based line and column, selected when it is there, else the line. */
    void reveal(int line, int column, String symbol) {
        revealLine(line);
        var document = viewer.getDocument();
        try {
            int lineIndex = Math.max(0, Math.min(line - 1, document.getNumberOfLines() - 1));
            int offset = document.getLineOffset(lineIndex) + Math.max(0, column - 1);
            if (offset + symbol.length() <= document.getLength()
                    && document.get(offset, symbol.length()).equals(symbol)) {
                viewer.setSelectedRange(offset, symbol.length());
                viewer.revealRange(offset, symbol.length());
            }
        } catch (BadLocationException e) {
            // the line is shown; the column was outside it
        }
    }

    /** Called on F3 and Ctrl+click. */
    void onGoToDefinition(Runnable finder) {
        definitionFinder = finder;
    }

    @Override
    public void goToDefinition() {
        definitionFinder.run();
    }

    /** Called on Ctrl+Shift+F with the selected text, else the identifier at the caret. */
    void onSearchProject(java.util.function.Consumer<String> search) {
        projectSearch = search;
    }

    @Override
    public void searchProject() {
        String selected = viewer.getTextWidget().getSelectionText();
        Optional<String> text =
                !selected.isEmpty() && !selected.contains("\n") ? Optional.of(selected) : identifierAtCaret();
        text.ifPresentOrElse(projectSearch, () -> projectSearch.accept(""));
    }

    /** Called on Ctrl+Shift+G with the identifier at the caret. */
    void onFindReferences(java.util.function.Consumer<String> finder) {
        referenceFinder = finder;
    }

    @Override
    public void findReferences() {
        identifierAtCaret()
                .ifPresentOrElse(referenceFinder, () -> root.getDisplay().beep());
    }

    /** The C identifier the caret is in or just after, if any. */
    Optional<String> identifierAtCaret() {
        var document = viewer.getDocument();
        int caret = viewer.getTextWidget().getCaretOffset();
        try {
            var line = document.getLineInformationOfOffset(caret);
            return identifierAt(document.get(line.getOffset(), line.getLength()), caret - line.getOffset());
        } catch (BadLocationException e) {
            return Optional.empty();
        }
    }

    static Optional<String> identifierAt(String text, int offset) {
        int start = Math.min(offset, text.length());
        while (start > 0 && isIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.max(start, Math.min(offset, text.length()));
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        if (start == end || Character.isDigit(text.charAt(start))) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start, end));
    }

    private static boolean isIdentifierPart(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
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
        earlier(HistoryMoves.TIME_STEP);
    }

    @Override
    public void later() {
        later(HistoryMoves.TIME_STEP);
    }

    void earlier(Duration duration) {
        moves.earlier(duration);
    }

    void later(Duration duration) {
        moves.later(duration);
    }

    @Override
    public void toggleBookmark() {
        onCaretLine((current, path, line, text) -> notes.toggleBookmark(current, path, line, text));
    }

    @Override
    public void addNote() {
        onCaretLine((current, path, line, text) -> {
            Optional<String> note = saving.prompts().noteText(file, line);
            if (note.isPresent()) {
                notes.addNote(current, path, line, note.get());
            }
        });
    }

    /** What a bookmark or note does with the caret's line: its project, project-relative path, number and text. */
    private interface LineNoteAction {
        void run(Project project, String path, int line, String text) throws IOException;
    }

    private void onCaretLine(LineNoteAction action) {
        Optional<Project> current = project.get();
        Path projectRoot = current.map(Project::getRoot).map(Path::of).orElse(null);
        if (projectRoot == null || !file.startsWith(projectRoot.toAbsolutePath().normalize())) {
            root.getDisplay().beep(); // notes belong to a project's files
            return;
        }
        String path = projectRoot
                .toAbsolutePath()
                .normalize()
                .relativize(file)
                .toString()
                .replace('\\', '/');
        var document = viewer.getDocument();
        try {
            int caret = viewer.widgetOffset2ModelOffset(viewer.getTextWidget().getCaretOffset());
            int line = document.getLineOfOffset(caret);
            var region = document.getLineInformation(line);
            action.run(current.get(), path, line + 1, document.get(region.getOffset(), region.getLength()));
            annotations.show(current.get(), file);
            map.control().redraw();
        } catch (IOException e) {
            errors.accept("Cannot keep your notes on " + file, e);
        } catch (BadLocationException e) {
            errors.accept("The caret is outside " + file, e);
        }
    }

    @Override
    public void chooseUndoBranch() {
        moves.chooseBranch();
    }

    private void updateDirty() {
        boolean now = undo.hasPending() || undo.state() != savedState;
        if (now != dirty) {
            dirty = now;
            dirtyListeners.forEach(Runnable::run);
        }
    }

    private void idle() {
        if (root.isDisposed()) {
            return;
        }
        try {
            undo.flush();
            if (dirty) {
                saving.writeRecovery(viewer.getDocument().get());
            }
        } catch (IOException e) {
            errors.accept("Cannot keep the unsaved changes of " + file + " for recovery", e);
        }
    }

    private void pollProject() {
        if (!root.isDisposed()) {
            followDisk();
            try {
                notes.load(project.get().orElse(null));
            } catch (IOException e) {
                errors.accept("Cannot read your notes on this project", e);
            }
            annotations.show(project.get().orElse(null), file);
            map.control().redraw();
            root.getDisplay().timerExec(PROJECT_POLL_MS, pollProject);
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

    DocumentMap map() {
        return map;
    }

    Path file() {
        return file;
    }

    private static GridLayout zeroMargins(GridLayout layout) {
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.horizontalSpacing = 0;
        layout.verticalSpacing = 0;
        return layout;
    }
}
