package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.trestle.core.internal.jobs.JobServiceImpl;
import dev.trestle.core.internal.project.ProjectServiceImpl;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.model.Project;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;

/**
 * A real workbench window with the trace views contributed. It lives in the workbench's internal package, which the
 * plain test classpath allows, because the window's classes are package-private; the trace UI bundle never does this.
 */
public final class TraceTestWindow implements AutoCloseable {
    public static final Path DEMO_PROJECT = Path.of("../../product/demo-project");

    private final Display display = Display.getDefault();
    private final JobServiceImpl jobs = new JobServiceImpl();
    private final ProjectServiceImpl projects = new ProjectServiceImpl();
    private final Contributions contributions = new Contributions();
    private final WorkbenchWindow window;
    private final WorkbenchContext context;

    public TraceTestWindow(Path stateDirectory, ActionContribution action, ViewContribution... views) {
        for (ViewContribution view : views) {
            contributions.addView(view);
        }
        contributions.addAction(action);
        WorkbenchServices services =
                new WorkbenchServices(jobs, projects, contributions, this::register, Optional.empty());
        window = new WorkbenchWindow(services, WorkbenchPreferences.load(stateDirectory));
        window.setBlockOnOpen(false);
        window.open();
        window.errors().setDialogsEnabled(false);
        context = new WindowContext(window, display);
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
        pumpUntil(shown::isDone, "the project " + directory + " to open", Duration.ofSeconds(20));
        return shown.join();
    }

    public WorkbenchContext context() {
        return context;
    }

    public boolean hasMenuItem(String menu, String label) {
        return Arrays.stream(window.getShell().getMenuBar().getItems())
                .filter(item -> item.getText().replace("&", "").equals(menu))
                .anyMatch(item -> {
                    item.getMenu().notifyListeners(SWT.Show, new Event());
                    return Arrays.stream(item.getMenu().getItems())
                            .anyMatch(i ->
                                    i.getText().split("\t")[0].replace("&", "").equals(label));
                });
    }

    /** Gives the view area most of the height, so screenshots show the views rather than an empty editor area. */
    public void enlargeViews() {
        if (window.views().folder().getParent() instanceof SashForm sash) {
            sash.setWeights(22, 78);
            sash.layout(true, true);
        }
        pump();
    }

    public Table problems() {
        return window.problems().viewer().getTable();
    }

    public void showView(ViewContribution view) {
        window.showView(view);
        pump();
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

    public void pumpUntil(BooleanSupplier condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
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
        pumpUntil(() -> System.currentTimeMillis() > until, "the window to settle", Duration.ofMillis(millis + 5000));
    }

    @Override
    public void close() {
        if (window.getShell() != null && !window.getShell().isDisposed()) {
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
