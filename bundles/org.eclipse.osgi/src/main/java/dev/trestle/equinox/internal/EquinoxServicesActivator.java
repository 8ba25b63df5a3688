package dev.trestle.equinox.internal;

import java.io.File;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers what the Equinox framework registers for itself and Eclipse runtime bundles look up when they
 * start (equinox.preferences, equinox.registry, core.runtime): XML parser factories, the data
 * {@link Location}s and {@link EnvironmentInfo}. Locations default to the framework storage's parent and to
 * {@code ~/.trestle}.
 */
public final class EquinoxServicesActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(
                SAXParserFactory.class,
                new PerBundle<>(() -> {
                    SAXParserFactory factory = SAXParserFactory.newInstance();
                    factory.setNamespaceAware(true);
                    return factory;
                }),
                null);
        context.registerService(
                DocumentBuilderFactory.class, new PerBundle<>(DocumentBuilderFactory::newInstance), null);

        String storage = context.getProperty("org.osgi.framework.storage");
        File home = new File(System.getProperty("user.home"), ".trestle");
        File install = storage != null ? new File(storage).getAbsoluteFile().getParentFile() : home;
        registerLocation(context, Location.CONFIGURATION_AREA_TYPE, new File(install, "configuration"), false);
        registerLocation(context, Location.INSTANCE_AREA_TYPE, new File(home, "workspace"), false);
        registerLocation(context, Location.USER_AREA_TYPE, new File(home, "user"), false);
        registerLocation(context, Location.INSTALL_AREA_TYPE, install, true);
        registerLocation(context, Location.ECLIPSE_HOME_LOCATION_TYPE, install, true);
        context.registerService(EnvironmentInfo.class, new FelixEnvironmentInfo(context), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters this bundle's services
    }

    private static void registerLocation(BundleContext context, String type, File dir, boolean readOnly) {
        Location location = new DirectoryLocation(null, DirectoryLocation.urlOf(dir), readOnly);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Location.SERVICE_PROPERTY_TYPE, type);
        props.put(Location.SERVICE_PROPERTY_URL, location.getURL().toExternalForm());
        context.registerService(Location.class, location, props);
    }

    /** A fresh factory per bundle, as Equinox does: parser factories are not thread-safe. */
    private record PerBundle<S>(java.util.function.Supplier<S> supplier) implements ServiceFactory<S> {
        @Override
        public S getService(Bundle bundle, ServiceRegistration<S> registration) {
            return supplier.get();
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<S> registration, S service) {
            // nothing is held
        }
    }
}
