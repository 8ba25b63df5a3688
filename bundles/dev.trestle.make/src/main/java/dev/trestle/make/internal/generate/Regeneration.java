package dev.trestle.make.internal.generate;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.generate.Backend;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * When a generated build file writes itself again: when the description changed, or when the set of source and
 * header files changed. The second is cheap to notice: adding, removing or renaming a file changes its directory's
 * modification time, so the build file depends on every directory a source glob could reach. Only when one of those
 * is newer does the build tool list their source and header files (by pattern, no process started for make) and
 * compare them with the list recorded here at generation; an unchanged list (an editor that saves through a
 * temporary file also touches the directory) just touches the build file. Only a changed list, or a changed
 * description, runs the launcher's {@code make generate} again, which then scans.
 *
 * @param launcher the {@code trestle} launcher that wrote the build file
 * @param dirs the watched directories, relative to the source root ({@code .} is the root itself)
 * @param files the watched files in them when the build file was written, relative, sorted by their bytes
 */
/**
 * @param buildDirectory the build directory relative to the source root when the user chose it, else empty
 */
record Regeneration(
        String launcher,
        String platform,
        Backend backend,
        List<String> dirs,
        List<String> files,
        String buildDirectory) {
    /** The list of watched files at generation, in the build directory, one per line. */
    static final String RECORD = ".trestle-sources";

    /** The names that can change what is built: units and headers (as make's and the shell's wildcards). */
    static final List<String> PATTERNS =
            List.of("*.c", "*.cc", "*.cpp", "*.cxx", "*.m", "*.mm", "*.S", "*.h", "*.hh", "*.hpp", "*.hxx");

    /** The system property the launcher sets to its own path, so a build file can run it again. */
    static final String LAUNCHER_PROPERTY = "trestle.launcher";

    Regeneration {
        dirs = List.copyOf(dirs);
        files = List.copyOf(files);
    }

    /**
     * The watched directories of the targets built on {@code platform} (each directory below which one of their
     * source globs could match a file, which covers a directory created later) and their watched files.
     */
    static Regeneration of(
            Path src, BuildDescription description, PlatformSpec platform, Backend backend, String launcher)
            throws IOException {
        return of(src, description, platform, backend, launcher, null);
    }

    /** @param buildDir the build directory the user chose, or {@code null} for {@code build/PLATFORM} */
    static Regeneration of(
            Path src,
            BuildDescription description,
            PlatformSpec platform,
            Backend backend,
            String launcher,
            Path buildDir)
            throws IOException {
        List<Pattern> globs = description.targets().stream()
                .filter(t -> t.buildsOn(platform.name()))
                .map(t -> t.on(platform.name()).sources())
                .flatMap(List::stream)
                .map(Globs::compile)
                .toList();
        List<String> dirs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(src) && (name.startsWith(".") || Globs.isBuildDirectory(src, dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String relative = src.relativize(dir).toString().replace('\\', '/');
                String prefix = relative.isEmpty() ? "" : relative + "/";
                if (globs.stream().anyMatch(g -> Globs.couldMatchBelow(g, prefix))) {
                    dirs.add(relative.isEmpty() ? "." : relative);
                    try (Stream<Path> entries = Files.list(dir)) {
                        entries.map(e -> e.getFileName().toString())
                                .filter(Regeneration::watched)
                                .forEach(n -> files.add(prefix + n));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        dirs.sort(null);
        files.sort(Regeneration::byBytes);
        return new Regeneration(
                launcher,
                platform.name(),
                backend,
                dirs,
                files,
                buildDir == null ? "" : src.relativize(buildDir).toString().replace('\\', '/'));
    }

    /** The launcher this process was started by, or {@code null} (a test, an embedding): then no regeneration. */
    static String launcherOfThisProcess() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        return launcher == null || launcher.isBlank() ? null : launcher;
    }

    private static boolean watched(String name) {
        return !name.startsWith(".")
                && PATTERNS.stream().anyMatch(p -> name.endsWith(p.substring(1)) && name.length() > p.length() - 1);
    }

    /** The order of make's {@code $(sort)} and of {@code LC_ALL=C sort}: by the UTF-8 bytes. */
    private static int byBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    void writeRecord(Path buildDir) throws IOException {
        byte[] bytes = (String.join("\n", files) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(buildDir.resolve(RECORD), out -> out.write(bytes));
    }

    /** The command that writes the build file again: the launcher quoted as it needs, then the source root. */
    private String command(String quotedLauncher, String src) {
        return quotedLauncher + " make generate " + src + " --platform " + platform + " --backend "
                + (backend == Backend.NINJA ? "ninja" : "make")
                + (buildDirectory.isEmpty() ? "" : " --build-dir " + src + "/" + buildDirectory);
    }

    /**
     * The makefile's rule for itself ({@code self} is the makefile as make named it). It is left out when the only
     * goals are {@code clean}: a clean removes what the makefile as it is built, not what a new one would.
     */
    void makeRules(StringBuilder out, String self) {
        List<String> dirs = this.dirs.stream()
                .map(d -> d.equals(".") ? "$(SRC)" : "$(SRC)/" + d)
                .toList();
        out.append('\n');
        out.append(
                "# Regeneration: a changed description, or a watched directory whose source and header files are no\n");
        out.append("# longer those recorded in " + RECORD + ", writes this makefile again (make then restarts).\n");
        // once per make: after a restart (a directory dated in the future, say) the makefile stays as it is
        out.append("ifeq ($(MAKE_RESTARTS),)\n");
        out.append("ifneq ($(if $(MAKECMDGOALS),$(filter-out clean,$(MAKECMDGOALS)),all),)\n");
        out.append("TRESTLE_DESCRIPTION := $(SRC)/")
                .append(DescriptionFormat.FILE_NAME)
                .append('\n');
        out.append("TRESTLE_SOURCE_DIRS := ").append(String.join(" ", dirs)).append('\n');
        out.append("TRESTLE_PATTERNS := ").append(String.join(" ", PATTERNS)).append('\n');
        out.append("TRESTLE_SOURCES_RECORDED = $(file <$(BUILD_DIR)/" + RECORD + ")\n");
        out.append("TRESTLE_SOURCES_NOW = $(sort $(patsubst $(SRC)/%,%,$(wildcard $(foreach d,$(TRESTLE_SOURCE_DIRS),"
                + "$(addprefix $(d)/,$(TRESTLE_PATTERNS))))))\n");
        out.append(self).append(": $(TRESTLE_DESCRIPTION) $(TRESTLE_SOURCE_DIRS)\n");
        out.append("\t$(if $(filter $(TRESTLE_DESCRIPTION),$?)$(if $(call trestle_same,TRESTLE_SOURCES_NOW,"
                        + "TRESTLE_SOURCES_RECORDED),,changed),")
                .append(command(Shell.quote(launcher), "$(SRC)"))
                .append(",@touch $@)\n");
        // a directory or the description that is gone has nothing to make it: it counts as changed
        out.append("$(TRESTLE_DESCRIPTION) $(TRESTLE_SOURCE_DIRS):\n");
        out.append("endif\n");
        out.append("endif\n");
    }

    /**
     * {@code build.ninja}'s edge for itself; Ninja brings its manifest up to date first and then reloads it. The
     * shell compares the files with the record, from the source root; {@code srcFromBuild} leads there.
     */
    void ninjaRules(StringBuilder out, String srcFromBuild) {
        String src = srcFromBuild.isEmpty() ? "." : srcFromBuild;
        List<String> patterns = new ArrayList<>();
        for (String dir : dirs) {
            for (String pattern : PATTERNS) {
                patterns.add(dir.equals(".") ? pattern : Shell.sh(dir) + "/" + pattern);
            }
        }
        String check = "[ " + src + "/" + DescriptionFormat.FILE_NAME + " -nt build.ninja ] || ! (cd " + src
                + " && ls -d -- " + String.join(" ", patterns) + " 2>/dev/null | LC_ALL=C sort) | cmp -s - " + RECORD;
        out.append('\n');
        out.append("rule trestle_regenerate\n");
        out.append("  command = if ")
                .append(NinjaText.escape(check))
                .append("; then ")
                .append(NinjaText.escape(command(Shell.sh(launcher), "\"$(cd " + src + " && pwd)\"")))
                .append("; else touch build.ninja; fi\n");
        out.append("  description = checking the sources of build.ninja\n");
        out.append("  generator = 1\n");
        List<String> inputs = new ArrayList<>();
        inputs.add(src + "/" + DescriptionFormat.FILE_NAME);
        dirs.forEach(d -> inputs.add(d.equals(".") ? src : src + "/" + d));
        out.append("build build.ninja: trestle_regenerate ")
                .append(String.join(" ", inputs.stream().map(NinjaText::escape).toList()))
                .append('\n');
        for (String input : inputs) {
            out.append("build ").append(NinjaText.escape(input)).append(": phony\n");
        }
    }
}
