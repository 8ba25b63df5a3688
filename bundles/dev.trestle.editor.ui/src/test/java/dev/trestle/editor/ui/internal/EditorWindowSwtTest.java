package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.Branch;
import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.Recovery;
import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.editor.internal.xref.SymbolIndexServiceImpl;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.TrestleFactory;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The editor in a real workbench window under an X display (the build runs it with xvfb-run). */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class EditorWindowSwtTest {
    @TempDir
    Path temp;

    private Path project;
    private WorkbenchFixture window;
    private SourceEditorContribution editors;
    private final Deque<Prompts.ConflictChoice> conflictAnswers = new ArrayDeque<>();
    private boolean restoreAnswer = true;
    private final Prompts prompts = new Prompts() {
        @Override
        public ConflictChoice onConflict(Conflict conflict) {
            return conflictAnswers.remove();
        }

        @Override
        public boolean restoreRecovery(Recovery recovery) {
            return restoreAnswer;
        }

        @Override
        public Optional<String> noteText(Path file, int line) {
            return Optional.ofNullable(noteAnswer);
        }

        @Override
        public Optional<Long> chooseBranch(List<Branch> branches, long current) {
            offeredBranches = List.copyOf(branches);
            // the branch the user is not on
            return branches.stream()
                    .map(Branch::tipState)
                    .filter(state -> state != current)
                    .findFirst();
        }
    };
    private List<Branch> offeredBranches = List.of();
    private String noteAnswer;

    @BeforeEach
    void openWindow() throws Exception {
        project = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        window = newWindow();
    }

    private WorkbenchFixture newWindow() {
        editors = new SourceEditorContribution(new HistoryServiceImpl(), temp.resolve("editor-state"), prompts);
        editors.bindSymbols(new SymbolIndexServiceImpl());
        return WorkbenchFixture.open(
                temp.resolve("state"),
                editors,
                new AnnotationsView(editors),
                new SymbolsView(editors),
                new SearchView(editors));
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    private SourceEditor open(String relative) {
        window.openProject(project);
        return (SourceEditor) window.openFile(project.resolve(relative), 0);
    }

    @Test
    void typedTextUndoesSavesAndItsHistorySurvivesReopening() throws Exception {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        Path file = project.resolve("src/main.c");
        String original = Files.readString(file);
        assertEquals(original, text.getText());

        text.setCaretOffset(0);
        window.type(text, "abc");
        assertTrue(text.getText().startsWith("abc"));
        assertEquals("*main.c", window.activeTabTitle());
        window.key(text, 'z', 'z', SWT.MOD1);
        assertEquals(original, text.getText(), "one undo takes back the typed word");
        assertEquals("main.c", window.activeTabTitle(), "back at the loaded text is not dirty");
        window.key(text, 'z', 'z', SWT.MOD1 | SWT.SHIFT);
        assertEquals("abc" + original, text.getText());

        assertTrue(window.saveActive(), window.lastError());
        assertEquals("abc" + original, Files.readString(file));
        assertEquals("main.c", window.activeTabTitle());
        window.close();

        window = newWindow();
        SourceEditor reopened = open("src/main.c");
        StyledText again = reopened.viewer().getTextWidget();
        assertEquals("abc" + original, again.getText());
        window.key(again, 'z', 'z', SWT.MOD1);
        assertEquals(original, again.getText(), "undo after a restart restores the text before the save");
        assertTrue(reopened.isDirty());
    }

    @Test
    void anEditAfterAnUndoStartsABranchThatTheBranchListAndTimeTravelReach() {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        String original = text.getText();
        text.setCaretOffset(0);
        window.type(text, "abc");
        window.key(text, 'z', 'z', SWT.MOD1);
        window.type(text, "xyz");
        assertEquals("xyz" + original, text.getText(), "an edit after undo: a second branch");

        window.key(text, 'b', 'b', SWT.MOD1 | SWT.ALT);
        assertEquals(2, offeredBranches.size(), "both branches are listed: " + offeredBranches);
        assertEquals("abc" + original, text.getText(), "the other branch is back");

        // every edit was made within the last minute: a minute earlier is the text as loaded, a minute later the newest
        window.key(text, 'z', 'z', SWT.MOD1 | SWT.ALT);
        assertEquals(original, text.getText());
        assertEquals("main.c", window.activeTabTitle(), "back at the loaded text is not dirty");
        window.key(text, 'z', 'z', SWT.MOD1 | SWT.ALT | SWT.SHIFT);
        assertEquals("xyz" + original, text.getText());
        assertTrue(editor.isDirty());
    }

    @Test
    void f3OnACallOpensItsDefinitionInAnotherFileAtItsLine() {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        text.setCaretOffset(text.getText().indexOf("counter_add") + 4);
        window.key(text, '\0', SWT.F3, 0);
        Path counter = project.resolve("lib/text/counter.c").toAbsolutePath().normalize();
        window.pumpUntil(
                () -> window.activeEditor() instanceof SourceEditor active
                        && active.file().equals(counter),
                "counter.c to open");
        SourceEditor definition = (SourceEditor) window.activeEditor();
        StyledText shown = definition.viewer().getTextWidget();
        assertEquals(12, shown.getLineAtOffset(shown.getCaretOffset()), "the caret on line 13");
        assertEquals("counter_add", shown.getSelectionText());
        assertTrue(editors.definitions().lastMessage().startsWith("counter_add: function counter.c:13"));

        // from the definition itself, in the same file; then a name the project does not define
        window.key(shown, '\0', SWT.F3, 0);
        window.pumpUntil(() -> editors.definitions().lastMessage().startsWith("counter_add:"), "the second look-up");
        assertEquals(counter, ((SourceEditor) window.activeEditor()).file());
        text.setCaretOffset(text.getText().indexOf("printf") + 1);
        editors.definitions().goToDefinition(editor, window.context());
        window.pumpUntil(
                () -> editors.definitions().lastMessage().equals("No definition of 'printf' in the project"),
                "the message naming the symbol");
    }

    @Test
    void identifierAtAnOffsetIsTheWordAroundIt() {
        assertEquals(
                "counter_add",
                SourceEditor.identifierAt("if (counter_add(&c", 4).orElseThrow());
        assertEquals(
                "counter_add",
                SourceEditor.identifierAt("if (counter_add(&c", 15).orElseThrow());
        assertTrue(SourceEditor.identifierAt("a + 12", 5).isEmpty());
        assertTrue(SourceEditor.identifierAt("a  b", 2).isEmpty());
    }

    @Test
    void enterKeepsTheIndentationOfThePreviousLine() {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        text.setCaretOffset(0);
        window.type(text, "    x;\ny");
        assertTrue(text.getText().startsWith("    x;\n    y"), text.getText().substring(0, 20));
    }

    @Test
    void keywordsAreColoured() {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        window.pump();
        int offset = text.getText().indexOf("return");
        assertTrue(offset >= 0, "main.c has a return statement");
        StyleRange range = text.getStyleRangeAtOffset(offset);
        assertNotNull(range, "no style at 'return'");
        assertEquals(Style.KEYWORD.color().getRGB(), range.foreground.getRGB());
    }

    @Test
    void aFileChangedOnDiskIsMergedWithTheEditorsChangesAndConflictsKeepBothSides() throws Exception {
        SourceEditor editor = open("src/options.c");
        Path file = project.resolve("src/options.c");
        String original = Files.readString(file);
        editor.viewer().getDocument().replace(0, 0, "/* mine */\n");
        Files.writeString(file, original + "/* theirs */\n", StandardCharsets.UTF_8);
        conflictAnswers.add(Prompts.ConflictChoice.MERGE);
        editor.save();
        assertEquals(
                "/* mine */\n" + original + "/* theirs */\n",
                editor.viewer().getDocument().get());
        assertEquals(original + "/* theirs */\n", Files.readString(file), "a merge is not saved by itself");
        assertTrue(editor.isDirty());
        editor.save();
        assertEquals(
                "/* mine */\n" + original + "/* theirs */\n", Files.readString(file), "no conflict the second time");
        assertFalse(editor.isDirty());

        // both change the first line: both versions stay, between markers
        String saved = Files.readString(file);
        editor.viewer().getDocument().replace(0, "/* mine */".length(), "/* mine, again */");
        Files.writeString(file, saved.replace("/* mine */", "/* theirs, too */"), StandardCharsets.UTF_8);
        conflictAnswers.add(Prompts.ConflictChoice.MERGE);
        editor.save();
        assertTrue(
                editor.viewer()
                        .getDocument()
                        .get()
                        .startsWith("<<<<<<< editor\n/* mine, again */\n=======\n/* theirs, too */\n>>>>>>> on disk\n"),
                editor.viewer().getDocument().get());
        assertTrue(window.lastError().contains("1 conflict"), window.lastError());
        assertEquals(saved.replace("/* mine */", "/* theirs, too */"), Files.readString(file), "the disk untouched");
    }

    @Test
    void saveOverAFileChangedOnDiskAsksAndCancelLeavesTheFileAlone() throws Exception {
        SourceEditor editor = open("src/options.c");
        Path file = project.resolve("src/options.c");
        editor.viewer().getDocument().replace(0, 0, "/* mine */\n");
        Files.writeString(file, "/* theirs */\n", StandardCharsets.UTF_8);
        conflictAnswers.add(Prompts.ConflictChoice.CANCEL);
        editor.save();
        assertEquals("/* theirs */\n", Files.readString(file));
        assertTrue(editor.isDirty());
        conflictAnswers.add(Prompts.ConflictChoice.OVERWRITE);
        editor.save();
        assertTrue(Files.readString(file).startsWith("/* mine */\n"));
        assertFalse(editor.isDirty());
    }

    @Test
    void unsavedTextOfACrashedSessionIsOfferedOnOpen() throws Exception {
        SourceEditor editor = open("src/options.c");
        editor.viewer().getDocument().replace(0, 0, "/* unsaved */\n");
        window.pumpUntil(
                () -> Files.exists(temp.resolve("editor-state")) && recoveryWritten(),
                "the recovery file after the idle pause");
        // a crash: the window goes without the editor saving
        window.close();
        window = newWindow();
        SourceEditor reopened = open("src/options.c");
        assertTrue(reopened.viewer().getDocument().get().startsWith("/* unsaved */\n"));
        assertTrue(reopened.isDirty());
    }

    private boolean recoveryWritten() {
        try (var files = Files.walk(temp.resolve("editor-state"))) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".recovery"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theDocumentMapMarksTheLinesTheFindBarMatchesWhileItIsShown() {
        SourceEditor editor = open("lib/text/counter.c");
        String[] lines = editor.viewer().getDocument().get().split("\n", -1);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches(".*capacity\\s*=.*")) {
                expected.add(i);
            }
        }
        assertTrue(expected.size() >= 2, "the file has assignments to capacity: " + expected);
        assertEquals(0, editor.map().searchHitLines().length, "no search, no marks");
        editor.findBar().setVisible(true);
        editor.findBar().setSearch("capacity\\s*=", true);
        assertEquals(
                expected,
                java.util.Arrays.stream(editor.map().searchHitLines()).boxed().toList());
        editor.viewer().getTextWidget().setCaretOffset(0);
        editor.viewer().getTextWidget().insert("capacity = 1;\n");
        assertEquals(expected.size() + 1, editor.map().searchHitLines().length, "found again after an edit");
        editor.findBar().setVisible(false);
        assertEquals(0, editor.map().searchHitLines().length, "a hidden bar marks nothing");
    }

    @Test
    void findBarReplacesWithARegularExpression() {
        SourceEditor editor = open("src/main.c");
        editor.findBar().setSearch("\\bargc\\b", true);
        editor.findBar().setReplacement("count");
        int replaced = editor.findBar().replaceAll();
        assertTrue(replaced > 0);
        assertFalse(editor.viewer().getDocument().get().matches("(?s).*\\bargc\\b.*"));
    }

    @Test
    void annotationsShowInTheWindowAndDoubleClickOpensTheLine() throws Exception {
        Project model = window.openProject(project);
        model.getAnnotations()
                .add(annotation("lib/text/counter.c", 7, Severity.ERROR, "implicit declaration of function 'strdup'"));
        model.getAnnotations().add(annotation("lib/text/counter.c", 12, Severity.WARNING, "unused variable 'n'"));
        model.getAnnotations().add(annotation("src/main.c", 3, Severity.INFO, "note: bookmark"));
        SourceEditor editor = (SourceEditor) window.openFile(project.resolve("lib/text/counter.c"), 7);
        window.viewTab("Annotations").ifPresent(tab -> tab.getParent().setSelection(tab));
        Table table = findTable();
        window.pumpUntil(() -> table.getItemCount() == 3, "three annotations listed");
        assertEquals("error", table.getItem(0).getText(0));
        assertEquals("lib/text/counter.c", table.getItem(0).getText(2));
        assertTrue(editor.viewer().getAnnotationModel().getAnnotationIterator().hasNext(), "annotations in the rulers");

        window.settle(400);
        Path png = Path.of("target/screenshots/editor.png");
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");
        assertTrue(editor.map().control().isVisible());

        // the info row: double-click opens src/main.c at line 3
        table.setSelection(2);
        table.notifyListeners(SWT.DefaultSelection, new Event());
        window.pump();
        SourceEditor main = (SourceEditor) window.activeEditor();
        assertEquals(project.resolve("src/main.c").toAbsolutePath().normalize(), main.file());
        assertEquals(
                2,
                main.viewer()
                        .getTextWidget()
                        .getLineAtOffset(main.viewer().getTextWidget().getCaretOffset()));
    }

    @Test
    void bookmarksAndNotesAreListedWithTheOtherAnnotationsAndSurviveARestart() throws Exception {
        SourceEditor editor = open("src/options.c");
        StyledText text = editor.viewer().getTextWidget();
        text.setCaretOffset(text.getOffsetAtLine(4));
        window.key(text, 'M', 'm', SWT.MOD1 | SWT.SHIFT);
        text.setCaretOffset(text.getOffsetAtLine(9));
        noteAnswer = "check\tthe overflow\nbefore release";
        window.key(text, 'N', 'n', SWT.MOD1 | SWT.SHIFT);
        window.viewTab("Annotations").ifPresent(tab -> tab.getParent().setSelection(tab));
        Table table = findTable();
        window.pumpUntil(() -> table.getItemCount() == 2, "the bookmark and the note listed");
        List<String> rows = new java.util.ArrayList<>();
        for (var item : table.getItems()) {
            rows.add(item.getText(1) + "|" + item.getText(2) + "|" + item.getText(3) + "|" + item.getText(4));
        }
        String fifthLine = text.getLine(4).strip();
        assertTrue(rows.contains("bookmark: " + fifthLine + "|src/options.c|5|note"), rows.toString());
        assertTrue(rows.contains(noteAnswer + "|src/options.c|10|note"), rows.toString());
        assertTrue(editor.viewer().getAnnotationModel().getAnnotationIterator().hasNext(), "the rulers show them");

        // a new window over a fresh model of the project: the notes come back from the state directory
        window.close();
        window = newWindow();
        open("src/main.c");
        window.viewTab("Annotations").ifPresent(tab -> tab.getParent().setSelection(tab));
        Table again = findTable();
        window.pumpUntil(() -> again.getItemCount() == 2, "the notes after a restart");

        // the same key on a bookmarked line takes the bookmark away, and the store forgets it
        SourceEditor options = (SourceEditor) window.openFile(project.resolve("src/options.c"), 5);
        StyledText optionsText = options.viewer().getTextWidget();
        optionsText.setCaretOffset(optionsText.getOffsetAtLine(4));
        window.key(optionsText, 'M', 'm', SWT.MOD1 | SWT.SHIFT);
        window.pumpUntil(() -> again.getItemCount() == 1, "the bookmark removed");
        window.close();
        window = newWindow();
        open("src/main.c");
        window.viewTab("Annotations").ifPresent(tab -> tab.getParent().setSelection(tab));
        Table last = findTable();
        window.pumpUntil(() -> last.getItemCount() == 1, "only the note after another restart");
        assertEquals(noteAnswer, last.getItem(0).getText(1));
    }

    @Test
    void findReferencesListsDefinitionsAndUsesAndTheBrowserShowsFilesBySymbol() throws Exception {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        int line = 21; // 0-based: "if (counter_add(&counter, word) != 0) {"
        assertTrue(text.getLine(line).contains("counter_add("), text.getLine(line));
        text.setCaretOffset(text.getOffsetAtLine(line) + text.getLine(line).indexOf("counter_add") + 3);
        window.key(text, 'G', 'g', SWT.MOD1 | SWT.SHIFT);
        Table results = viewTable("Symbols");
        window.pumpUntil(() -> results.getItemCount() >= 5, "the definitions and references of counter_add");
        List<String> rows = new java.util.ArrayList<>();
        for (var item : results.getItems()) {
            rows.add(item.getText(0) + " " + item.getText(2) + ":" + item.getText(3));
        }
        assertTrue(rows.contains("function lib/text/counter.c:13"), rows.toString());
        assertTrue(rows.contains("reference src/main.c:22"), rows.toString());
        assertEquals(
                3,
                rows.stream()
                        .filter(r -> r.startsWith("reference tests/test_counter.c:"))
                        .count(),
                rows.toString());

        // the definition's row opens counter.c at its line
        int definition = rows.indexOf("function lib/text/counter.c:13");
        results.setSelection(definition);
        results.notifyListeners(SWT.DefaultSelection, new Event());
        window.pump();
        SourceEditor counter = (SourceEditor) window.activeEditor();
        assertEquals(project.resolve("lib/text/counter.c").toAbsolutePath().normalize(), counter.file());
        StyledText counterText = counter.viewer().getTextWidget();
        assertEquals(12, counterText.getLineAtOffset(counterText.getCaretOffset()));

        // the browser: directories, their files, and the symbols each defines
        Tree tree = viewTree("Symbols");
        window.pumpUntil(() -> tree.getItemCount() > 0, "the project's files by directory");
        List<String> top = new java.util.ArrayList<>();
        for (var item : tree.getItems()) {
            top.add(item.getText());
        }
        assertTrue(top.containsAll(List.of("lib/", "src/", "tests/")), top.toString());
        window.settle(200);
        window.screenshot(Path.of("target/screenshots/symbols.png"));
    }

    @Test
    void searchInProjectFindsEveryUseAndReplaceAllChangesClosedFilesAndOpenEditors() throws Exception {
        SourceEditor editor = open("src/main.c");
        StyledText text = editor.viewer().getTextWidget();
        int line = 21; // 0-based: "if (counter_add(&counter, word) != 0) {"
        text.setCaretOffset(text.getOffsetAtLine(line) + text.getLine(line).indexOf("counter_add") + 2);
        window.key(text, 'F', 'f', SWT.MOD1 | SWT.SHIFT);
        Table hits = viewTable("Search");
        window.pumpUntil(() -> hits.getItemCount() >= 6, "the uses of counter_add in the project");
        List<String> rows = new java.util.ArrayList<>();
        for (var item : hits.getItems()) {
            rows.add(item.getText(0) + ":" + item.getText(1));
        }
        assertTrue(
                rows.containsAll(List.of(
                        "lib/text/counter.c:13", "lib/text/counter.h:19", "src/main.c:22", "tests/test_counter.c:12")),
                rows.toString());
        window.settle(200);
        window.screenshot(Path.of("target/screenshots/search.png"));

        SearchPanel panel = editors.searchPanel().orElseThrow();
        panel.setReplacement("counter_insert", false);
        panel.replaceAll();
        window.pumpUntil(() -> hits.getItemCount() == 0, "nothing left to find after Replace All");
        assertTrue(panel.statusText().contains("open in editors"), panel.statusText());
        assertTrue(Files.readString(project.resolve("lib/text/counter.c")).contains("int counter_insert("));
        assertFalse(Files.readString(project.resolve("tests/test_counter.c")).contains("counter_add"));
        assertTrue(editor.viewer().getDocument().get().contains("counter_insert(&counter, word)"));
        assertTrue(editor.isDirty(), "the open file is changed in its editor, for the user to save");
        assertTrue(Files.readString(project.resolve("src/main.c")).contains("counter_add"), "and not yet on disk");
        window.key(text, 'z', 'z', SWT.MOD1);
        assertTrue(editor.viewer().getDocument().get().contains("counter_add(&counter, word)"), "one undo");
    }

    private Table viewTable(String title) {
        return findIn(title, Table.class);
    }

    private Tree viewTree(String title) {
        return findIn(title, Tree.class);
    }

    private <T> T findIn(String title, Class<T> type) {
        var tab = window.viewTab(title).orElseThrow(() -> new AssertionError("no view " + title));
        tab.getParent().setSelection(tab);
        T found = findControl(tab.getControl(), type);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " in the " + title + " view");
        }
        return found;
    }

    private static <T> T findControl(org.eclipse.swt.widgets.Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (var child : composite.getChildren()) {
                T found = findControl(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Table findTable() {
        var tab = window.viewTab("Annotations").orElseThrow();
        var host = (org.eclipse.swt.widgets.Composite) tab.getControl();
        var root = (org.eclipse.swt.widgets.Composite) host.getChildren()[0];
        for (var child : root.getChildren()) {
            if (child instanceof Table table) {
                return table;
            }
        }
        throw new AssertionError("no table in the Annotations view");
    }

    private static Annotation annotation(String path, int line, Severity severity, String message) {
        Annotation a = TrestleFactory.eINSTANCE.createAnnotation();
        a.setPath(path);
        a.setStartLine(line);
        a.setEndLine(line);
        a.setSeverity(severity);
        a.setMessage(message);
        a.setOrigin("make");
        return a;
    }
}
