package dev.trestle.equinox.internal;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.eclipse.osgi.service.datalocation.Location;

/** A {@link Location} that is a fixed directory; locking is a flag, since one Trestle process owns its areas. */
final class DirectoryLocation implements Location {
    private final Location parent;
    private final boolean readOnly;
    private URL url;
    private boolean locked;

    DirectoryLocation(Location parent, URL url, boolean readOnly) {
        this.parent = parent;
        this.url = url;
        this.readOnly = readOnly;
    }

    static URL urlOf(File dir) {
        try {
            return dir.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable directory: " + dir, e);
        }
    }

    @Override
    public boolean allowsDefault() {
        return true;
    }

    @Override
    public URL getDefault() {
        return url;
    }

    @Override
    public Location getParentLocation() {
        return parent;
    }

    @Override
    public synchronized URL getURL() {
        return url;
    }

    @Override
    public synchronized boolean isSet() {
        return url != null;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    @Deprecated
    public boolean setURL(URL value, boolean lock) {
        return set(value, lock);
    }

    @Override
    public synchronized boolean set(URL value, boolean lock) {
        url = value;
        locked = lock;
        return true;
    }

    @Override
    public boolean set(URL value, boolean lock, String lockFilePath) {
        return set(value, lock);
    }

    @Override
    public synchronized boolean lock() {
        locked = true;
        return true;
    }

    @Override
    public synchronized void release() {
        locked = false;
    }

    @Override
    public synchronized boolean isLocked() {
        return locked;
    }

    @Override
    public Location createLocation(Location parentLocation, URL defaultValue, boolean isReadonly) {
        return new DirectoryLocation(parentLocation, defaultValue, isReadonly);
    }

    @Override
    public URL getDataArea(String path) throws IOException {
        try {
            return getURL().toURI().resolve(new URI(null, null, path, null)).toURL();
        } catch (java.net.URISyntaxException e) {
            throw new IOException("bad data area path " + path, e);
        }
    }
}
