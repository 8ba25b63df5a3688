package dev.trestle.make.description;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** From a header to the translation units of a description that include it, directly or not. */
public final class Includers {
    private Includers() {}

    /**
     * Every unit of {@code description}'s targets whose include closure holds {@code header}, with the chain of
     * includes that brings it in, by unit; each target's units are scanned together, in parallel.
     */
    public static Map<Path, List<Inclusion>> of(
            DependencyScanner scanner, Path root, BuildDescription description, Path header) throws IOException {
        Map<Path, List<Inclusion>> chains = new TreeMap<>();
        for (TargetSpec declared : description.targets()) {
            // as the default platform builds it, with its platform-only sources and flags
            TargetSpec target = declared.on(description.defaultPlatform());
            List<Path> units = Globs.expand(root, target).stream()
                    .filter(f -> !f.endsWith(".h"))
                    .map(root::resolve)
                    .toList();
            for (ScanResult result :
                    scanner.scanAll(units, target.scanOptions(root)).values()) {
                if (result.closure().contains(header)) {
                    chains.putIfAbsent(result.unit(), result.why(header));
                }
            }
        }
        return chains;
    }
}
