package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobService;
import dev.trestle.core.project.ProjectService;
import dev.trestle.core.safety.SourceBackups;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;

/**
 * Everything the window needs from outside, gathered so the window can be built without a framework in tests.
 *
 * @param bundles the framework to list in the About dialog; empty outside OSGi
 */
record WorkbenchServices(
        JobService jobs,
        ProjectService projects,
        Contributions contributions,
        ServiceRegistrar registrar,
        Optional<BundleContext> bundles,
        Supplier<Optional<SourceBackups>> sourceBackups) {}
