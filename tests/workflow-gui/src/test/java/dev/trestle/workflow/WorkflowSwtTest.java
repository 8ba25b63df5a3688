package dev.trestle.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.backup.internal.BackupServiceImpl;
import dev.trestle.backup.internal.SourceBackupsImpl;
import dev.trestle.backup.ui.internal.BackUpAction;
import dev.trestle.backup.ui.internal.BackupsModel;
import dev.trestle.backup.ui.internal.BackupsView;
import dev.trestle.backup.ui.internal.RestoreFileAction;
import dev.trestle.backup.ui.internal.VerifyAllAction;
import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.editor.ui.internal.SavedVersionsView;
import dev.trestle.editor.ui.internal.SourceEditorContribution;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.make.internal.generate.GeneratorImpl;
import dev.trestle.make.ui.internal.BuildView;
import dev.trestle.make.ui.internal.MakeBuild;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.trace.ui.internal.AuditFindings;
import dev.trestle.trace.ui.internal.AuditQuickFixes;
import dev.trestle.trace.ui.internal.BuildUnderTraceAction;
import dev.trestle.trace.ui.internal.TraceLogs;
import dev.trestle.trace.ui.internal.TraceView;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The workflow of the workbench end to end, as a newcomer meets it, on a copy of the demo project, with the real
 * components of every capability: generate, build, break a dependency on purpose, build under trace, see the audit
 * finding, fix it, back up, verify, edit a file, see its saved version, clean behind the safety net, and put the
 * file's backed-up version back. A screenshot of each step goes to {@code target/workflow/}.
 */
class WorkflowSwtTest {
    private static final Duration MAKE = Duration.ofSeconds(90);
    private static final Path SHOTS = Path.of("target/workflow");

    @TempDir
    Path temp;

    @AfterEach
    void forgetProperties() {
        for (String key : List.of("trestle.state.dir", "trestle.backup.staging", "trestle.backup.state")) {
            System.clearProperty(key);
        }
    }

