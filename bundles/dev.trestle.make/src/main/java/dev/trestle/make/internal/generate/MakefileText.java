package dev.trestle.make.internal.generate;

import dev.trestle.make.description.DescriptionModel.Outputs.Link;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.make.internal.generate.Plan.Output;
import dev.trestle.make.internal.generate.Plan.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders a {@link Plan} as GNU make. Every path is anchored to the makefile's own location ({@code SRC} and
 * {@code BUILD_DIR} come from {@code MAKEFILE_LIST}), so running make from any directory with {@code -f} or
 * {@code -C} builds the same files; there is no {@code cd} and no recursive make.
 */
final class MakefileText {
    /** Paths anchored to the makefile's variables; literal words quoted for the shell and protected from make. */
    static final CompileLine.Dialect DIALECT = new CompileLine.Dialect() {
        @Override
        public String src(String relative) {
            return "$(SRC)/" + relative;
        }

        @Override
        public String build(String relative) {
            return "$(BUILD_DIR)/" + relative;
        }

        @Override
        public String word(String raw) {
            return Shell.quote(raw);
        }
    };

    private final Plan plan;
    private final Regeneration regeneration;
    /** The source root as seen from the build directory, '/'-separated: {@code ../..} for {@code build/PLATFORM}. */
    private final String srcFromBuild;

    private final StringBuilder out = new StringBuilder();

    private MakefileText(Plan plan, Regeneration regeneration, String srcFromBuild) {
        this.plan = plan;
        this.regeneration = regeneration;
        this.srcFromBuild = srcFromBuild;
    }

    static String render(Plan plan) {
        return render(plan, null);
    }

    /** @param regeneration how the makefile writes itself again, or {@code null} for never */
    static String render(Plan plan, Regeneration regeneration) {
        return render(plan, regeneration, Path.of("..", ".."));
    }

    /** @param srcFromBuild the source root relative to the build directory */
    static String render(Plan plan, Regeneration regeneration, Path srcFromBuild) {
        return new MakefileText(plan, regeneration, srcFromBuild.toString().replace('\\', '/')).render();
    }

