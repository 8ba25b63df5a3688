package dev.trestle.core.internal.project;

import dev.trestle.core.jobs.Progress;
import dev.trestle.core.project.ProjectListener;
import dev.trestle.core.project.ProjectService;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.store.ProjectFileException;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Holds the one open project of this framework. */
@Component(service = ProjectService.class)
public final class ProjectServiceImpl implements ProjectService {
    private static final System.Logger LOG = System.getLogger(ProjectServiceImpl.class.getName());
    private final List<ProjectListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Project current;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(ProjectListener listener) {
        listeners.add(listener);
        Project project = current;
        if (project != null) {
            notify(listener, project);
        }
    }

    public void removeListener(ProjectListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Project open(Path root, Progress progress) throws IOException {
        Path directory = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IOException("not a directory: " + directory);
        }
        Project project = ProjectStore.exists(directory)
                ? ProjectStore.load(directory)
                : ProjectStore.create(directory, directory.getFileName().toString());
        new ProjectScanner(directory).scan(project, progress);
        current = project;
        listeners.forEach(listener -> notify(listener, project));
        return project;
    }

    @Override
    public Optional<Project> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public Project refresh(Progress progress) throws IOException {
        Project project = current().orElseThrow(() -> new IllegalStateException("no project is open"));
        new ProjectScanner(Path.of(project.getRoot())).scan(project, progress);
        listeners.forEach(listener -> notify(listener, project));
        return project;
    }

    @Override
    public void save(Project project) throws IOException {
        keepBackupSetsOnFile(project);
        ProjectStore.save(project);
    }

    /**
     * Backup sets are made and changed by {@code backup set} while the project may be open here: a set the file holds
     * is kept as the file has it, rather than overwritten by what the project held when it was opened. Sets only
     * this project holds are kept too.
     */
    private static void keepBackupSetsOnFile(Project project) throws IOException {
        Path root = Path.of(project.getRoot());
        if (!ProjectStore.exists(root)) {
            return;
        }
        Project onFile;
        try {
            onFile = ProjectStore.load(root);
        } catch (ProjectFileException e) {
            return; // a file that no longer reads is replaced, as before
        }
        Map<String, BackupSet> merged = new LinkedHashMap<>();
        for (BackupSet set : project.getBackupSets()) {
            merged.put(set.getName(), set);
        }
        for (BackupSet set : onFile.getBackupSets()) {
            merged.put(set.getName(), EcoreUtil.copy(set));
        }
        if (!EcoreUtil.equals(List.copyOf(merged.values()), List.copyOf(project.getBackupSets()))) {
            project.getBackupSets().clear();
            project.getBackupSets().addAll(merged.values());
        }
    }

    private static void notify(ProjectListener listener, Project project) {
        try {
            listener.projectChanged(project);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "project listener " + listener + " failed", e);
        }
    }
}
