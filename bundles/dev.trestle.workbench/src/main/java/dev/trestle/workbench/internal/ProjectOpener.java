package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobService;
import dev.trestle.core.project.ProjectService;
import dev.trestle.model.Project;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Display;

/** Opens a project in a background job, with progress, then hands it to the window on the display thread. */
final class ProjectOpener {
    private final JobService jobs;
    private final ProjectService projects;
    private final Display display;
    private final ErrorReporter errors;
    private final Consumer<Project> opened;

    ProjectOpener(
            JobService jobs, ProjectService projects, Display display, ErrorReporter errors, Consumer<Project> opened) {
        this.jobs = jobs;
        this.projects = projects;
        this.display = display;
        this.errors = errors;
        this.opened = opened;
    }

    /** Completes on the display thread once the window shows the project, or with null if it could not open. */
    CompletableFuture<Project> open(Path directory) {
        CompletableFuture<Project> shown = new CompletableFuture<>();
        jobs.schedule("Open " + directory, progress -> projects.open(directory, progress))
                .result()
                .whenComplete((project, failure) -> {
                    if (display.isDisposed()) {
                        shown.complete(null);
                        return;
                    }
                    display.asyncExec(() -> {
                        try {
                            if (failure == null) {
                                opened.accept(project);
                            } else if (!(unwrap(failure) instanceof CancellationException)) {
                                errors.report("Cannot open the project in " + directory, unwrap(failure));
                            }
                        } finally {
                            shown.complete(failure == null ? project : null);
                        }
                    });
                });
        return shown;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
