package dev.trestle.make.internal.generate;

import dev.trestle.make.description.DescriptionModel.Outputs.Link;
import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.make.internal.generate.Plan.Output;
import dev.trestle.make.internal.generate.Plan.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Plan} as {@code build.ninja}: the makefile's graph, with the compiler's depfiles read by Ninja
 * itself ({@code deps = gcc}) and Ninja's own record of each command standing in for the makefile's {@code .cmd}
 * files. Paths are relative to the build directory, where Ninja runs. There is deliberately no {@code clean} edge:
 * {@code ninja -t clean} removes exactly the outputs of the edges below, all of them inside the build directory.
 */
final class NinjaText {
    private final Plan plan;
    private final String srcPrefix;
    private final CompileLine.Dialect dialect;
    private final StringBuilder out = new StringBuilder();

    private final Regeneration regeneration;
    private final String srcFromBuild;

    private NinjaText(Plan plan, Path srcFromBuild, Regeneration regeneration) {
        this.plan = plan;
        this.regeneration = regeneration;
        String relative = srcFromBuild.toString().replace('\\', '/');
        this.srcFromBuild = relative;
        this.srcPrefix = relative.isEmpty() ? "" : relative + "/";
        this.dialect = new CompileLine.Dialect() {
            @Override
            public String src(String path) {
                return srcPrefix + path;
            }

            @Override
            public String build(String path) {
                return path;
            }

            @Override
            public String word(String raw) {
                return escape(Shell.sh(raw));
            }
        };
    }

    /** @param srcFromBuild the source root as seen from the build directory, e.g. {@code ../..} */
    static String render(Plan plan, Path srcFromBuild) {
        return render(plan, srcFromBuild, null);
    }

    /** @param regeneration how {@code build.ninja} writes itself again, or {@code null} for never */
    static String render(Plan plan, Path srcFromBuild, Regeneration regeneration) {
        return new NinjaText(plan, srcFromBuild, regeneration).render();
    }

    /** Ninja gives {@code $} meaning in every value; a literal one is written twice. */
    static String escape(String text) {
        return text.replace("$", "$$");
    }

    private String render() {
        line(MakefileGenerator.HEADER + " Do not edit: 'trestle make generate --backend ninja' rewrites it from "
                + plan.descriptionFile() + " for platform " + plan.platform().name() + ".");
        line("ninja_required_version = 1.7");
        line("cc = " + escape(plan.compiler()));
        line("ar = " + escape(plan.toolchain().ar()));
        if (plan.toolchain().msvc()) {
            msvcRules();
        } else {
            line("");
            line("rule cc");
            line("  command = $cc $args");
            line("  description = CC $out");
            line("  depfile = $out.d");
            line("  deps = gcc");
            line("rule ar");
            line("  command = rm -f $out && $ar rcs $out $in");
            line("  description = AR $out");
            line("rule link");
            line("  command = $cc $flags -o $out $in $libs");
            line("  description = LINK $out");
            line("rule shared");
            line("  command = $cc $sharedflags $flags -o $library $in $libs");
            line("  description = LINK $out");
        }
        line("rule symlink");
        line("  command = ln -sfn $points_to $out");
        line("  description = LINK $out");
        line("rule custom");
        line("  command = $run");
        line("  description = GEN $name");
        for (Plan.Step step : plan.steps()) {
            line("");
            line("build " + String.join(" ", step.outputs()) + ": custom "
                    + String.join(" ", step.inputs().stream().map(dialect::src).toList()));
            line("  name = " + step.name());
            line("  run = " + String.join(" ", Steps.words(step, dialect)));
        }
        for (Unit unit : plan.units()) {
            line("");
            String orderOnly = unit.generated().isEmpty() ? "" : " || " + String.join(" ", unit.generated());
            line("build " + unit.object() + ": cc " + dialect.src(unit.source()) + orderOnly);
            line("  args = " + String.join(" ", CompileLine.arguments(plan, unit, dialect)));
        }
        for (Output output : plan.outputs()) {
            output(output);
        }
        line("");
        List<String> all = new ArrayList<>();
        for (Output output : plan.outputs()) {
            all.add(output.file());
            output.links().forEach(l -> all.add(l.file()));
        }
        line("build all: phony " + String.join(" ", all));
        line("default all");
        if (regeneration != null) {
            regeneration.ninjaRules(out, srcFromBuild);
        }
        return out.toString();
    }

    /** Visual C++'s: Ninja reads {@code /showIncludes} itself ({@code deps = msvc}). */
    private void msvcRules() {
        line("link = " + escape(plan.toolchain().linker()));
        line("");
        line("rule cc");
        line("  command = $cc $args");
        line("  description = CC $out");
        line("  deps = msvc");
        line("rule ar");
        line("  command = $ar /nologo /OUT:$out $in");
        line("  description = LIB $out");
        line("rule link");
        line("  command = $link /nologo $flags /OUT:$out $in $libs");
        line("  description = LINK $out");
        line("rule shared");
        line("  command = $link /nologo /DLL $flags /OUT:$library /IMPLIB:$implib $in $libs");
        line("  description = LINK $out");
    }

    private void output(Output output) {
        List<String> inputs = new ArrayList<>(output.objects());
        inputs.addAll(output.archives());
        line("");
        String rule = switch (output.target().kind()) {
            case STATIC_LIBRARY -> "ar";
            case SHARED_LIBRARY -> "shared";
            default -> "link";
        };
        line("build " + String.join(" ", output.files()) + ": " + rule + " " + String.join(" ", inputs));
        if (!rule.equals("ar")) {
            List<String> flags = new ArrayList<>(
                    output.target().linkFlags().stream().map(dialect::word).toList());
            if (rule.equals("link")) {
                plan.toolchain().runPathFlags(output.file(), output.archives()).stream()
                        .map(dialect::word)
                        .forEach(flags::add);
            }
            line("  flags = " + String.join(" ", flags));
            line("  libs = "
                    + String.join(
                            " ",
                            output.systemLibs().stream()
                                    .map(l -> dialect.word(plan.toolchain().msvc() ? l + ".lib" : "-l" + l))
                                    .toList()));
        }
        if (rule.equals("shared") && plan.toolchain().msvc()) {
            line("  library = " + output.file());
            line("  implib = " + output.importLibrary());
        } else if (rule.equals("shared")) {
            List<String> flags = plan.toolchain().sharedFlags(output.soname(), output.importLibrary());
            line("  sharedflags = "
                    + String.join(" ", flags.stream().map(dialect::word).toList()));
            line("  library = " + output.file());
        }
        for (Link link : output.links()) {
            String dir = link.file().substring(0, link.file().lastIndexOf('/') + 1);
            line("build " + link.file() + ": symlink " + dir + link.pointsTo());
            line("  points_to = " + dialect.word(link.pointsTo()));
        }
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
