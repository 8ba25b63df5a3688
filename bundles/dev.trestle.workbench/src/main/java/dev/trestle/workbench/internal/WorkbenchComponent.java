package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobService;
import dev.trestle.core.project.ProjectService;
import dev.trestle.core.safety.SourceBackups;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.EditorContribution;
import dev.trestle.workbench.PreferencePageContribution;
import dev.trestle.workbench.QuickFixContribution;
import dev.trestle.workbench.ViewContribution;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The workbench's entry point. Registered as a {@code Callable} with {@code main.thread=true}: the bnd launcher
 * calls it on the JVM main thread (where SWT's event loop must live on macOS) and exits with its return value
 * once the window is closed. Contributions are dynamic, so bundles can come and go while the window is open.
 */
@Component(service = Callable.class, property = "main.thread=true", immediate = true)
public final class WorkbenchComponent implements Callable<Integer> {
    private static final String LAUNCHER_ARGUMENTS = "launcher.arguments";

    private final Contributions contributions = new Contributions();

    @Reference
    private JobService jobs;

    @Reference
    private ProjectService projects;

    /** The bnd launcher registers its command line as the property of a service of no particular type. */
    @Reference(
            service = Object.class,
            target = "(" + LAUNCHER_ARGUMENTS + "=*)",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Map<String, Object> launcher;

    private BundleContext context;
    private volatile WorkbenchRun run;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Deactivate
    void deactivate() {
        WorkbenchRun current = run;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public Integer call() {
        LaunchOptions options = LaunchOptions.parse(arguments(), context::getProperty);
        WorkbenchPreferences preferences =
                WorkbenchPreferences.load(StateDirectory.resolve(context::getProperty, System::getenv));
        WorkbenchServices services = new WorkbenchServices(
                jobs, projects, contributions, this::register, Optional.of(context), this::sourceBackups);
        run = new WorkbenchRun(services, options, preferences);
        try {
            return run.run();
        } finally {
            run = null;
        }
    }

    private String[] arguments() {
        Map<String, Object> properties = launcher;
        return properties != null && properties.get(LAUNCHER_ARGUMENTS) instanceof String[] arguments
                ? arguments
                : new String[0];
    }

    private <S> ServiceRegistrar.Registration register(Class<S> type, S service) {
        ServiceRegistration<S> registration = context.registerService(type, service, null);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first and the framework unregistered it
            }
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ViewContribution view) {
        contributions.addView(view);
    }

    void removeView(ViewContribution view) {
        contributions.removeView(view);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEditor(EditorContribution editor) {
        contributions.addEditor(editor);
    }

    void removeEditor(EditorContribution editor) {
        contributions.removeEditor(editor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(ActionContribution action) {
        contributions.addAction(action);
    }

    void removeAction(ActionContribution action) {
        contributions.removeAction(action);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPreferencePage(PreferencePageContribution page) {
        contributions.addPreferencePage(page);
    }

    void removePreferencePage(PreferencePageContribution page) {
        contributions.removePreferencePage(page);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addQuickFix(QuickFixContribution fixes) {
        contributions.addQuickFix(fixes);
    }

    void removeQuickFix(QuickFixContribution fixes) {
        contributions.removeQuickFix(fixes);
    }

    /** The backup capability's view of the sources, when it is installed; looked up each time, as it may come later. */
    private Optional<SourceBackups> sourceBackups() {
        var reference = context.getServiceReference(SourceBackups.class);
        return reference == null ? Optional.empty() : Optional.ofNullable(context.getService(reference));
    }
}
