package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.EditHistory;
import dev.trestle.editor.history.HistoryService;
import dev.trestle.editor.text.TextDocument;
import dev.trestle.editor.text.TextDocumentService;
import dev.trestle.editor.xref.SymbolIndexService;
import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The source editor for every textual file the workbench shows. Also registered under its own class, which only this
 * bundle can see, so that the Annotations view can reveal a line in an editor it opened.
 */
@Component(service = {EditorContribution.class, SourceEditorContribution.class})
public final class SourceEditorContribution implements EditorContribution {
    static final String STATE_DIR_PROPERTY = "trestle.state.dir";
    /** Above the workbench's plain-text fallback (0); a specialised editor for one kind of file may go higher. */
    static final int PRIORITY = 10;

    private final HistoryService histories;
    private final Path stateDirectory;
    private final Map<Path, SourceEditor> open = new ConcurrentHashMap<>();
    private final Prompts prompts;
    private final ProjectIndexes indexes = new ProjectIndexes();
    private final Definitions definitions = new Definitions(this::editorOf, indexes);
    private final UserNotes notes;
    private volatile java.util.function.Consumer<String> referenceFinder;
    private volatile java.util.function.Consumer<String> projectSearch;
    private volatile SearchPanel searchPanel;
    private volatile TextDocumentService documents;

    @Activate
    public SourceEditorContribution(@Reference HistoryService histories, BundleContext bundle) {
        this(histories, stateDirectory(bundle.getProperty(STATE_DIR_PROPERTY)), null);
    }

    /** {@code prompts} null asks with dialogs over the workbench window. */
    SourceEditorContribution(HistoryService histories, Path stateDirectory, Prompts prompts) {
        EditorSettings.load(stateDirectory);
        this.histories = histories;
        this.stateDirectory = stateDirectory;
        this.prompts = prompts;
        this.notes = new UserNotes(stateDirectory);
    }

    /** The user's bookmarks and notes, which the Annotations window lists with the rest. */
    UserNotes notes() {
        return notes;
    }

    /** Go to definition works while the editor core's symbol index runs; without it, F3 says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindSymbols(SymbolIndexService symbols) {
        indexes.setService(symbols);
    }

    void unbindSymbols(SymbolIndexService symbols) {
        indexes.unsetService(symbols);
    }

    /** Files over {@link FileContent#MAX_SIZE} open from the core's mapped document; without it, they don't. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDocuments(TextDocumentService service) {
        documents = service;
    }

    void unbindDocuments(TextDocumentService service) {
        if (documents == service) {
            documents = null;
        }
    }

    Definitions definitions() {
        return definitions;
    }

    /** Where Find References sends its symbol: the Symbols view's search; null until that view shows, and once closed. */
    void onFindReferences(java.util.function.Consumer<String> finder) {
        referenceFinder = finder;
    }

    /** Where Search in Project (Ctrl+Shift+F) sends its text: the Search view; null until it shows, and once closed. */
    void onSearchProject(java.util.function.Consumer<String> search) {
        projectSearch = search;
    }

    /** The text of every open editor with unsaved changes, by file; call on the display thread. */
    Map<Path, String> unsavedTexts() {
        Map<Path, String> texts = new java.util.HashMap<>();
        open.forEach((file, editor) -> {
            if (editor.isDirty()) {
                texts.put(file, editor.viewer().getDocument().get());
            }
        });
        return texts;
    }

    /**
     * Opens {@code file} and shows {@code line}, for the views that list places in files. The workbench opens the file
     * in whichever editor wins; only the source editor can be told the line.
     */
    void openAtLine(WorkbenchContext context, Path file, int line) {
        context.openFile(file);
        editorOf(file).ifPresent(editor -> editor.revealLine(line));
    }

    /** The open Search view's panel, for tests that drive Replace All. */
    Optional<SearchPanel> searchPanel() {
        return Optional.ofNullable(searchPanel);
    }

    void searchPanel(SearchPanel panel) {
        searchPanel = panel;
    }

    dev.trestle.editor.history.LocalHistory localHistory() {
        return histories.localHistory(stateDirectory);
    }

    /** The projects' symbol indexes, shared with the Symbols view. */
    ProjectIndexes indexes() {
        return indexes;
    }

    static Path stateDirectory(String property) {
        return dev.trestle.workbench.UserPreferences.stateDirectory(property);
    }

    @Override
    public String id() {
        return "dev.trestle.editor.source";
    }

    @Override
    public boolean canOpen(Path file) {
        return Language.of(file) != null;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public EditorPart open(Composite parent, Path file, WorkbenchContext context) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (FileContent.tooLarge(key)) {
            TextDocumentService service = documents;
            if (service == null || Files.size(key) > LargeDocument.MAX_SIZE) {
                return new TooLargeEditor(parent, key);
            }
            Language language = Optional.ofNullable(Language.of(key)).orElse(Language.TEXT);
            Probe probe = new Probe();
            TextDocument text = service.open(key);
            probe.mark("open_mapped");
            try {
                return new LargeFileEditor(
                        parent,
                        key,
                        language,
                        text,
                        digested -> LargeFileHistory.prepare(histories, stateDirectory, key, digested),
                        histories.localHistory(stateDirectory),
                        stateDirectory,
                        prompts != null ? prompts : Prompts.dialogs(context.shell()),
                        context::showError,
                        probe);
            } catch (IOException | RuntimeException e) {
                text.close();
                throw e;
            }
        }
        FileContent content = FileContent.read(key);
        Prompts asking = prompts != null ? prompts : Prompts.dialogs(context.shell());
        EditHistory history =
                histories.openEditHistory(stateDirectory, key, content.stamp().sha256());
        Saving saving = new Saving(key, content.charset(), content, histories.localHistory(stateDirectory), asking);
        Language language = Optional.ofNullable(Language.of(key)).orElse(Language.TEXT);
        SourceEditor editor = new SourceEditor(
                parent, key, language, content, history, saving, context::project, notes, context::showError);
        editor.onGoToDefinition(() -> definitions.goToDefinition(editor, context));
        editor.onSearchProject(text -> toView(
                context,
                SearchView.ID,
                () -> projectSearch,
                text,
                "Cannot search the project: the Search view is not open"));
        editor.onFindReferences(symbol -> toView(
                context,
                SymbolsView.ID,
                () -> referenceFinder,
                symbol,
                "Cannot find the references of '" + symbol + "': the Symbols view is not open"));
        editor.control().addDisposeListener(event -> open.remove(key, editor));
        open.put(key, editor);
        editor.offerRecovery();
        return editor;
    }

    /**
     * Brings the view {@code viewId} to the front and hands it {@code value}, or says why it cannot. The receiver is
     * asked for once the view shows: a view registers it when its widgets are made, the first time it shows.
     */
    private static void toView(
            WorkbenchContext context,
            String viewId,
            java.util.function.Supplier<java.util.function.Consumer<String>> receiverOnceShown,
            String value,
            String cannot) {
        java.util.function.Consumer<String> receiver;
        if (context.showView(viewId) && (receiver = receiverOnceShown.get()) != null) {
            receiver.accept(value);
        } else {
            context.showError(cannot, new IllegalStateException("no view " + viewId + " in this window"));
        }
    }

    /** The editor this contribution opened on {@code file}, if it is still open. */
    Optional<SourceEditor> editorOf(Path file) {
        return Optional.ofNullable(open.get(file.toAbsolutePath().normalize()));
    }
}
