package dev.trestle.core.internal.command;

import dev.trestle.core.command.CommandArguments;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.jobs.JobService;
import dev.trestle.core.project.ProjectService;
import dev.trestle.model.Language;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.store.ProjectFileException;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code project:init} and {@code project:show}: create and inspect the project file from the shell. */
@Component(
        service = ProjectCommands.class,
        property = {"osgi.command.scope=project", "osgi.command.function=init", "osgi.command.function=show"})
public final class ProjectCommands {
    private final ProjectService projects;
    private final JobService jobs;

    @Activate
    public ProjectCommands(@Reference ProjectService projects, @Reference JobService jobs) {
        this.projects = projects;
        this.jobs = jobs;
    }

    @Descriptor("scan a directory into the project model and write its project file (" + ProjectStore.FILE_NAME + ")")
    public String init(@Descriptor("project directory") String directory) throws IOException {
        Path root = CommandArguments.directory(directory);
        Project project = open(root);
        projects.save(project);
        return "wrote " + ProjectStore.fileOf(root) + ": " + summary(project);
    }

    @Descriptor("summarise the project file of a directory")
    public String show(@Descriptor("project directory") String directory) throws IOException {
        Path root = CommandArguments.directory(directory);
        if (!ProjectStore.exists(root)) {
            throw CommandFailure.usage(
                    "no " + ProjectStore.FILE_NAME + " in " + root + " (run: project init " + root + ")");
        }
        try {
            return project(ProjectStore.load(root));
        } catch (ProjectFileException e) {
            throw CommandFailure.badInput(e.getMessage(), e);
        }
    }

    private Project open(Path root) throws IOException {
        try {
            return jobs.schedule("Opening " + root, progress -> projects.open(root, progress))
                    .result()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProjectFileException bad) {
                throw CommandFailure.badInput(bad.getMessage(), bad);
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("opening " + root + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static String project(Project project) {
        return "project " + project.getName() + " at " + project.getRoot() + ": " + summary(project);
    }

    static String summary(Project project) {
        Map<Language, Integer> byLanguage = new EnumMap<>(Language.class);
        long bytes = 0;
        int files = 0;
        for (var it = project.eAllContents(); it.hasNext(); ) {
            if (it.next() instanceof SourceFile file) {
                files++;
                bytes += file.getSize();
                byLanguage.merge(file.getLanguage(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder()
                .append(files)
                .append(" files, ")
                .append(bytes)
                .append(" bytes");
        byLanguage.forEach(
                (language, count) -> text.append(", ").append(count).append(' ').append(language));
        return text.toString();
    }
}