    private String render() {
        line(MakefileGenerator.HEADER + " Do not edit: 'trestle make generate' rewrites it from "
                + plan.descriptionFile() + " for platform " + plan.platform().name() + ".");
        line("# Paths come from this file's location, never from the current directory.");
        line("TRESTLE_SELF := $(lastword $(MAKEFILE_LIST))");
        line("TRESTLE_MAKEFILE := $(abspath $(TRESTLE_SELF))");
        line("BUILD_DIR := $(patsubst %/,%,$(dir $(TRESTLE_MAKEFILE)))");
        line("SRC := $(abspath $(dir $(TRESTLE_MAKEFILE))" + srcFromBuild + ")");
        line("CC := " + plan.compiler());
        line("AR := " + plan.toolchain().ar());
        if (plan.toolchain().msvc()) {
            line("LINK := " + plan.toolchain().linker());
        }
        line(".DEFAULT_GOAL := all");
        line(".SUFFIXES:");
        line(".DELETE_ON_ERROR:");
        line(".PHONY: all clean FORCE");
        line("FORCE:");
        // stripped: make 4.3's $(file <) sometimes keeps the trailing newline that $(file >) wrote
        line("# Equality of two variables, by name, blanks normalised: each contains the other.");
        line("trestle_same = $(and $(findstring $(strip $($(1))),$(strip $($(2)))),"
                + "$(findstring $(strip $($(2))),$(strip $($(1)))))");
        line("");
        List<String> all = plan.outputs().stream()
                .flatMap(o -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(o.file()), o.links().stream().map(l -> l.file())))
                .map(f -> "$(BUILD_DIR)/" + f)
                .toList();
        line("all: " + String.join(" ", all));
        int s = 0;
        for (Plan.Step step : plan.steps()) {
            step(step, ++s);
        }
        int n = 0;
        for (Unit unit : plan.units()) {
            unit(unit, ++n);
        }
        for (Output output : plan.outputs()) {
            output(output);
        }
        directories();
        clean();
        if (regeneration != null) {
            regeneration.makeRules(out, "$(TRESTLE_SELF)");
        }
        line("-include "
                + String.join(
                        " ",
                        plan.units().stream()
                                .map(u -> "$(BUILD_DIR)/" + u.object() + ".d")
                                .toList()));
        return out.toString();
    }

    private void unit(Unit unit, int n) {
        String o = "$(BUILD_DIR)/" + unit.object();
        line("");
        line("C_" + n + " := $(CC) " + String.join(" ", CompileLine.arguments(plan, unit, DIALECT)));
        line("F_" + n + " := $(file <" + o + ".cmd)");
        List<String> headers = unit.headers().stream().map(h -> "$(SRC)/" + h).toList();
        // generated headers order-only: they must exist first, and the depfile adds a real edge where included
        String generated =
                unit.generated().stream().map(g -> " $(BUILD_DIR)/" + g).collect(java.util.stream.Collectors.joining());
        line(o + ": $(SRC)/" + unit.source() + " " + o + ".cmd " + String.join(" ", headers) + " | " + dir(o)
                + generated);
        line("\t" + (plan.toolchain().msvc() ? showIncludesRecipe(n) : "$(C_" + n + ")"));
        line("# The command is written only when it changed, so a changed flag rebuilds exactly its objects.");
        line(o + ".cmd: $(if $(call trestle_same,C_" + n + ",F_" + n + "),,FORCE) | " + dir(o));
        line("\t$(file >$@,$(C_" + n + "))");
        if (!headers.isEmpty()) {
            line(String.join(" ", headers) + ":");
        }
    }

    /**
     * {@code cl}'s compile: its {@code /showIncludes} lines become the depfile (a rule per header, as {@code -MP}
     * writes, so a deleted header does not stop make), the rest of its output is shown, and its status is the
     * recipe's. Backslashes become slashes and blanks are escaped, as make reads a path.
     */
    private static String showIncludesRecipe(int n) {
        return "$(C_" + n + ") >$@.out; s=$$?; grep -v '^" + Toolchain.SHOW_INCLUDES_PREFIX + "' $@.out;"
                + " sed -n 's/^" + Toolchain.SHOW_INCLUDES_PREFIX + " *//p' $@.out"
                + " | awk -v o='$@' '{ gsub(/\\\\/, \"/\"); gsub(/ /, \"\\\\ \"); print o \": \" $$0; print $$0 \":\" }'"
                + " >$@.d; rm -f $@.out; exit $$s";
    }

    /** One rule for all outputs ({@code &:}, GNU make 4.3), so {@code -j} runs the command once. */
    private void step(Plan.Step step, int n) {
        List<String> outputs =
                step.outputs().stream().map(o -> "$(BUILD_DIR)/" + o).toList();
        TreeSet<String> dirs = new TreeSet<>();
        outputs.forEach(o -> dirs.add(dir(o)));
        line("");
        line("# command " + step.name());
        line("S_" + n + " := " + String.join(" ", Steps.words(step, DIALECT)));
        line(String.join(" ", outputs) + " &: "
                + String.join(
                        " ", step.inputs().stream().map(i -> "$(SRC)/" + i).toList()) + " | "
                + String.join(" ", dirs));
        line("\t$(S_" + n + ")");
    }

    private void output(Output output) {
        String file = "$(BUILD_DIR)/" + output.file();
        List<String> objects =
                output.objects().stream().map(o -> "$(BUILD_DIR)/" + o).toList();
        List<String> archives =
                output.archives().stream().map(a -> "$(BUILD_DIR)/" + a).toList();
        line("");
        List<String> prerequisites = new ArrayList<>(objects);
        prerequisites.addAll(archives);
        List<String> files =
                output.files().stream().map(f -> "$(BUILD_DIR)/" + f).toList();
        TreeSet<String> dirs = new TreeSet<>();
        files.forEach(f -> dirs.add(dir(f)));
        // a DLL and its import library come from one command: one grouped rule, so -j runs it once
        line(String.join(" ", files) + (files.size() > 1 ? " &: " : ": ") + String.join(" ", prerequisites) + " | "
                + String.join(" ", dirs));
        String objs = String.join(" ", objects);
        if (plan.toolchain().msvc()) {
            msvcOutput(output, file, objs, archives);
            links(output);
            return;
        }
        switch (output.target().kind()) {
            case STATIC_LIBRARY -> line("\trm -f $@ && $(AR) rcs $@ " + objs);
            case SHARED_LIBRARY -> {
                String importLibrary = output.importLibrary() == null ? null : "$(BUILD_DIR)/" + output.importLibrary();
                line("\t$(CC) " + String.join(" ", plan.toolchain().sharedFlags(output.soname(), importLibrary)) + " "
                        + flags(output) + "-o " + file + " " + objs + libs(output, archives));
            }
            default -> line("\t$(CC) " + flags(output) + runPaths(output) + "-o $@ " + objs + libs(output, archives));
        }
        links(output);
    }

    /** {@code lib} archives, {@code link} links; a system library is {@code NAME.lib}. */
    private void msvcOutput(Output output, String file, String objs, List<String> archives) {
        StringBuilder libs = new StringBuilder();
        archives.forEach(a -> libs.append(' ').append(a));
        output.systemLibs().forEach(l -> libs.append(' ').append(Shell.quote(l + ".lib")));
        switch (output.target().kind()) {
            case STATIC_LIBRARY -> line("\t$(AR) /nologo /OUT:$@ " + objs);
            case SHARED_LIBRARY ->
                line("\t$(LINK) /nologo /DLL " + flags(output) + "/OUT:" + file + " /IMPLIB:$(BUILD_DIR)/"
                        + output.importLibrary() + " " + objs + libs);
            default -> line("\t$(LINK) /nologo " + flags(output) + "/OUT:$@ " + objs + libs);
        }
    }

    private void links(Output output) {
        // make follows a link to its file, so a link is as new as the library and is made only when missing
        for (Link link : output.links()) {
            String linkFile = "$(BUILD_DIR)/" + link.file();
            line(linkFile + ": $(BUILD_DIR)/" + dir(link.file()) + "/" + link.pointsTo());
            line("\tln -sfn " + Shell.quote(link.pointsTo()) + " $@");
        }
    }

    /** Where the program finds the project's shared libraries, with make's and the shell's quoting. */
    private String runPaths(Output output) {
        List<String> words = plan.toolchain().runPathFlags(output.file(), output.archives()).stream()
                .map(Shell::quote)
                .toList();
        return words.isEmpty() ? "" : String.join(" ", words) + " ";
    }

    private static String flags(Output output) {
        List<String> flags =
                output.target().linkFlags().stream().map(Shell::quote).toList();
        return flags.isEmpty() ? "" : String.join(" ", flags) + " ";
    }

    private static String libs(Output output, List<String> archives) {
        StringBuilder libs = new StringBuilder();
        archives.forEach(a -> libs.append(' ').append(a));
        output.systemLibs().forEach(l -> libs.append(" -l").append(Shell.quote(l)));
        return libs.toString();
    }

    private void directories() {
        line("");
        line(String.join(" ", dirs()) + ":");
        line("\tmkdir -p $@");
    }

    private TreeSet<String> dirs() {
        TreeSet<String> dirs = new TreeSet<>();
        plan.units().forEach(u -> dirs.add(dir("$(BUILD_DIR)/" + u.object())));
        plan.outputs().forEach(o -> o.files().forEach(f -> dirs.add(dir("$(BUILD_DIR)/" + f))));
        plan.steps().forEach(s -> s.outputs().forEach(o -> dirs.add(dir("$(BUILD_DIR)/" + o))));
        return dirs;
    }

    private void clean() {
        List<String> files = new ArrayList<>();
        for (Unit unit : plan.units()) {
            for (String suffix : Plan.OBJECT_FILES) {
                files.add("$(BUILD_DIR)/" + unit.object() + suffix);
            }
        }
        plan.outputs().forEach(o -> o.allFiles().forEach(f -> files.add("$(BUILD_DIR)/" + f)));
        plan.steps().forEach(s -> s.outputs().forEach(o -> files.add("$(BUILD_DIR)/" + o)));
        // every directory the build made, parents included, children before their parents for rmdir
        TreeSet<String> all = new TreeSet<>();
        for (String leaf : dirs()) {
            for (String d = leaf; d.startsWith("$(BUILD_DIR)/"); d = dir(d)) {
                all.add(d);
            }
        }
        List<String> deepestFirst = new ArrayList<>(all.descendingSet());
        deepestFirst.sort(java.util.Comparator.comparingLong(
                        (String d) -> d.chars().filter(c -> c == '/').count())
                .reversed());
        CleanRule.write(out, files, deepestFirst, plan.platform().name());
    }

    static String dir(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
