package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.trestle.core.internal.jobs.JobServiceImpl;
import dev.trestle.core.internal.project.ProjectServiceImpl;
import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.core.safety.SourceBackups;
import dev.trestle.model.Project;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.QuickFixContribution;
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
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * A real workbench window over a copy of the demo project, with the core bundle's real services, driven as a
 * user would. Shared with the UI bundles' tests through this module's test jar; it lives in the workbench's
 * internal package because the window's classes are package-private, which only the plain test class path
 * allows.
 */
public final class WorkbenchFixture implements AutoCloseable {
    public static final Path DEMO_PROJECT = Path.of("../../product/demo-project");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Display display;
    final JobServiceImpl jobs = new JobServiceImpl();
    final ProjectServiceImpl projects = new ProjectServiceImpl();
    final Contributions contributions = new Contributions();
    final Path stateDirectory;
    WorkbenchWindow window;
    SourceBackups backups;

    WorkbenchFixture(Path stateDirectory) {
        this.display = Display.getDefault();
        this.stateDirectory = stateDirectory;
    }

    /** Opens a window with the given editor, view and action contributions, and the backup service if one is given. */
    public static WorkbenchFixture open(Path stateDirectory, Object... contributions) {
        WorkbenchFixture fixture = new WorkbenchFixture(stateDirectory);
        for (Object contribution : contributions) {
            switch (contribution) {
                case EditorContribution editor -> fixture.contributions.addEditor(editor);
                case ViewContribution view -> fixture.contributions.addView(view);
                case ActionContribution action -> fixture.contributions.addAction(action);
                case SourceBackups backups -> fixture.backups = backups;
                case QuickFixContribution fixes -> fixture.contributions.addQuickFix(fixes);
                default -> throw new IllegalArgumentException("not a contribution: " + contribution);
            }
        }
        fixture.open();
        return fixture;
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

    WorkbenchWindow open() {
        WorkbenchServices services = new WorkbenchServices(
                jobs, projects, contributions, this::register, Optional.empty(), () -> Optional.ofNullable(backups));
        window = new WorkbenchWindow(services, WorkbenchPreferences.load(stateDirectory));
        window.setBlockOnOpen(false);
        window.open();
        window.errors().setDialogsEnabled(false);
        pump();
        return window;
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

    public void showView(ViewContribution view) {
        window.showView(view);
        pump();
    }

    public Table problems() {
        return window.problems().viewer().getTable();
    }

    public WorkbenchContext context() {
        return new WindowContext(window, display);
    }

    public String lastError() {
        return window.errors().lastMessage();
    }

    /** Selects {@code annotation} in the Problems view and returns the labels of the quick fixes offered for it. */
    public java.util.List<String> quickFixes(dev.trestle.model.Annotation annotation) {
        selectProblem(annotation);
        return window.problems().fixesForSelection().stream()
                .map(QuickFixContribution.QuickFix::label)
                .toList();
    }

    /** Runs the first quick fix of {@code annotation}, as Ctrl+1 in the Problems view does. */
    public void applyFirstQuickFix(dev.trestle.model.Annotation annotation) {
        selectProblem(annotation);
        window.problems().apply(window.problems().fixesForSelection().get(0));
        pump();
    }

    private void selectProblem(dev.trestle.model.Annotation annotation) {
        window.problems().viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(annotation), true);
        pump();
    }

    /** The start page's backup lines, as shown. */
    public java.util.List<String> startPageBackupLines() {
        return window.startPage().backupLines();
    }

    /** Brings the start page to the front. */
    public void showStartPage() {
        for (var tab : window.editorFolder().getItems()) {
            if (tab.getText().equals("Start")) {
                window.editorFolder().setSelection(tab);
            }
        }
        pump();
    }

    public Shell shell() {
        return window.getShell();
    }

    public void screenshot(Path png) throws IOException {
        Screenshots.save(window.getShell(), png);
    }

    /** Gives the view area most of the height, so screenshots show the views rather than an empty editor area. */
    public void enlargeViews() {
        if (window.views().folder().getParent() instanceof SashForm sash) {
            sash.setWeights(22, 78);
            sash.layout(true, true);
        }
        pump();
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
        pumpUntil(condition, what, TIMEOUT);
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

    /** Sends a key as the keyboard would, so the widget and every key listener see it, then lets the window react. */
    public void key(Control control, char character, int keyCode, int modifiers) {
        Event event = new Event();
        event.character = character;
        event.keyCode = keyCode;
        event.stateMask = modifiers;
        control.notifyListeners(SWT.KeyDown, event);
        pump();
    }

    /** Types {@code keys} one by one, a line break as Enter. */
    public void type(Control control, String keys) {
        for (char c : keys.toCharArray()) {
            key(control, c, c == '\n' ? SWT.CR : c, 0);
        }
    }

    public void settle(long millis) {
        long until = System.currentTimeMillis() + millis;
        pumpUntil(() -> System.currentTimeMillis() > until, "the window to settle", Duration.ofMillis(millis + 5000));
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
            // editors are saved or discarded by the test itself; no dialog may block an automated run
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
