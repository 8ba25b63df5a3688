package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.Progress;
import dev.trestle.core.project.Languages;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.core.project.ProjectService;
import dev.trestle.model.Container;
import dev.trestle.model.Folder;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A project service for tests: scans a directory into a new model, the way the core bundle's does. */
final class DirectoryProjectService implements ProjectService {
    final List<ProjectListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Project current;

    @Override
    public Project open(Path root, Progress progress) throws IOException {
        progress.begin("Scanning " + root, -1);
        Project project = ProjectStore.create(root, root.getFileName().toString());
        scan(root, root, project, progress);
        current = project;
        listeners.forEach(listener -> listener.projectChanged(project));
        return project;
    }

    @Override
    public Optional<Project> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public Project refresh(Progress progress) throws IOException {
        return open(Path.of(current.getRoot()), progress);
    }

    @Override
    public void save(Project project) throws IOException {
        ProjectStore.save(project);
    }

    private static void scan(Path root, Path directory, Container into, Progress progress) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            progress.checkCancelled();
            String relative = root.relativize(child).toString().replace('\\', '/');
            if (Files.isDirectory(child)) {
                Folder folder = TrestleFactory.eINSTANCE.createFolder();
                folder.setPath(relative);
                into.getMembers().add(folder);
                scan(root, child, folder, progress);
            } else if (!child.getFileName().toString().equals(ProjectStore.FILE_NAME)) {
                SourceFile file = TrestleFactory.eINSTANCE.createSourceFile();
                file.setPath(relative);
                file.setLanguage(Languages.of(relative));
                file.setSize(Files.size(child));
                into.getMembers().add(file);
                progress.step(relative);
            }
        }
    }
}
