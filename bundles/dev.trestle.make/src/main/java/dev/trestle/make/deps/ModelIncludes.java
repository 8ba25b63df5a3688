package dev.trestle.make.deps;

import dev.trestle.model.Include;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TrestleFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes scan results into the shared model as {@link SourceFile#getIncludes()} edges. Each file's edges are its
 * directives as the first unit that reached it resolved them (another unit with another search path could resolve a
 * name differently; the makefile uses each unit's own closure, the model shows one view for browsing). Files the
 * model does not have (not scanned into the project) are skipped.
 */
public final class ModelIncludes {
    private ModelIncludes() {}

    /** @return how many files had their edges replaced */
    public static int record(Project project, Collection<ScanResult> results) {
        Path root = Path.of(project.getRoot()).toAbsolutePath().normalize();
        Map<String, SourceFile> files = new HashMap<>();
        for (var it = project.eAllContents(); it.hasNext(); ) {
            if (it.next() instanceof SourceFile file) {
                files.put(file.getPath(), file);
            }
        }
        Set<SourceFile> done = new HashSet<>();
        Set<SourceFile> cleared = new HashSet<>();
        for (ScanResult result : results) {
            Set<Path> includersHere = new HashSet<>();
            for (Inclusion inclusion : result.inclusions()) {
                SourceFile includer = files.get(relative(root, inclusion.includer()));
                if (includer == null || done.contains(includer)) {
                    continue;
                }
                includersHere.add(inclusion.includer());
                if (cleared.add(includer)) {
                    includer.getIncludes().clear();
                }
                boolean seen = includer.getIncludes().stream()
                        .anyMatch(e -> e.getLine() == inclusion.line()
                                && e.getSpelling().equals(inclusion.spelling()));
                if (!seen) {
                    includer.getIncludes().add(edge(inclusion, files, root));
                }
            }
            for (Path includer : includersHere) {
                done.add(files.get(relative(root, includer)));
            }
        }
        return cleared.size();
    }

    private static Include edge(Inclusion inclusion, Map<String, SourceFile> files, Path root) {
        Include edge = TrestleFactory.eINSTANCE.createInclude();
        edge.setSpelling(inclusion.spelling());
        edge.setLine(inclusion.line());
        edge.setSystem(inclusion.system());
        if (inclusion.resolved() != null) {
            SourceFile target = files.get(relative(root, inclusion.resolved()));
            if (target != null) {
                edge.setTarget(target);
            } else {
                edge.setResolvedPath(inclusion.resolved().toString());
            }
        }
        return edge;
    }

    private static String relative(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : "";
    }
}
