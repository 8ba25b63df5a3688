package dev.trestle.make.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.make.internal.generate.GeneratorImpl;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real Build view in a real workbench window under an X display (CI runs it with xvfb-run). */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class BuildViewSwtTest {
    private static final Duration MAKE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private Path projectDirectory;
    private MakeBuild build;
    private BuildView view;
    private WorkbenchFixture window;
    private Project project;

    @BeforeEach
    void openWindow() throws Exception {
        projectDirectory = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        DependencyScanner scanner = new ScannerImpl();
        MakefileGenerator generator = new GeneratorImpl(scanner);
        build = new MakeBuild(scanner, generator, root -> {
            BuildDescription proposed = Proposer.propose(root);
            DescriptionFormat.save(DescriptionFormat.fileOf(root), proposed);
            return "wrote " + DescriptionFormat.fileOf(root);
        });
        view = new BuildView(build);
        window = WorkbenchFixture.open(
                temp.resolve("state"), view, new GenerateAction(build), new BuildAction(build), new CleanAction(build));
        window.shell().setBounds(0, 0, 1270, 1000);
        window.enlargeViews();
        project = window.openProject(projectDirectory);
        window.pumpUntil(() -> window.viewTab("Build").isPresent(), "the Build view's tab");
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void menuHasTheBuildCommandsWhichBringUpTheBuildView() {
        for (String label : List.of("Generate Makefile", "Build", "Clean")) {
            assertTrue(window.hasMenuItem("Build", label), label);
        }
        assertTrue(build.panel().isEmpty(), "the view is not made before it shows");
        new BuildAction(build).run(window.context());
        BuildPanel panel = build.panel().orElseThrow(() -> new AssertionError("Build made the view for its output"));
        assertTrue(panel.control().isVisible(), "and brought it to the front");
        window.pumpUntil(() -> !panel.isRunning(), "the build", MAKE);
        assertEquals(null, window.lastError(), "no error on the way");
    }

    @Test
    void generateBuildFailCleanWithAnnotationsAndAConsole() throws Exception {
        window.showView(view);
        BuildPanel panel = build.panel().orElseThrow();
        window.pumpUntil(
                () -> panel.projectRoot().isPresent() && panel.showsNoDescription(), "the no-description notice");
        Map<String, String> pristine = digests(projectDirectory);

        press(panel, panel::generate);
        window.pumpUntil(() -> !panel.isRunning(), "generation", MAKE);
        Path makefile = projectDirectory.resolve("build/linux-gcc/Makefile");
        assertTrue(
                Files.isRegularFile(makefile),
                panel.status() + "\n" + panel.console().getText());
        assertEquals(
                Files.readString(makefile, StandardCharsets.UTF_8),
                panel.makefile().getText());
        assertTrue(panel.makefile().getText().startsWith(MakefileGenerator.HEADER));
        assertFalse(panel.showsNoDescription());
        assertTrue(panel.targets().getItemCount() > 0, "targets listed");
        assertTrue(
                Arrays.stream(panel.sources().getItems())
                        .anyMatch(i -> i.getText(0).equals("src/main.c")),
                "src/main.c among the sources");

        int main = indexOf(panel, "src/main.c");
        panel.sources().setSelection(main);
        panel.sources().notifyListeners(SWT.Selection, new Event());
        window.pumpUntil(
                () -> Arrays.stream(panel.includes().getItems())
                        .anyMatch(i -> i.getText(0).equals("include/wordfreq/config.h")),
                "the include closure of src/main.c",
                MAKE);
        String why = Arrays.stream(panel.includes().getItems())
                .filter(i -> i.getText(0).equals("include/wordfreq/config.h"))
                .findFirst()
                .orElseThrow()
                .getText(1);
        assertTrue(why.startsWith("src/main.c:"), why);

        // a header lists the units that include it, with the chain
        int counter = indexOf(panel, "lib/text/counter.h");
        assertEquals(BuildPanel.HEADER, panel.sources().getItem(counter).getText(1));
        panel.sources().setSelection(counter);
        panel.sources().notifyListeners(SWT.Selection, new Event());
        window.pumpUntil(
                () -> panel.status().startsWith("lib/text/counter.h is included by"),
                "the units that include lib/text/counter.h",
                MAKE);
        assertEquals(
                List.of("lib/text/counter.c", "src/main.c", "tests/test_counter.c"),
                Arrays.stream(panel.includes().getItems())
                        .map(i -> i.getText(0))
                        .toList());
        assertEquals("src/main.c:4", panel.includes().getItem(1).getText(1));

        press(panel, panel::build);
        window.pumpUntil(() -> !panel.isRunning(), "the build", MAKE);
        String output = panel.console().getText();
        assertEquals(0, panel.lastOutcome().orElseThrow().exitCode(), output);
        assertTrue(output.lines().anyMatch(l -> l.contains("gcc")), output);
        assertTrue(output.contains("make exited with status 0"), output);
        assertTrue(makeAnnotations().isEmpty(), "a clean build leaves no make annotations");

        Path source = projectDirectory.resolve("src/main.c");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int brace = lines.indexOf("{");
        lines.add(brace + 1, "    int x = ;");
        Files.write(source, lines, StandardCharsets.UTF_8);
        int badLine = brace + 2;

        press(panel, panel::build);
        window.pumpUntil(() -> !panel.isRunning(), "the failing build", MAKE);
        assertTrue(
                panel.lastOutcome().orElseThrow().exitCode() != 0,
                panel.console().getText());
        assertEquals("Build failed (exit 2): 1 error, 0 warnings", panel.status());
        Annotation error = makeAnnotations().stream()
                .filter(a -> a.getSeverity() == Severity.ERROR)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no make error in " + project.getAnnotations()));
        assertEquals("src/main.c", error.getPath());
        assertEquals(badLine, error.getStartLine());
        window.pumpUntil(() -> window.problems().getItemCount() >= 1, "the error in Problems");
        window.settle(400);
        Path png = Path.of("target/screenshots/build.png");
        Files.createDirectories(png.getParent());
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");

        List<String> fixed = Files.readAllLines(source, StandardCharsets.UTF_8);
        fixed.remove(badLine - 1);
        Files.write(source, fixed, StandardCharsets.UTF_8);
        press(panel, panel::build);
        window.pumpUntil(() -> !panel.isRunning(), "the build after the fix", MAKE);
        assertTrue(
                Files.exists(projectDirectory.resolve("build/linux-gcc/bin/main")),
                panel.console().getText());
        press(panel, panel::clean);
        window.pumpUntil(() -> !panel.isRunning(), "clean", MAKE);
        assertTrue(
                panel.status().startsWith("Clean: removed "),
                panel.status() + "\n" + panel.console().getText());
        assertFalse(
                Files.exists(projectDirectory.resolve("build/linux-gcc/bin/main")),
                panel.console().getText());
        Map<String, String> after = digests(projectDirectory);
        // the project model records what generate will build: it is the one file the build view writes
        after.keySet()
                .removeIf(k -> k.startsWith("build/")
                        || k.equals(DescriptionFormat.FILE_NAME)
                        || k.equals(dev.trestle.model.store.ProjectStore.FILE_NAME));
        pristine.remove(dev.trestle.model.store.ProjectStore.FILE_NAME);
        assertEquals(pristine, after, "clean leaves the sources byte-identical");
    }

    private void press(BuildPanel panel, Runnable command) {
        command.run();
        window.pump();
    }

    private List<Annotation> makeAnnotations() {
        return project.getAnnotations().stream()
                .filter(a -> BuildAnnotations.ORIGIN.equals(a.getOrigin()))
                .toList();
    }

    private static int indexOf(BuildPanel panel, String file) {
        for (int i = 0; i < panel.sources().getItemCount(); i++) {
            if (panel.sources().getItem(i).getText(0).equals(file)) {
                return i;
            }
        }
        throw new AssertionError("no " + file);
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(file).toString(), digest(file));
            }
        }
        return digests;
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
