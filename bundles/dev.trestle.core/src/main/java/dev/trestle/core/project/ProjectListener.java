package dev.trestle.core.project;

import dev.trestle.model.Project;
import org.osgi.annotation.versioning.ConsumerType;

/** Told when a project was opened or re-read; register as an OSGi service. */
@ConsumerType
@FunctionalInterface
public interface ProjectListener {
    void projectChanged(Project project);
}