    @Test
    void generateBuildBreakTraceAuditFixBackUpVerifyEditSeeTheSavedVersionAndClean() throws Exception {
        assumeTrue(straceRuns(), "strace cannot trace here (missing, or no ptrace): the workflow builds under it");
        Path state = Files.createDirectories(temp.resolve("state"));
        Path usb = Files.createDirectories(temp.resolve("usb-stick"));
        System.setProperty("trestle.state.dir", state.toString());
        System.setProperty("trestle.backup.staging", temp.resolve("staging").toString());
        System.setProperty("trestle.backup.state", temp.resolve("backup-state").toString());
        // the destination the user added in the Backups view on an earlier day, remembered per user
        Files.writeString(state.resolve("backup-ui.properties"), "destination.0=" + usb + "\n");
        Path project = WorkbenchFixture.copyDemoProject(temp.resolve("wordfreq"));

        ScannerImpl scanner = new ScannerImpl();
        GeneratorImpl generator = new GeneratorImpl(scanner);
        MakeBuild make = new MakeBuild(scanner, generator);
        BackupServiceImpl backupService = new BackupServiceImpl();
        SourceBackupsImpl sourceBackups = new SourceBackupsImpl(backupService);
        make.setBackups(sourceBackups);
        BackupsModel backups = new BackupsModel(backupService);
        backups.setSourceBackups(sourceBackups);
        TraceLogs logs = new TraceLogs();
        AuditFindings findings = new AuditFindings(scanner);
        BuildUnderTraceAction underTrace = new BuildUnderTraceAction(logs, findings);
        HistoryServiceImpl histories = new HistoryServiceImpl();
        BundleContext noFramework = noFramework();
        BuildView buildView = new BuildView(make);
        TraceView traceView = new TraceView(logs);
        BackupsView backupsView = new BackupsView(backups);
        SavedVersionsView versionsView = new SavedVersionsView(histories, noFramework);

        try (WorkbenchFixture window = WorkbenchFixture.open(
                state,
                sourceBackups,
                new AuditQuickFixes(findings, generator),
                new SourceEditorContribution(histories, noFramework),
                buildView,
                traceView,
                backupsView,
                versionsView,
                underTrace,
                new BackUpAction(backups),
                new VerifyAllAction(backups),
                new RestoreFileAction(backups))) {
            Composite shell = window.shell();
            Project model = window.openProject(project);

            // 1. the start page: nothing is backed up yet
            window.showStartPage();
            assertTrue(window.startPageBackupLines().stream().anyMatch(l -> l.startsWith("⚠")), "a warning first");
            shot(window, "01-start-page");

            // 2. generate and build
            window.showView(buildView);
            window.enlargeViews();
            Widgets.press(shell, "Generate Makefile");
            Path makefile = project.resolve("build/linux-gcc/Makefile");
            window.pumpUntil(() -> Files.exists(makefile) && idle(shell), "the makefile", MAKE);
            Widgets.press(shell, "Build");
            Path program = project.resolve("build/linux-gcc/bin/main");
            window.pumpUntil(() -> Files.exists(program) && idle(shell), "the build", MAKE);
            shot(window, "02-built");

            // 3. break a dependency on purpose: a header reached only through a hand-written -I flag
            Files.createDirectories(project.resolve("vendor"));
            Files.writeString(project.resolve("vendor/wordfreq_banner.h"), "#define WORDFREQ_BANNER \"wordfreq\"\n");
            Path main = project.resolve("src/main.c");
            Files.writeString(main, "#include \"wordfreq_banner.h\"\n" + Files.readString(main));
            Path description = DescriptionFormat.fileOf(project);
            Files.writeString(
                    description,
                    Files.readString(description)
                            .replace(
                                    "[program main]\n",
                                    "[program main]\nflags = -I" + project.resolve("vendor") + "\n"));
            Widgets.press(shell, "Generate Makefile");
            window.pumpUntil(() -> idle(shell), "the makefile again", MAKE);

            // 4. build under trace: the trace opens, and the audit names the undeclared header on its unit
            window.showView(traceView);
            underTrace.run(window.context());
            window.pumpUntil(() -> !audit(model).isEmpty(), "the audit findings", MAKE);
            Annotation finding = audit(model).get(0);
            assertEquals("src/main.c", finding.getPath());
            assertEquals(1, finding.getStartLine(), "on the #include line");
            assertTrue(finding.getMessage().contains("vendor/wordfreq_banner.h"), finding.getMessage());
            showProblems(window);
            shot(window, "03-audit-finding");

            // 5. its quick fix adds the include path and generates again; the next traced build audits clean
            List<String> fixes = window.quickFixes(finding);
            assertEquals(List.of("Add 'vendor' to the include paths of main and generate the makefile again"), fixes);
            window.applyFirstQuickFix(finding);
            window.pumpUntil(() -> audit(model).isEmpty(), "the fix to apply", MAKE);
            assertTrue(Files.readString(description).contains("include = include lib vendor"));
            var before = underTrace.running().orElseThrow();
            underTrace.run(window.context());
            window.pumpUntil(
                    () -> underTrace.running().orElseThrow() != before
                            && underTrace.running().orElseThrow().result().isDone()
                            && findings.last().isPresent(),
                    "the second traced build",
                    MAKE);
            window.settle(300);
            assertEquals(0, findings.last().orElseThrow().missingCount(), "the rebuild is clean");
            assertTrue(audit(model).isEmpty());
            shot(window, "04-audit-clean");

            // 6. back up to the remembered destination, verify, and the start page says so
            window.showView(backupsView);
            new BackUpAction(backups).run(window.context());
            window.pumpUntil(() -> goodArchives(usb) == 1 && noJobs(window), "the verified backup", MAKE);
            window.settle(300); // the view applies the job's outcome on the display thread after the job ends
            new VerifyAllAction(backups).run(window.context());
            window.pumpUntil(() -> noJobs(window), "the verification", MAKE);
            window.settle(300);
            shot(window, "05-backed-up");
            window.showStartPage();
            assertTrue(
                    window.startPageBackupLines().stream().anyMatch(l -> l.startsWith("✓ " + usb)),
                    window.startPageBackupLines().toString());

            // 7. edit a file in the editor and save: the saved version is there, side by side with the file
            Path options = project.resolve("src/options.c");
            String original = Files.readString(options);
            window.openFile(options, 1);
            StyledText text = (StyledText) Widgets.all(shell).stream()
                    .filter(c -> c instanceof StyledText t && t.getText().equals(original) && t.isVisible())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no editor text for src/options.c"));
            text.setCaretOffset(0);
            text.insert("/* edited in Trestle */\n");
            window.pump();
            assertTrue(window.saveActive(), window.lastError());
            assertTrue(Files.readString(options).startsWith("/* edited in Trestle */"));
            window.showView(versionsView);
            Widgets.press(shell, "Show Active File");
            window.pump();
            String title = Widgets.label(shell, t -> t.matches("\\d+ saved versions? of .*"))
                    .orElseThrow();
            assertTrue(title.startsWith("1 saved version of " + options), title);
            shot(window, "06-saved-version");

            // 8. clean: the backup is older than the edit, so Trestle asks; "Clean Anyway" removes only outputs
            window.showView(buildView);
            Widgets.answerNextDialog(window.shell().getDisplay(), window.shell(), "Clean Anyway");
            Widgets.press(shell, "Clean");
            window.pumpUntil(() -> !Files.exists(program) && idle(shell), "the clean", MAKE);
            assertTrue(Files.exists(options), "the edited source stays");
            assertTrue(Files.exists(main), "the sources stay");
            assertTrue(Files.exists(makefile), "the makefile stays");
            assertTrue(Widgets.all(shell).stream()
                    .anyMatch(c -> c instanceof StyledText t && t.getText().contains("is older than the last change")));
            shot(window, "07-cleaned-after-warning");

            // 9. the version in the backup comes back; the edit stays among the saved versions
            window.showView(backupsView);
            Widgets.answerNextDialog(window.shell().getDisplay(), window.shell(), "Yes");
            new RestoreFileAction(backups).run(window.context());
            window.pumpUntil(
                    () -> read(options).equals(original) && noJobs(window), "src/options.c back from the backup", MAKE);
            window.pumpUntil(() -> text.getText().equals(original), "the open editor to follow the file on disk", MAKE);
            assertEquals(original, read(options));
            shot(window, "08-file-restored-from-backup");
        }
    }

    private static boolean noJobs(WorkbenchFixture window) {
        return window.context().jobs().active().isEmpty();
    }

    private static boolean idle(Composite shell) {
        return Widgets.button(shell, "Build").isEnabled();
    }

    private static List<Annotation> audit(Project project) {
        return List.copyOf(project.getAnnotations()).stream()
                .filter(a -> "audit".equals(a.getOrigin()))
                .toList();
    }

    private static void showProblems(WorkbenchFixture window) {
        window.viewTab("Problems").ifPresent(tab -> tab.getParent().setSelection(tab));
        window.pump();
    }

    private static long goodArchives(Path destination) {
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".good"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void shot(WorkbenchFixture window, String name) throws IOException {
        window.settle(300);
        Files.createDirectories(SHOTS);
        window.screenshot(SHOTS.resolve(name + ".png"));
    }

    /** The components read their settings from system properties when the framework has none. */
    private static BundleContext noFramework() {
        return (BundleContext) Proxy.newProxyInstance(
                WorkflowSwtTest.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static boolean straceRuns() {
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-o", "/dev/null", "true")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
