package dev.trestle.make.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.safety.SourceBackups;
import dev.trestle.make.clean.SafeClean;
import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.Includers;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.generate.Backend;
import dev.trestle.model.Project;
import dev.trestle.model.store.ProjectStore;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The widgets of the Build view and what they run. Everything here runs on the display thread; the work (init,
 * generation, scanning, make) runs as jobs whose results come back through {@link WorkbenchContext#asyncExec}.
 */
final class BuildPanel {
    static final String DEFAULT_PLATFORM = PlatformSpec.linuxGcc().name();
    /** The Target column of a header in the Sources table: selecting it lists the units that include it. */
    static final String HEADER = "(header)";

    static final String NO_DESCRIPTION =
            "No build description (" + DescriptionFormat.FILE_NAME + ") — Generate proposes one.";
    private static final int CONSOLE_LIMIT = 400_000;
    private static final int POLL_MILLIS = 500;

    private final WorkbenchContext context;
    private final MakeBuild build;
    private final Composite root;
    private final Label status;
    private final Button generateButton;
    private final Button buildButton;
    private final Button cleanButton;
    private final Button cancelButton;
    private final Composite targetsStack;
    private final StackLayout targetsLayout = new StackLayout();
    private final Table targets;
    private final Composite noDescription;
    private final Table sources;
    private final Table includes;
    private final StyledText makefile;
    private final StyledText console;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    private Path projectRoot;
    private BuildDescription description;
    private final Map<String, TargetSpec> targetOfSource = new LinkedHashMap<>();
    private JobHandle<?> running;
    private JobHandle<?> scanning;
    private MakeRun.Outcome lastOutcome;

    BuildPanel(Composite parent, WorkbenchContext context, MakeBuild build) {
        this.context = context;
        this.build = build;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(5, false));
        generateButton = button(bar, "Generate Makefile", this::generate);
        buildButton = button(bar, "Build", this::build);
        cleanButton = button(bar, "Clean", this::clean);
        cancelButton = button(bar, "Cancel", this::cancel);
        cancelButton.setEnabled(false);
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm vertical = new SashForm(root, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm top = new SashForm(vertical, SWT.HORIZONTAL);

        Composite targetsBox = titled(top, "Targets");
        targetsStack = new Composite(targetsBox, SWT.NONE);
        targetsStack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        targetsStack.setLayout(targetsLayout);
        targets = table(targetsStack, "Target", 110, "Kind", 110, "Sources", 60);
        noDescription = new Composite(targetsStack, SWT.NONE);
        noDescription.setLayout(new GridLayout(1, false));
        Label missing = new Label(noDescription, SWT.WRAP);
        missing.setText(NO_DESCRIPTION);
        missing.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        button(noDescription, "Propose one (make init)", this::init);

        Composite sourcesBox = titled(top, "Sources");
        sources = table(sourcesBox, "File", 160, "Target", 80);
        sources.addListener(SWT.Selection, e -> scanSelected());

        Composite includesBox = titled(top, "Include closure of the selected file (of a header: its includers)");
        includes = table(includesBox, "File", 200, "Why (included from, outermost first)", 320);

        Composite makefileBox = titled(top, "Generated Makefile");
        makefile = text(makefileBox);
        top.setWeights(18, 17, 35, 30);

        Composite consoleBox = titled(vertical, "Console");
        console = text(consoleBox);
        vertical.setWeights(55, 45);

        root.addDisposeListener(e -> {
            if (running != null) {
                running.cancel();
            }
            if (scanning != null) {
                scanning.cancel();
            }
        });
        refresh();
        poll();
    }

    Control control() {
        return root;
    }

    // ---- for tests and the actions

    Table targets() {
        return targets;
    }

    Table sources() {
        return sources;
    }

    Table includes() {
        return includes;
    }

    StyledText makefile() {
        return makefile;
    }

    StyledText console() {
        return console;
    }

    String status() {
        return status.getText();
    }

    boolean showsNoDescription() {
        return targetsLayout.topControl == noDescription;
    }

    boolean isRunning() {
        return running != null;
    }

    Optional<MakeRun.Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    // ---- state

    /** Reads the description and the generated makefile of the open project again. */
    void refresh() {
        projectRoot = currentRoot();
        description = null;
        targets.removeAll();
        sources.removeAll();
        includes.removeAll();
        targetOfSource.clear();
        if (projectRoot == null) {
            targetsLayout.topControl = noDescription;
            makefile.setText("");
            setStatus("No project is open.");
            targetsStack.layout();
            updateButtons();
            return;
        }
        Path file = DescriptionFormat.fileOf(projectRoot);
        if (Files.isRegularFile(file)) {
            try {
                description = DescriptionFormat.read(file);
            } catch (IOException e) {
                setStatus(e.getMessage());
            }
        }
        targetsLayout.topControl = description == null ? noDescription : targets;
        targetsStack.layout();
        if (description != null) {
            fillTargets();
        }
        showMakefile();
        updateButtons();
    }

    private void fillTargets() {
        for (TargetSpec target : description.targets()) {
            List<String> files;
            try {
                files = Globs.expand(projectRoot, target);
            } catch (IOException e) {
                files = List.of();
                setStatus("cannot list the sources of " + target.name() + ": " + e.getMessage());
            }
            List<String> units = files.stream().filter(f -> !f.endsWith(".h")).toList();
            TableItem item = new TableItem(targets, SWT.NONE);
            item.setText(new String[] {target.name(), target.kind().getLiteral(), Integer.toString(units.size())});
            for (String unit : units) {
                if (targetOfSource.putIfAbsent(unit, target) == null) {
                    TableItem source = new TableItem(sources, SWT.NONE);
                    source.setText(new String[] {unit, target.name()});
                }
            }
        }
        for (String header : headers(projectRoot)) {
            new TableItem(sources, SWT.NONE).setText(new String[] {header, HEADER});
        }
    }

    /** The project's own headers, outside the build directory, sorted. */
    private static List<String> headers(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".h"))
                    .map(f -> name(dir, f))
                    .filter(f -> !f.startsWith("build/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void showMakefile() {
        Path file =
                buildDirectory().map(d -> d.resolve(Backend.MAKE.fileName())).orElse(null);
        if (file != null && Files.isRegularFile(file)) {
            try {
                makefile.setText(Files.readString(file, StandardCharsets.UTF_8));
                return;
            } catch (IOException e) {
                makefile.setText("cannot read " + file + ": " + e.getMessage());
                return;
            }
        }
        makefile.setText(description == null ? "" : "Not generated yet: press Generate Makefile.");
    }

    String platform() {
        return description == null ? DEFAULT_PLATFORM : description.defaultPlatform();
    }

    Optional<Path> buildDirectory() {
        return Optional.ofNullable(projectRoot).map(r -> r.resolve("build").resolve(platform()));
    }

    /** Follows the explorer: a project opened or closed after the view shows up is picked up here. */
    private void poll() {
        if (root.isDisposed()) {
            return;
        }
        follow();
        root.getDisplay().timerExec(POLL_MILLIS, this::poll);
    }

    /** Refreshes when the explorer shows another project than the one shown here. */
    private void follow() {
        Path now = currentRoot();
        if (!Objects.equals(now, projectRoot) && running == null) {
            refresh();
        }
    }

    private Path currentRoot() {
        return context.project()
                .map(Project::getRoot)
                .filter(r -> r != null && !r.isEmpty())
                .map(Path::of)
                .orElse(null);
    }

    Optional<Path> projectRoot() {
        return Optional.ofNullable(projectRoot);
    }

    // ---- commands

    void init() {
        follow();
        if (projectRoot == null || running != null) {
            return;
        }
        Path dir = projectRoot;
        start("Propose build description", progress -> build.initializer().init(dir), report -> {
            append(String.valueOf(report));
            refresh();
            setStatus(String.valueOf(report));
        });
    }

    void generate() {
        follow();
        if (projectRoot == null || running != null) {
            return;
        }
        Path dir = projectRoot;
        // the model records what the build writes, for the safe clean: the project opened here gets its file now
        Optional<Project> unsaved = ProjectStore.exists(dir)
                ? Optional.empty()
                : context.project()
                        .filter(p -> dir.toString().equals(p.getRoot()))
                        .map(EcoreUtil::copy);
        start(
                "Generate Makefile",
                progress -> {
                    if (unsaved.isPresent() && !ProjectStore.exists(dir)) {
                        ProjectStore.save(unsaved.get());
                    }
                    Path file = DescriptionFormat.fileOf(dir);
                    if (!Files.exists(file)) {
                        progress.step("proposing " + file.getFileName());
                        build.initializer().init(dir);
                    }
                    BuildDescription read = DescriptionFormat.read(file);
                    String platform = read.defaultPlatform();
                    return build.generator().generate(dir, read, platform, Backend.MAKE);
                },
                written -> {
                    append("wrote " + written);
                    refresh();
                    setStatus("Wrote " + dir.relativize(written));
                });
    }

    void build() {
        make(List.of());
    }

    /**
     * Asks first when the sources lack a current verified backup, then removes what the project model lists as
     * build outputs of this platform, and nothing else (see {@link SafeClean}).
     */
    void clean() {
        follow();
        if (projectRoot == null || running != null) {
            return;
        }
        Path dir = projectRoot;
        String platform = platform();
        Optional<SourceBackups> backups = build.backups();
        console.setText("");
        start("Check backups", progress -> Optional.ofNullable(CleanGuard.question(backups, dir)), question -> {
            if (question.isEmpty()) {
                safeClean(dir, platform, null);
                return;
            }
            append("warning: " + question.get());
            switch (CleanGuard.ask(root.getShell(), question.get())) {
                case BACK_UP_FIRST -> {
                    try {
                        CleanGuard.destination(root.getShell(), backups.orElseThrow())
                                .ifPresentOrElse(
                                        destination -> safeClean(dir, platform, destination),
                                        () -> setStatus("Clean cancelled: no backup destination chosen"));
                    } catch (IOException e) {
                        setStatus("Clean cancelled: " + e.getMessage());
                    }
                }
                case CLEAN_ANYWAY -> safeClean(dir, platform, null);
                case CANCEL -> setStatus("Clean cancelled");
            }
        });
    }

    private void safeClean(Path dir, String platform, Path backUpTo) {
        start(
                "Clean",
                progress -> {
                    if (backUpTo != null) {
                        progress.step("backing up to " + backUpTo);
                        queue("backed up and verified: "
                                + build.backups().orElseThrow().backUp(dir, backUpTo));
                    }
                    return new SafeClean(dir, platform).run(false);
                },
                report -> {
                    report.summary().lines().forEach(this::append);
                    setStatus("Clean: removed " + report.removed().size() + " build outputs"
                            + (report.refused().isEmpty()
                                    ? ""
                                    : ", refused " + report.refused().size()));
                });
    }

    void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void make(List<String> goals) {
        follow();
        if (projectRoot == null || running != null) {
            return;
        }
        Path directory = buildDirectory().orElseThrow();
        if (!Files.isRegularFile(directory.resolve(Backend.MAKE.fileName()))) {
            setStatus("No Makefile in " + projectRoot.relativize(directory) + ": press Generate Makefile first.");
            return;
        }
        Path dir = projectRoot;
        boolean building = goals.isEmpty();
        MakeRun run = new MakeRun(dir, directory, goals, this::queue);
        console.setText("");
        lastOutcome = null;
        start(building ? "Build" : "Clean", run, outcome -> {
            lastOutcome = outcome;
            if (building) {
                context.project()
                        .filter(p -> dir.toString().equals(p.getRoot()))
                        .ifPresent(p -> BuildAnnotations.replace(p, outcome.diagnostics()));
            }
            long errors = outcome.diagnostics().stream()
                    .filter(d -> d.severity() == dev.trestle.model.Severity.ERROR)
                    .count();
            long warnings = outcome.diagnostics().size() - errors;
            setStatus((building ? "Build" : "Clean")
                    + (outcome.exitCode() == 0 ? " succeeded" : " failed (exit " + outcome.exitCode() + ")")
                    + (building ? ": " + count(errors, "error") + ", " + count(warnings, "warning") : ""));
        });
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @FunctionalInterface
    private interface Done<T> {
        void accept(T result);
    }

    private <T> void start(String name, dev.trestle.core.jobs.Job<T> job, Done<T> done) {
        JobHandle<T> handle = context.jobs().schedule(name, job);
        running = handle;
        setStatus(name + "…");
        updateButtons();
        handle.result()
                .whenComplete((result, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    flush();
                    if (running == handle) {
                        running = null;
                    }
                    updateButtons();
                    Throwable cause =
                            failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    if (cause instanceof CancellationException) {
                        setStatus(name + " cancelled");
                    } else if (cause != null) {
                        append(name + " failed: " + cause.getMessage());
                        setStatus(name + " failed: " + cause.getMessage());
                    } else {
                        done.accept(result);
                    }
                }));
    }

    private void scanSelected() {
        int index = sources.getSelectionIndex();
        if (index < 0 || projectRoot == null) {
            return;
        }
        String relative = sources.getItem(index).getText(0);
        if (HEADER.equals(sources.getItem(index).getText(1))) {
            findIncluders(relative);
            return;
        }
        TargetSpec target = targetOfSource.get(relative);
        Path dir = projectRoot;
        Path unit = dir.resolve(relative);
        ScanOptions options = options(dir, target);
        if (scanning != null) {
            scanning.cancel();
        }
        includes.removeAll();
        JobHandle<ScanResult> handle = context.jobs()
                .schedule(
                        "Scan includes of " + relative,
                        progress -> build.scanner().scan(unit, options));
        scanning = handle;
        handle.result()
                .whenComplete((result, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed() || scanning != handle) {
                        return;
                    }
                    scanning = null;
                    if (failure != null) {
                        setStatus("Cannot scan " + relative + ": " + failure.getMessage());
                    } else {
                        showIncludes(dir, result);
                    }
                }));
    }

    /** For a header: every unit of the description that includes it, directly or not, with the chain. */
    private void findIncluders(String relative) {
        Path dir = projectRoot;
        Path header = dir.resolve(relative).normalize();
        BuildDescription shown = description;
        if (shown == null) {
            return;
        }
        if (scanning != null) {
            scanning.cancel();
        }
        includes.removeAll();
        JobHandle<Map<Path, List<Inclusion>>> handle = context.jobs()
                .schedule(
                        "Find the units that include " + relative,
                        progress -> Includers.of(build.scanner(), dir, shown, header));
        scanning = handle;
        handle.result()
                .whenComplete((includers, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed() || scanning != handle) {
                        return;
                    }
                    scanning = null;
                    if (failure != null) {
                        setStatus("Cannot scan for " + relative + ": " + failure.getMessage());
                        return;
                    }
                    includes.removeAll();
                    includers.forEach((unit, chain) -> new TableItem(includes, SWT.NONE).setText(new String[] {
                        name(dir, unit),
                        chain.stream()
                                .map(i -> name(dir, i.includer()) + ":" + i.line() + (i.certain() ? "" : " (if)"))
                                .collect(Collectors.joining(" → "))
                    }));
                    setStatus(relative + " is included by " + includers.size() + " translation unit"
                            + (includers.size() == 1 ? "" : "s"));
                }));
    }

    private void showIncludes(Path dir, ScanResult result) {
        includes.removeAll();
        List<Path> ordered = new ArrayList<>(result.closureUnder(dir));
        result.closure().stream().filter(h -> !ordered.contains(h)).forEach(ordered::add);
        for (Path header : ordered) {
            String why = result.why(header).stream()
                    .map(i -> name(dir, i.includer()) + ":" + i.line() + (i.certain() ? "" : " (if)"))
                    .collect(Collectors.joining(" → "));
            TableItem item = new TableItem(includes, SWT.NONE);
            item.setText(new String[] {name(dir, header), why});
            if (!header.startsWith(dir)) {
                item.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            }
        }
        long missing = result.inclusions().stream()
                .filter(i -> i.resolved() == null)
                .map(Inclusion::spelling)
                .distinct()
                .count();
        setStatus(name(dir, result.unit()) + ": " + result.closureUnder(dir).size() + " project headers, "
                + result.closure().size() + " in all"
                + (missing == 0 ? "" : ", " + missing + " not found"));
    }

    private static String name(Path dir, Path file) {
        return file.startsWith(dir) ? dir.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    /** The target's search path and defines, as the generated makefile passes them to the compiler. */
    static ScanOptions options(Path dir, TargetSpec target) {
        return TargetSpec.scanOptions(dir, target);
    }

    // ---- console

    /** From the job's thread: lines are batched and appended on the display thread. */
    private void queue(String line) {
        pending.add(line);
        if (flushScheduled.compareAndSet(false, true)) {
            context.asyncExec(this::flush);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        if (console.isDisposed()) {
            return;
        }
        String line;
        while ((line = pending.poll()) != null) {
            append(line);
        }
        console.setTopIndex(Math.max(0, console.getLineCount() - 1));
    }

    private void append(String line) {
        if (console.getCharCount() > CONSOLE_LIMIT) {
            console.replaceTextRange(0, console.getCharCount() / 2, "");
        }
        int start = console.getCharCount();
        console.append(line + "\n");
        Color color = line.contains(": error:") || line.contains(": fatal error:")
                ? root.getDisplay().getSystemColor(SWT.COLOR_RED)
                : line.contains(": warning:") ? root.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW) : null;
        if (color != null) {
            console.setStyleRange(new StyleRange(start, line.length(), color, null));
        }
    }

    // ---- widgets

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private void updateButtons() {
        boolean idle = running == null && projectRoot != null;
        generateButton.setEnabled(idle);
        buildButton.setEnabled(idle);
        cleanButton.setEnabled(idle);
        cancelButton.setEnabled(running != null);
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private static Composite titled(Composite parent, String title) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        box.setLayout(layout);
        Label label = new Label(box, SWT.NONE);
        label.setText(title);
        label.setFont(JFaceResources.getBannerFont());
        return box;
    }

    private static Table table(Composite parent, Object... columns) {
        Table table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        if (parent.getLayout() instanceof GridLayout) {
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        }
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText((String) columns[i]);
            column.setWidth((Integer) columns[i + 1]);
        }
        return table;
    }

    private static StyledText text(Composite parent) {
        StyledText text = new StyledText(parent, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return text;
    }
}
