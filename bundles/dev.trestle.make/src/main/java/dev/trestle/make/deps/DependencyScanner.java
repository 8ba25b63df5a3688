package dev.trestle.make.deps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the headers translation units include. Files are read once per content (cached by path, size and
 * modification time), so scanning again after an edit costs only the changed files.
 */
@ProviderType
public interface DependencyScanner {
    ScanResult scan(Path unit, ScanOptions options) throws IOException;

    /** Scans the units in parallel; the map iterates in the order of {@code units}. */
    Map<Path, ScanResult> scanAll(Collection<Path> units, ScanOptions options) throws IOException;

    /** Forgets every file read so far: the next scan reads and prepares each file again, as the first one did. */
    void forgetFiles();
}
