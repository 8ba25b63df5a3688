package dev.trestle.equinox.internal;

import java.util.Locale;
import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.osgi.framework.BundleContext;

/** Equinox's view of the platform, derived from the JVM's system properties. */
final class FelixEnvironmentInfo implements EnvironmentInfo {
    private final BundleContext context;

    FelixEnvironmentInfo(BundleContext context) {
        this.context = context;
    }

    @Override
    public String[] getCommandLineArgs() {
        return new String[0];
    }

    @Override
    public String[] getFrameworkArgs() {
        return new String[0];
    }

    @Override
    public String[] getNonFrameworkArgs() {
        return new String[0];
    }

    @Override
    public String getOSArch() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    @Override
    public String getNL() {
        return Locale.getDefault().toString();
    }

    @Override
    public String getOS() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "win32" : os.contains("mac") ? "macosx" : "linux";
    }

    @Override
    public String getWS() {
        return switch (getOS()) {
            case "win32" -> "win32";
            case "macosx" -> "cocoa";
            default -> "gtk";
        };
    }

    @Override
    public boolean inDebugMode() {
        return false;
    }

    @Override
    public boolean inDevelopmentMode() {
        return false;
    }

    @Override
    public String getProperty(String key) {
        String value = context.getProperty(key);
        return value != null ? value : System.getProperty(key);
    }

    @Override
    public String setProperty(String key, String value) {
        return System.setProperty(key, value);
    }
}
