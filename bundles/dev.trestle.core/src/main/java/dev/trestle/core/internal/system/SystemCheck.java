package dev.trestle.core.internal.system;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Is the running framework healthy: every bundle active (fragments resolved, lazy bundles waiting for their
 * first class load) and every enabled Declarative Services component satisfied. Answers with the problems
 * found, each naming the bundle or component and what it lacks.
 */
final class SystemCheck {
    private final BundleContext context;
    private final ServiceComponentRuntime components;

    SystemCheck(BundleContext context, ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
    }

    record Report(int bundles, int componentCount, List<String> problems) {
        boolean healthy() {
            return problems.isEmpty();
        }

        String text() {
            StringBuilder text = new StringBuilder()
                    .append(bundles)
                    .append(" bundles, ")
                    .append(componentCount)
                    .append(" components: ")
                    .append(healthy() ? "all active and satisfied" : problems.size() + " problems");
            problems.forEach(problem -> text.append("\n  ").append(problem));
            return text.toString();
        }
    }

    Report run() {
        List<String> problems = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        int frameworkLevel =
                context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        for (Bundle bundle : bundles) {
            String problem = bundleProblem(bundle, frameworkLevel);
            if (problem != null) {
                problems.add(problem);
            }
        }
        int count = 0;
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs()) {
            count++;
            if (!components.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                String problem = componentProblem(description, configuration);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return new Report(bundles.length, count, List.copyOf(problems));
    }

    private static String bundleProblem(Bundle bundle, int frameworkLevel) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        int state = bundle.getState();
        boolean lazy = "lazy".equals(bundle.getHeaders().get("Bundle-ActivationPolicy"));
        if (state == Bundle.ACTIVE
                || fragment && state == Bundle.RESOLVED
                || lazy && state == Bundle.STARTING
                || aboveStartLevel(bundle, frameworkLevel) && state == Bundle.RESOLVED) {
            return null;
        }
        return "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " is " + stateName(state);
    }

    /** A bundle kept above the framework's start level (the Gogo shell) is meant to be resolved, not active. */
    private static boolean aboveStartLevel(Bundle bundle, int frameworkLevel) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.getStartLevel() > frameworkLevel;
    }

    private static String componentProblem(
            ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        return switch (configuration.state) {
            case ComponentConfigurationDTO.SATISFIED, ComponentConfigurationDTO.ACTIVE -> null;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE ->
                "component " + description.name + " lacks "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(configuration.unsatisfiedReferences)
                                        .map(SystemCheck::reference)
                                        .toList());
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                "component " + description.name + " lacks its configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                "component " + description.name + " failed to activate: " + configuration.failure;
            default -> "component " + description.name + " is in state " + configuration.state;
        };
    }

    private static String reference(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target == null ? "" : " " + reference.target);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
