package dev.trestle.core.project;

import dev.trestle.core.jobs.Progress;
import dev.trestle.model.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The project being worked on. Opening reads the project file when there is one, then brings the file tree
 * up to date with the disk; a directory without a project file becomes a new project that is saved only when
 * asked to, so opening never writes into someone's source tree.
 */
@ProviderType
public interface ProjectService {
    Project open(Path root, Progress progress) throws IOException;

    Optional<Project> current();

    /** Re-reads the file tree of the current project: new, changed and removed files. */
    Project refresh(Progress progress) throws IOException;

    /** Saves the project file atomically. */
    void save(Project project) throws IOException;
}
