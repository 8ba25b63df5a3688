package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobListener;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.ApplicationWindow;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The workbench window: explorer on the left, editors above views on the right, menus, toolbar and a status line
 * with job progress. It owns the parts and wires them; each part does its own job.
 */
final class WorkbenchWindow extends ApplicationWindow {
    /** Set by the launcher: the writable copy of the demo project that the start page offers. */
    static final String DEMO_PROJECT_PROPERTY = "trestle.demo.project";

    private static final String TITLE = "Trestle";

    private final WorkbenchServices services;
    private final WorkbenchPreferences preferences;
    private final Display display;
    private final ErrorReporter errors;
    private final WorkbenchContext context;
    private final ProjectOpener opener;
    private final List<ServiceRegistrar.Registration> registrations = new ArrayList<>();
    private WorkbenchIcons icons;
    private JobProgressItem progress;
    private ProjectExplorer explorer;
    private EditorArea editors;
    private ViewArea views;
    private ProblemsView problems;
    private StartPage startPage;
    private ContributedActions actions;
    private SashForm mainSash;
    private SashForm rightSash;
    private Project project;

    WorkbenchWindow(WorkbenchServices services, WorkbenchPreferences preferences) {
        super(null);
        this.services = services;
        this.preferences = preferences;
        this.display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("create the workbench window on the display thread");
        }
        this.errors = new ErrorReporter(display, this::getShell, this::getStatusLineManager);
        this.context = new WindowContext(this, display);
        this.opener = new ProjectOpener(services.jobs(), services.projects(), display, errors, this::showOpened);
        Window.setExceptionHandler(failure -> errors.report("Unexpected error in the workbench", failure));
        addMenuBar();
        addToolBar(SWT.FLAT | SWT.RIGHT);
        addStatusLine();
    }

    @Override
    protected MenuManager createMenuManager() {
        return new WorkbenchMenus(this).menuBar();
    }

    @Override
    protected ToolBarManager createToolBarManager(int style) {
        return new WorkbenchMenus(this).toolBar(style);
    }

    @Override
    protected void configureShell(Shell shell) {
        icons = new WorkbenchIcons(shell);
        progress = new JobProgressItem(services.jobs(), display, icons);
        getStatusLineManager().add(progress);
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createContents(Composite parent) {
        mainSash = new SashForm(parent, SWT.HORIZONTAL);
        explorer = new ProjectExplorer(mainSash, icons, file -> openFile(file, 0));
        rightSash = new SashForm(mainSash, SWT.VERTICAL);
        editors = new EditorArea(rightSash, services.contributions()::editors, context, errors);
        views = new ViewArea(rightSash, context, icons, errors);
        startPage = new StartPage(editors.folder(), startActions());
        editors.addStartTab(startPage.control());
        problems = new ProblemsView(
                views.folder(), icons, this::openFile, services.contributions()::quickFixes, context, errors);
        views.addBuiltIn("Problems", icons.severity(Severity.ERROR), problems.control());
        mainSash.setWeights(preferences.sashWeights("main", 22, 78));
        rightSash.setWeights(preferences.sashWeights("right", 68, 32));
        actions = new ContributedActions(getMenuBarManager(), getToolBarManager(), context, errors);
        syncContributions();
        listen();
        return mainSash;
    }

    private void listen() {
        registrations.add(services.registrar().register(JobListener.class, progress));
        ProjectListener projectListener = changed -> context.asyncExec(() -> showProject(changed));
        registrations.add(services.registrar().register(ProjectListener.class, projectListener));
        registrations.add(services.contributions().onChange(() -> context.asyncExec(this::syncContributions)));
    }

    private void syncContributions() {
        if (views != null && !views.folder().isDisposed()) {
            views.sync(services.contributions().views());
            actions.sync(services.contributions().actions());
        }
    }

    /**
     * Always applies the remembered bounds: JFace skips them when the shell saw a resize while it was being built,
     * which GTK reports for every new shell, and the window would then follow its content's preferred size.
     */
    @Override
    protected void initializeBounds() {
        super.initializeBounds();
        Point size = getInitialSize();
        Point location = getInitialLocation(size);
        getShell().setBounds(getConstrainedShellBounds(new Rectangle(location.x, location.y, size.x, size.y)));
    }

    @Override
    protected Point getInitialSize() {
        return preferences.windowBounds().map(b -> new Point(b.width, b.height)).orElse(new Point(1180, 760));
    }

    @Override
    protected Point getInitialLocation(Point initialSize) {
        Optional<Rectangle> saved = preferences.windowBounds();
        // a location on a monitor that is no longer attached would put the window out of reach
        if (saved.isPresent() && display.getClientArea().contains(saved.get().x, saved.get().y)) {
            return new Point(saved.get().x, saved.get().y);
        }
        return super.getInitialLocation(initialSize);
    }

    @Override
    protected void handleShellCloseEvent() {
        if (confirmDirtyEditors()) {
            super.handleShellCloseEvent();
        }
    }

    @Override
    public boolean close() {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            rememberLayout(shell);
        }
        registrations.forEach(ServiceRegistrar.Registration::unregister);
        registrations.clear();
        return super.close();
    }

    private void rememberLayout(Shell shell) {
        if (!shell.getMaximized() && !shell.getMinimized()) {
            preferences.setWindowBounds(shell.getBounds());
        }
        if (mainSash != null && !mainSash.isDisposed()) {
            preferences.setSashWeights("main", mainSash.getWeights());
            preferences.setSashWeights("right", rightSash.getWeights());
        }
        try {
            preferences.save();
        } catch (IOException e) {
            WorkbenchLog.error("cannot save " + preferences.file(), e);
        }
    }

    // ---- what the menus, the context and the component ask of the window

    CompletableFuture<Project> openProject(Path directory) {
        return opener.open(directory);
    }

    void chooseProject() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Open Project");
        dialog.setMessage("Choose the root directory of the project");
        project().ifPresent(p -> dialog.setFilterPath(p.getRoot()));
        String chosen = dialog.open();
        if (chosen != null) {
            openProject(Path.of(chosen));
        }
    }

    void openFile(Path file, int line) {
        editors.open(file, line);
    }

    void saveActiveEditor() {
        editors.saveActive();
    }

    void saveProject() {
        Optional<Project> current = project();
        if (current.isEmpty()) {
            getStatusLineManager().setMessage("No project is open");
            return;
        }
        services.jobs()
                .schedule("Save project " + current.get().getName(), p -> {
                    services.projects().save(current.get());
                    return null;
                })
                .result()
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        errors.report("Cannot save the project " + current.get().getName(), failure);
                    }
                });
    }

    void openPreferences() {
        new PreferencesDialogOpener(preferences, errors)
                .open(getShell(), services.contributions().preferencePages());
    }

    void openAbout() {
        new AboutDialog(getShell(), services.bundles()).open();
    }

    void exit() {
        if (confirmDirtyEditors()) {
            close();
        }
    }

    void showProblems() {
        views.tab("Problems").ifPresent(views.folder()::setSelection);
    }

    void showView(ViewContribution view) {
        views.show(view);
    }

    boolean showView(String id) {
        for (ViewContribution view : services.contributions().views()) {
            if (id.equals(view.id())) {
                views.show(view);
                return true;
            }
        }
        return false;
    }

    String safeTitle(ViewContribution view) {
        try {
            return view.title();
        } catch (RuntimeException e) {
            errors.report("View " + view.getClass().getName() + " has no title", e);
            return view.getClass().getSimpleName();
        }
    }

    Optional<Project> project() {
        return Optional.ofNullable(project);
    }

    WorkbenchServices services() {
        return services;
    }

    WorkbenchPreferences preferences() {
        return preferences;
    }

    ErrorReporter errors() {
        return errors;
    }

    ProjectExplorer explorer() {
        return explorer;
    }

    EditorArea editors() {
        return editors;
    }

    ViewArea views() {
        return views;
    }

    ProblemsView problems() {
        return problems;
    }

    JobProgressItem progress() {
        return progress;
    }

    private StartPage.Actions startActions() {
        return new StartPage.Actions(
                Optional.ofNullable(System.getProperty(DEMO_PROJECT_PROPERTY))
                        .map(Path::of)
                        .filter(java.nio.file.Files::isDirectory),
                this::chooseProject,
                this::openProject,
                preferences::recentProjects,
                () -> project().map(Project::getRoot).filter(r -> r != null).map(Path::of),
                services.sourceBackups());
    }

    Optional<Path> activeFile() {
        return editors == null ? Optional.empty() : editors.active().map(OpenEditor::file);
    }

    StartPage startPage() {
        return startPage;
    }

    org.eclipse.swt.custom.CTabFolder editorFolder() {
        return editors.folder();
    }

    private void showOpened(Project opened) {
        if (opened.getRoot() != null) {
            preferences.addRecentProject(Path.of(opened.getRoot()));
        }
        showProject(opened);
    }

    private void showProject(Project shown) {
        if (explorer == null || explorer.control().isDisposed()) {
            return;
        }
        project = shown;
        explorer.show(shown);
        problems.show(shown);
        if (startPage != null && !startPage.control().isDisposed()) {
            startPage.refresh();
        }
        getShell().setText(TITLE + " — " + shown.getName() + " (" + shown.getRoot() + ")");
    }

    private boolean confirmDirtyEditors() {
        if (editors == null || editors.dirty().isEmpty()) {
            return true;
        }
        int choice = new MessageDialog(
                        getShell(),
                        "Unsaved changes",
                        null,
                        editors.dirty().size() + " editor(s) have unsaved changes.",
                        MessageDialog.QUESTION,
                        0,
                        "Save All",
                        "Discard",
                        "Cancel")
                .open();
        return choice == 1 || (choice == 0 && editors.dirty().stream().allMatch(editors::save));
    }
}
