package dev.trestle.backup;

import dev.trestle.model.BuildOutput;
import dev.trestle.model.Project;
import dev.trestle.model.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a source tree a backup takes. Paths are relative to the source and '/'-separated.
 *
 * @param roots directories or files to take, with what lies below them; empty takes the whole tree
 * @param excludes globs ({@code *} within a name, {@code **} across directories) of what to leave out; a pattern
 *     {@code **}{@code /X} also matches {@code X} at the top, and a directory left out takes its contents with it
 */
public record Selection(List<String> roots, List<String> excludes) {
    /** The whole tree. */
    public static final Selection ALL = new Selection(List.of(), List.of());

    public Selection {
        roots = roots.stream()
                .map(Selection::normal)
                .filter(root -> !root.isEmpty())
                .toList();
        excludes = List.copyOf(excludes);
    }

    /** A glob that matches exactly {@code path}, whatever characters it holds: for files known by name. */
    public static String literal(String path) {
        StringBuilder glob = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if ("\\*?[]{}".indexOf(c) >= 0) {
                glob.append('\\');
            }
            glob.append(c);
        }
        return glob.toString();
    }

    /**
     * This selection with every build output {@code project} knows of left out as well: what the build makes can be
     * made again. Output paths are relative to the project root, as this selection's are to the source.
     */
    public Selection withoutBuildOutputs(Project project) {
        List<String> more = new ArrayList<>(excludes);
        for (Target target : project.getTargets()) {
            for (BuildOutput output : target.getOutputs()) {
                if (output.getPath() != null && !output.getPath().isEmpty()) {
                    more.add(literal(output.getPath()));
                }
            }
        }
        return new Selection(roots, more);
    }

    /** Whether everything is taken, so that nothing needs checking. */
    public boolean isAll() {
        return roots.isEmpty() && excludes.isEmpty();
    }

    private static String normal(String path) {
        String normal = path.replace("//", "/");
        while (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        while (normal.endsWith("/")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return normal;
    }
}
