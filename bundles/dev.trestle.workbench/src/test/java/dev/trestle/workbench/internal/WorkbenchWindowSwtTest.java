package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobState;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.TrestleFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real window under an X display (CI runs it with xvfb-run); plain JUnit, no framework. */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class WorkbenchWindowSwtTest {
    @TempDir
    Path temp;

    private Path projectDirectory;
    private WorkbenchFixture fixture;

    @BeforeEach
    void openWindow() throws Exception {
        projectDirectory = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        fixture = new WorkbenchFixture(temp.resolve("state"));
        fixture.open();
    }

    @AfterEach
    void closeWindow() {
        fixture.close();
    }

    @Test
    void openArgumentShowsTheFileAtItsLineInTheProjectAboveIt() throws Exception {
        Files.createDirectory(projectDirectory.resolve(".git"));
        Path file = projectDirectory.resolve("lib/text/counter.c");
        LaunchOptions options = LaunchOptions.parse(new String[] {"--open", file + ":13"}, key -> null);
        assertEquals(Optional.of(projectDirectory.toAbsolutePath().normalize()), options.projectDirectory());

        var filled = WorkbenchRun.fill(fixture.window, options.projectDirectory(), options);
        fixture.pumpUntil(filled::isDone, "the project and the file to open");
        assertEquals(
                projectDirectory.toAbsolutePath().normalize(),
                Path.of(fixture.window.project().orElseThrow().getRoot())
                        .toAbsolutePath()
                        .normalize());
        assertEquals("counter.c", fixture.activeTabTitle());
        StyledText text = ((TextFileEditor) fixture.activeEditor()).text();
        assertEquals(12, text.getLineAtOffset(text.getCaretOffset()), "the caret on line 13");
    }

    @Test
    void explorerShowsFoldersBeforeFilesSortedByName() {
        fixture.openProject(projectDirectory);
        Tree tree = fixture.window.explorer().viewer().getTree();
        List<String> top = Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
        assertEquals(List.of("include", "lib", "src", "tests", "README.md"), top);
        assertTrue(WorkbenchFixture.treeItem(tree, "lib", "text", "counter.c").isPresent(), "lib/text/counter.c");
        List<String> src = Arrays.stream(
                        WorkbenchFixture.treeItem(tree, "src").orElseThrow().getItems())
                .map(TreeItem::getText)
                .toList();
        assertEquals(List.of("main.c", "options.c", "options.h"), src);
    }

    @Test
    void doubleClickOpensAFileWhoseEditsAreSavedToDisk() throws Exception {
        fixture.openProject(projectDirectory);
        Tree tree = fixture.window.explorer().viewer().getTree();
        TreeItem mainC = WorkbenchFixture.treeItem(tree, "src", "main.c").orElseThrow();
        tree.setSelection(mainC);
        Event doubleClick = new Event();
        doubleClick.item = mainC;
        tree.notifyListeners(SWT.DefaultSelection, doubleClick);
        fixture.pump();

        OpenEditor editor = fixture.window.editors().active().orElseThrow();
        assertEquals("main.c", editor.tab().getText());
        StyledText text = ((TextFileEditor) editor.part()).text();
        Path file = projectDirectory.resolve("src/main.c");
        assertEquals(Files.readString(file), text.getText());

        text.replaceTextRange(0, 0, "/* reviewed */\n");
        fixture.pump();
        assertEquals("*main.c", editor.tab().getText());

        fixture.selectMenu("File", "Save");
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("/* reviewed */\n"));
        assertEquals("main.c", editor.tab().getText());
    }

    @Test
    void cancelButtonInTheStatusLineCancelsTheRunningJob() {
        JobHandle<Void> job = fixture.jobs.schedule("Wait", progress -> {
            progress.begin("Waiting for cancel", -1);
            while (!progress.isCancelled()) {
                Thread.sleep(10);
            }
            progress.checkCancelled();
            return null;
        });
        JobProgressItem progress = fixture.window.progress();
        fixture.pumpUntil(() -> progress.label().getText().startsWith("Waiting for cancel"), "the job's task shown");
        assertTrue(progress.cancelButton().isEnabled());

        progress.cancelButton().notifyListeners(SWT.Selection, new Event());
        fixture.pumpUntil(() -> job.status().state().isFinal(), "the job to end");

        assertEquals(JobState.CANCELLED, job.status().state());
        fixture.pumpUntil(() -> !progress.cancelButton().isEnabled(), "the progress line to clear");
    }

    @Test
    void annotationAddedByABackgroundThreadAppearsInProblems() throws Exception {
        Project project = fixture.openProject(projectDirectory);
        Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
        annotation.setPath("src/options.c");
        annotation.setStartLine(12);
        annotation.setEndLine(12);
        annotation.setSeverity(Severity.WARNING);
        annotation.setMessage("unused variable 'argc'");
        annotation.setOrigin("make");
        Thread writer = new Thread(() -> project.getAnnotations().add(annotation));
        writer.start();
        writer.join();

        var table = fixture.window.problems().viewer().getTable();
        fixture.pumpUntil(() -> table.getItemCount() == 1, "the annotation in the Problems view");
        assertEquals("warning", table.getItem(0).getText(0));
        assertEquals("unused variable 'argc'", table.getItem(0).getText(1));
        assertEquals("src/options.c", table.getItem(0).getText(2));
        assertEquals("12", table.getItem(0).getText(3));
    }

    @Test
    void contributedViewGetsATabAndLosesItWhenUnregistered() {
        fixture.openProject(projectDirectory);
        GreetingView view = new GreetingView();
        fixture.contributions.addView(view);
        fixture.pumpUntil(() -> fixture.window.views().tab("Greeting").isPresent(), "the Greeting tab");
        fixture.pump();
        assertEquals(0, view.created, "a view's widgets are made when its tab first shows, not before");

        CTabItem tab = fixture.window.views().tab("Greeting").orElseThrow();
        tab.getParent().setSelection(tab); // as a program selects it: no selection event
        assertEquals(1, view.created);
        assertEquals("Hello from wordfreq", view.label.getText());
        fixture.window.views().tab("Problems").ifPresent(tab.getParent()::setSelection);
        fixture.showView(view);
        fixture.pump();
        assertEquals(1, view.created, "made once, however often shown");
        assertTrue(view.label.isVisible());

        fixture.contributions.removeView(view);
        fixture.pumpUntil(() -> fixture.window.views().tab("Greeting").isEmpty(), "the Greeting tab to go");
        assertTrue(view.label.isDisposed());
    }

    @Test
    void brokenViewShowsItsFailureAndTheWorkbenchCarriesOn() {
        fixture.contributions.addView(new BrokenView());
        fixture.pumpUntil(() -> fixture.window.views().tab("Broken").isPresent(), "the Broken tab");
        CTabItem tab = fixture.window.views().tab("Broken").orElseThrow();
        tab.getParent().setSelection(tab);
        Label message = (Label) ((org.eclipse.swt.widgets.Composite) tab.getControl()).getChildren()[0];
        assertTrue(message.getText().contains("the view's model is missing"), message.getText());
        assertTrue(fixture.window.errors().lastMessage().contains("BrokenView"));

        fixture.openProject(projectDirectory);
        assertEquals(5, fixture.window.explorer().viewer().getTree().getItemCount());
    }

    @Test
    void secondWindowRemembersSizeAndRecentProjects() throws Exception {
        fixture.openProject(projectDirectory);
        fixture.window.getShell().setSize(900, 640);
        fixture.pump();
        fixture.close();
        assertTrue(Files.isRegularFile(temp.resolve("state").resolve(WorkbenchPreferences.FILE_NAME)));

        fixture = new WorkbenchFixture(temp.resolve("state"));
        fixture.open();
        assertEquals(new Point(900, 640), fixture.window.getShell().getSize());
        assertEquals(
                List.of(projectDirectory.toAbsolutePath().normalize()),
                fixture.window.preferences().recentProjects());
    }

    @Test
    void screenshotShowsTheFilledWindow() throws Exception {
        Project project = fixture.openProject(projectDirectory);
        Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
        annotation.setPath("lib/text/counter.c");
        annotation.setStartLine(7);
        annotation.setSeverity(Severity.ERROR);
        annotation.setMessage("implicit declaration of function 'strdup'");
        project.getAnnotations().add(annotation);
        fixture.pump();
        fixture.contributions.addView(new GreetingView());
        fixture.pump();
        fixture.window.openFile(projectDirectory.resolve("lib/text/counter.c"), 7);
        fixture.pump();
        fixture.jobs.schedule("Index", progress -> {
            progress.begin("Indexing symbols", 10);
            progress.worked(4);
            progress.step("lib/text/tokenize.c");
            while (!progress.isCancelled()) {
                Thread.sleep(10);
            }
            return null;
        });
        JobProgressItem progress = fixture.window.progress();
        fixture.pumpUntil(() -> progress.label().getText().startsWith("Indexing"), "the job in the status line");
        fixture.pumpUntil(() -> fixture.window.views().tab("Greeting").isPresent(), "the Greeting tab");

        long settle = System.currentTimeMillis() + 300;
        fixture.pumpUntil(() -> System.currentTimeMillis() > settle, "GTK to paint");
        Path png = Path.of("target/screenshots/workbench.png");
        Screenshots.save(fixture.window.getShell(), png);
        assertTrue(Files.size(png) > 10_000, "a real picture, not an empty file");
        fixture.jobs.active().forEach(status -> fixture.jobs.cancel(status.id()));
    }
}
