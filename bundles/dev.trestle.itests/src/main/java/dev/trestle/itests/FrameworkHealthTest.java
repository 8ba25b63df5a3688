package dev.trestle.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/** Inside Felix: every bundle of the core feature started, every Trestle component satisfied. */
class FrameworkHealthTest {
    private final BundleContext context =
            FrameworkUtil.getBundle(FrameworkHealthTest.class).getBundleContext();

    @Test
    void runsOnFelixWithEveryBundleStarted() {
        assertEquals("org.apache.felix.framework", context.getBundle(0).getSymbolicName());
        List<String> notStarted = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean lazy = "lazy".equals(bundle.getHeaders().get("Bundle-ActivationPolicy"));
            boolean started = bundle.getState() == Bundle.ACTIVE || lazy && bundle.getState() == Bundle.STARTING;
            if (!started) {
                notStarted.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertEquals(List.of(), notStarted);
    }

    @Test
    void everyTrestleComponentIsSatisfied() throws InterruptedException {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(5_000);
            List<String> trestle = new ArrayList<>();
            List<String> unsatisfied = new ArrayList<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (!description.bundle.symbolicName.startsWith("dev.trestle.")) {
                    continue;
                }
                trestle.add(description.name);
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.SATISFIED
                            && configuration.state != ComponentConfigurationDTO.ACTIVE) {
                        unsatisfied.add(description.name + " state " + configuration.state);
                    }
                }
            }
            assertFalse(trestle.isEmpty(), "the core bundle declares components");
            assertTrue(trestle.stream().anyMatch(n -> n.endsWith("JobServiceImpl")), trestle.toString());
            assertEquals(List.of(), unsatisfied);
        } finally {
            tracker.close();
        }
    }
}
