package dev.trestle.workbench.internal;

import dev.trestle.core.safety.Ages;
import dev.trestle.core.safety.BackupCoverage;
import dev.trestle.core.safety.DestinationAge;
import dev.trestle.core.safety.SourceBackups;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

/**
 * What a newcomer sees first: open the demo project or a folder, the recent projects, how good the backups are, and
 * what each view does, in a few lines each. {@link #refresh} rebuilds it, e.g. after a project was opened.
 */
final class StartPage {
    /** Backups older than this are called out, even when nothing changed since. */
    static final Duration STALE = Duration.ofDays(7);

    static final List<String> VIEWS = List.of(
            "Problems: every finding of every capability (compiler errors, audit findings, kernel incidents); "
                    + "double-click opens the line.",
            "Build: generate the makefile, build, build under strace, clean behind the backup check; "
                    + "the console and the include chain of each file.",
            "Trace: an strace log as a table and a timeline per process; the files it touched.",
            "Kernel Incidents: WARNING/BUG/Oops blocks with taint explained, frames graded, ftrace bytes decoded.",
            "Backups: destinations, archives, damaged files named, restore.",
            "Editor: colouring, document map, annotations, undo that survives restarts, saved versions.");

    /** What the page needs from the window. */
    record Actions(
            Optional<Path> demoProject,
            Runnable chooseFolder,
            Consumer<Path> openProject,
            Supplier<List<Path>> recentProjects,
            Supplier<Optional<Path>> currentProject,
            Supplier<Optional<SourceBackups>> backups) {}

    private final ScrolledComposite scrolled;
    private final Composite page;
    private final Actions actions;

    StartPage(Composite parent, Actions actions) {
        this.actions = actions;
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        page = new Composite(scrolled, SWT.NONE);
        page.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        page.setBackgroundMode(SWT.INHERIT_FORCE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 24;
        layout.marginHeight = 16;
        page.setLayout(layout);
        scrolled.setContent(page);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        refresh();
    }

    Control control() {
        return scrolled;
    }

    void refresh() {
        for (Control child : page.getChildren()) {
            child.dispose();
        }
        Label title = new Label(page, SWT.NONE);
        title.setText("Trestle");
        title.setFont(JFaceResources.getHeaderFont());
        text("Build, trace, back up and edit native code, one project model for all of it.");

        heading("Start");
        actions.demoProject()
                .ifPresent(demo -> link(
                        "<a>Open the demo project</a> — a small C program to try everything on",
                        () -> actions.openProject().accept(demo)));
        link("<a>Open a folder…</a> — any directory of C, C++ or Objective-C sources", actions.chooseFolder());
        List<Path> recent = actions.recentProjects().get();
        if (!recent.isEmpty()) {
            heading("Recent projects");
            for (Path project : recent.subList(0, Math.min(5, recent.size()))) {
                link(
                        "<a>" + project.getFileName() + "</a>  " + project,
                        () -> actions.openProject().accept(project));
            }
        }

        heading("How good are your backups?");
        // comparing the project with its backup reads the tree: never on the display thread
        Composite backups = new Composite(page, SWT.NONE);
        backups.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout lines = new GridLayout(1, false);
        lines.marginWidth = 0;
        lines.marginHeight = 0;
        backups.setLayout(lines);
        text(backups, "Checking your backups…");
        java.util.concurrent.CompletableFuture.supplyAsync(this::backupLines)
                .thenAccept(found -> page.getDisplay().asyncExec(() -> {
                    if (backups.isDisposed()) {
                        return;
                    }
                    for (Control line : backups.getChildren()) {
                        line.dispose();
                    }
                    found.forEach(line -> text(backups, line));
                    scrolled.setMinSize(page.computeSize(SWT.DEFAULT, SWT.DEFAULT));
                    page.layout(true, true);
                }));

        heading("What each view does");
        VIEWS.forEach(this::text);
        scrolled.setMinSize(page.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        page.layout(true, true);
    }

    /** One line per destination, then the open project's coverage; a warning where there is nothing to trust. */
    List<String> backupLines() {
        Optional<SourceBackups> service = actions.backups().get();
        if (service.isEmpty()) {
            return List.of("The backup capability is not installed: nothing here knows whether your sources are safe.");
        }
        List<String> lines = new ArrayList<>();
        Instant now = Instant.now();
        try {
            List<DestinationAge> destinations = service.get().destinations();
            if (destinations.isEmpty()) {
                lines.add("⚠ No verified backup anywhere yet. Backups > Back Up Project makes one and proves it.");
            }
            for (DestinationAge destination : destinations) {
                lines.add(destination
                        .newestVerified()
                        .map(v -> (Duration.between(v, now).compareTo(STALE) > 0 ? "⚠ " : "✓ ")
                                + destination.destination() + ": newest verified backup "
                                + Ages.of(Duration.between(v, now)) + " old")
                        .orElse("⚠ " + destination.destination() + ": no backup was ever verified there"));
            }
            Optional<Path> project = actions.currentProject().get();
            if (project.isPresent()) {
                BackupCoverage coverage = service.get().coverage(project.get());
                lines.add((coverage.current() ? "✓ " : "⚠ ") + "This project: " + coverage.describe(now));
            }
        } catch (IOException e) {
            lines.add("⚠ Cannot read the backup records: " + e.getMessage());
        }
        return lines;
    }

    private void heading(String text) {
        Label label = new Label(page, SWT.NONE);
        label.setText(text);
        label.setFont(JFaceResources.getBannerFont());
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.verticalIndent = 12;
        label.setLayoutData(data);
    }

    private void text(String text) {
        text(page, text);
    }

    private static void text(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 640;
        label.setLayoutData(data);
    }

    private void link(String markup, Runnable action) {
        Link link = new Link(page, SWT.NONE);
        link.setText(markup);
        link.addListener(SWT.Selection, e -> action.run());
        link.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }
}
