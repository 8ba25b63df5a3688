package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.trestle.core.internal.jobs.JobServiceImpl;
import dev.trestle.core.internal.project.ProjectServiceImpl;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.model.Project;
import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.ViewContribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A real workbench window for the editor's tests. It lives in the workbench's internal package, which the plain test
 * classpath allows, because the window's classes are package-private; the editor bundle itself never does this.
 */
public final class EditorTestWindow implements AutoCloseable {
    public static final Path DEMO_PROJECT = Path.of("../../product/demo-project");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Display display = Display.getDefault();
    private final JobServiceImpl jobs = new JobServiceImpl();
    private final ProjectServiceImpl projects = new ProjectServiceImpl();
    private final Contributions contributions = new Contributions();
    private final WorkbenchWindow window;

    public EditorTestWindow(Path stateDirectory, EditorContribution editor, ViewContribution view) {
        contributions.addEditor(editor);
        contributions.addView(view);
        WorkbenchServices services =
                new WorkbenchServices(jobs, projects, contributions, this::register, Optional.empty());
        window = new WorkbenchWindow(services, WorkbenchPreferences.load(stateDirectory));
        window.setBlockOnOpen(false);
        window.open();
        window.errors().setDialogsEnabled(false);
        pump();
    }

    public static Path copyDemoProject(Path into) throws IOException {
        if (!Files.isDirectory(DEMO_PROJECT)) {
            fail("the demo project is missing: " + DEMO_PROJECT.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(DEMO_PROJECT)) {
            for (Path source : files.toList()) {
                Path target = into.resolve(DEMO_PROJECT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }

    public Project openProject(Path directory) {
        var shown = window.openProject(directory);
        pumpUntil(shown::isDone, "the project " + directory + " to open");
        return shown.join();
    }

    public EditorPart openFile(Path file, int line) {
        window.openFile(file, line);
        pump();
        return activeEditor();
    }

    public EditorPart activeEditor() {
        return window.editors().active().orElseThrow().part();
    }

    public String activeTabTitle() {
        return window.editors().active().orElseThrow().tab().getText();
    }

    public boolean saveActive() {
        return window.editors().saveActive();
    }

    public Optional<CTabItem> viewTab(String title) {
        return window.views().tab(title);
    }

    public String lastError() {
        return window.errors().lastMessage();
    }

    public Shell shell() {
        return window.getShell();
    }

    public void screenshot(Path png) throws IOException {
        Screenshots.save(window.getShell(), png);
    }

    @SuppressWarnings("unchecked")
    private <S> ServiceRegistrar.Registration register(Class<S> type, S service) {
        if (type == JobListener.class) {
            jobs.addListener((JobListener) service);
            return () -> jobs.removeListener((JobListener) service);
        }
        if (type == ProjectListener.class) {
            projects.addListener((ProjectListener) service);
            return () -> projects.removeListener((ProjectListener) service);
        }
        throw new IllegalArgumentException("no test registry for " + type);
    }

    public void pump() {
        while (display.readAndDispatch()) {
            // run what is queued
        }
    }

    public void pumpUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + TIMEOUT + " waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {});
                display.sleep();
            }
        }
        pump();
    }

    public void settle(long millis) {
        long until = System.currentTimeMillis() + millis;
        pumpUntil(() -> System.currentTimeMillis() > until, "the window to settle");
    }

    @Override
    public void close() {
        if (window.getShell() != null && !window.getShell().isDisposed()) {
            // the editors are saved or discarded by the test itself; no dialog may block an automated run
            for (CTabItem tab : window.editors().folder().getItems()) {
                tab.dispose();
            }
            window.close();
        }
        pump();
        try {
            jobs.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
