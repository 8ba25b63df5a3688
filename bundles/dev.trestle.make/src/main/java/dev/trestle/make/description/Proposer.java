package dev.trestle.make.description;

import dev.trestle.model.TargetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first description for a source tree, for a person to refine: every translation unit that defines {@code main}
 * becomes a program, all others one static library the programs link. Include directories are those that make the
 * tree's {@code "quoted"} includes resolve: for {@code #include "text/counter.h"} not found beside its includer,
 * the directory above a {@code text/counter.h} of the tree.
 */
public final class Proposer {
    private static final Pattern MAIN =
            Pattern.compile("(?m)^\\s*(?:(?:static|extern)\\s+)?(?:int|void)\\s+main\\s*\\(");
    private static final Pattern CONDITIONAL = Pattern.compile("(?m)^\\s*#\\s*(if|ifdef|ifndef|endif)\\b");
    private static final Pattern QUOTED = Pattern.compile("(?m)^\\s*#\\s*include\\s*\"([^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final List<String> UNIT_SUFFIXES = List.of(".c", ".cc", ".cpp", ".cxx", ".m", ".mm", ".S");

    private Proposer() {}

    public static BuildDescription propose(Path root) throws IOException {
        return propose(root, List.of(), List.of());
    }

    /**
     * @param excludes globs of files left out of every target (another platform's port, a contrib tree)
     * @param defines {@code NAME} or {@code NAME=VALUE}, given to every target
     */
    public static BuildDescription propose(Path root, List<String> excludes, List<String> defines) throws IOException {
        String project =
                root.toAbsolutePath().normalize().getFileName().toString().replaceAll("[^A-Za-z0-9_.+-]", "_");
        List<Pattern> excluded = excludes.stream().map(Globs::compile).toList();
        List<String> files = Globs.files(root).stream()
                .filter(f -> excluded.stream().noneMatch(p -> p.matcher(f).matches()))
                .toList();
        List<String> mains = new ArrayList<>();
        Set<String> suffixes = new TreeSet<>();
        Set<String> includeDirs = new LinkedHashSet<>();
        for (String file : files) {
            boolean unit = UNIT_SUFFIXES.stream().anyMatch(file::endsWith);
            boolean header = file.endsWith(".h") || file.endsWith(".hpp") || file.endsWith(".hh");
            if (!unit && !header) {
                continue;
            }
            String text = COMMENT.matcher(Files.readString(root.resolve(file), StandardCharsets.ISO_8859_1))
                    .replaceAll(" ");
            if (unit) {
                suffixes.add(file.substring(file.lastIndexOf('.')));
                if (definesMain(text)) {
                    mains.add(file);
                }
            }
            includeDirs.addAll(includeDirsFor(file, text, files));
        }
        List<TargetSpec> targets = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        List<String> programs = new ArrayList<>();
        for (String main : mains) {
            programs.add(unique(stem(main), names));
        }
        // the library is named after the project, unless a program already is (lua's lua.c)
        String libraryName = unique(names.contains(project) ? project + "-lib" : project, names);
        List<String> sources = suffixes.stream().map(s -> "**/*" + s).toList();
        List<String> dirs = List.copyOf(includeDirs);
        boolean library =
                files.stream().anyMatch(f -> UNIT_SUFFIXES.stream().anyMatch(f::endsWith) && !mains.contains(f));
        List<String> libraryExcludes = new ArrayList<>(excludes);
        libraryExcludes.addAll(mains);
        if (library) {
            targets.add(new TargetSpec(
                    libraryName,
                    TargetKind.STATIC_LIBRARY,
                    sources,
                    libraryExcludes,
                    dirs,
                    defines,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()));
        }
        for (int i = 0; i < mains.size(); i++) {
            targets.add(new TargetSpec(
                    programs.get(i),
                    TargetKind.PROGRAM,
                    List.of(mains.get(i)),
                    List.of(),
                    dirs,
                    defines,
                    List.of(),
                    List.of(),
                    library ? List.of(libraryName) : List.of(),
                    List.of()));
        }
        return new BuildDescription(project, List.of(PlatformSpec.linuxGcc()), targets);
    }

    /**
     * Whether a {@code main} is defined outside every {@code #if}: one that only a define enables (zlib's crc32.c
     * has a table generator under {@code #ifdef MAKECRCH}) does not make the file a program.
     */
    private static boolean definesMain(String text) {
        Matcher main = MAIN.matcher(text);
        while (main.find()) {
            int depth = 0;
            Matcher conditional = CONDITIONAL.matcher(text).region(0, main.start());
            while (conditional.find()) {
                depth += conditional.group(1).equals("endif") ? -1 : 1;
            }
            if (depth <= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> includeDirsFor(String file, String text, List<String> files) {
        List<String> dirs = new ArrayList<>();
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String spelling = m.group(1);
            if (files.contains(dir + spelling)) {
                continue;
            }
            if (files.contains(spelling)) {
                dirs.add("."); // the project root, as for zlib's test/example.c including "zlib.h"
                continue;
            }
            for (String candidate : files) {
                if (candidate.endsWith("/" + spelling)) {
                    dirs.add(candidate.substring(0, candidate.length() - spelling.length() - 1));
                    break;
                }
            }
        }
        return dirs;
    }

    private static String stem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.')).replaceAll("[^A-Za-z0-9_.+-]", "_");
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + "-" + i;
        }
        taken.add(candidate);
        return candidate;
    }
}
