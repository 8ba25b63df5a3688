package dev.trestle.make.internal.generate;

import dev.trestle.make.internal.generate.Plan.Unit;
import dev.trestle.model.TargetKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's compile command as words, built once for the makefile, {@code build.ninja} and {@code
 * compile_commands.json}, so what clangd is told cannot drift from what the build runs. Each backend spells paths
 * and quotes words its own way through a {@link Dialect}.
 */
final class CompileLine {
    private CompileLine() {}

    /** How one output format writes paths and literal words. */
    interface Dialect {
        /** A path relative to the source root. */
        String src(String relative);

        /** A path relative to the build directory. */
        String build(String relative);

        /** A literal flag, quoted as the format needs. */
        String word(String raw);
    }

    /** Everything after the compiler. */
    static List<String> arguments(Plan plan, Unit unit, Dialect d) {
        if (plan.toolchain().msvc()) {
            return msvcArguments(plan, unit, d);
        }
        List<String> words = new ArrayList<>();
        unit.target().includeDirs().forEach(dir -> words.add("-I" + d.src(dir)));
        if (plan.hasGenerated()) {
            // after the target's own directories: a header in the source tree wins, as it would without generation
            words.add("-I" + d.build(Plan.GENERATED));
        }
        unit.target().defines().forEach(define -> words.add(d.word("-D" + define)));
        unit.target().flags().forEach(flag -> words.add(d.word(flag)));
        if (unit.target().kind() == TargetKind.SHARED_LIBRARY
                && plan.toolchain().pic()) {
            words.add("-fPIC");
        }
        words.addAll(List.of("-MMD", "-MP", "-MF", d.build(unit.object() + ".d"), "-c", d.src(unit.source())));
        words.addAll(List.of("-o", d.build(unit.object())));
        return words;
    }

    /**
     * {@code cl}'s: the headers come from {@code /showIncludes} on standard output, which the build turns into the
     * depfile (make) or reads itself (Ninja's {@code deps = msvc}).
     */
    private static List<String> msvcArguments(Plan plan, Unit unit, Dialect d) {
        List<String> words = new ArrayList<>(List.of("/nologo", "/showIncludes"));
        unit.target().includeDirs().forEach(dir -> words.add("/I" + d.src(dir)));
        if (plan.hasGenerated()) {
            words.add("/I" + d.build(Plan.GENERATED));
        }
        unit.target().defines().forEach(define -> words.add(d.word("/D" + define)));
        unit.target().flags().forEach(flag -> words.add(d.word(flag)));
        words.addAll(List.of("/c", d.src(unit.source()), "/Fo" + d.build(unit.object())));
        return words;
    }
}
