package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.trestle.core.internal.jobs.JobServiceImpl;
import dev.trestle.core.internal.project.ProjectServiceImpl;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.model.Project;
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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** A real workbench window over a copy of the demo project, with the core bundle's real services. */
final class WorkbenchFixture implements AutoCloseable {
    static final Path DEMO_PROJECT = Path.of("../../product/demo-project");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Display display;
    final JobServiceImpl jobs = new JobServiceImpl();
    final ProjectServiceImpl projects = new ProjectServiceImpl();
    final Contributions contributions = new Contributions();
    final Path stateDirectory;
    WorkbenchWindow window;

    WorkbenchFixture(Path stateDirectory) {
        this.display = Display.getDefault();
        this.stateDirectory = stateDirectory;
    }

    static Path copyDemoProject(Path into) throws IOException {
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

    WorkbenchWindow open() {
        WorkbenchServices services =
                new WorkbenchServices(jobs, projects, contributions, this::register, Optional.empty());
        window = new WorkbenchWindow(services, WorkbenchPreferences.load(stateDirectory));
        window.setBlockOnOpen(false);
        window.open();
        window.errors().setDialogsEnabled(false);
        pump();
        return window;
    }

    Project openProject(Path directory) {
        var shown = window.openProject(directory);
        pumpUntil(shown::isDone, "the project " + directory + " to open");
        return shown.join();
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

    void pump() {
        while (display.readAndDispatch()) {
            // run what is queued
        }
    }

    void pumpUntil(BooleanSupplier condition, String what) {
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

    /** Finds an item by its path of labels, expanding on the way, as a user would. */
    static Optional<TreeItem> treeItem(Tree tree, String... labels) {
        TreeItem[] level = tree.getItems();
        TreeItem found = null;
        for (String label : labels) {
            found = Arrays.stream(level)
                    .filter(item -> item.getText().equals(label))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            Event expand = new Event();
            expand.item = found;
            tree.notifyListeners(SWT.Expand, expand);
            found.setExpanded(true);
            level = found.getItems();
        }
        return Optional.ofNullable(found);
    }

    /** Selects a menu item as a user would, e.g. {@code "File", "Save"}. */
    void selectMenu(String menu, String item) {
        MenuItem top = find(window.getShell().getMenuBar(), menu);
        Menu dropDown = top.getMenu();
        dropDown.notifyListeners(SWT.Show, new Event());
        find(dropDown, item).notifyListeners(SWT.Selection, new Event());
        dropDown.notifyListeners(SWT.Hide, new Event());
    }

    private static MenuItem find(Menu menu, String label) {
        return Arrays.stream(menu.getItems())
                .filter(i -> i.getText().split("\t")[0].replace("&", "").equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no menu item '" + label + "' in "
                        + Arrays.stream(menu.getItems()).map(MenuItem::getText).toList()));
    }

    @Override
    public void close() {
        if (window != null && window.getShell() != null && !window.getShell().isDisposed()) {
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
