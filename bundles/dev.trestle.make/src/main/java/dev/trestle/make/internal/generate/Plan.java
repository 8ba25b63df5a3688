package dev.trestle.make.internal.generate;

import dev.trestle.make.description.DescriptionModel.Outputs.Link;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.description.TargetSpec;
import java.util.List;

/** What the build does on one platform, paths relative to the source root or the build directory. */
record Plan(String descriptionFile, PlatformSpec platform, List<Unit> units, List<Output> outputs, List<Step> steps) {
    /** The build directory's subdirectory that custom commands write into; it is on every unit's include path. */
    static final String GENERATED = "gen";

    /**
     * A compiled file: {@code source} to {@code object} (both relative), with its project headers and the generated
     * files (relative to the build directory) that must exist before it compiles.
     */
    record Unit(TargetSpec target, String source, String object, List<String> headers, List<String> generated) {}

    /**
     * A linked or archived target; {@code file} and {@code importLibrary} (a DLL's, else {@code null}) relative to
     * the build directory.
     */
    record Output(
            TargetSpec target,
            String file,
            String importLibrary,
            String soname,
            List<Link> links,
            List<String> objects,
            List<String> archives,
            List<String> systemLibs) {
        /** Every file the link writes. */
        List<String> files() {
            return importLibrary == null ? List.of(file) : List.of(file, importLibrary);
        }

        /** Every file the build of this output makes: what the link writes and the links beside it. */
        List<String> allFiles() {
            List<String> all = new java.util.ArrayList<>(files());
            links.forEach(l -> all.add(l.file()));
            return all;
        }
    }

    /**
     * A custom command: {@code outputs} relative to the build directory, {@code inputs} to the source root, and the
     * words of {@code run} with their placeholders still in them.
     */
    record Step(String name, List<String> outputs, List<String> inputs, List<String> run) {}

    Toolchain toolchain() {
        return new Toolchain(platform);
    }

    String compiler() {
        return toolchain().cc();
    }

    boolean hasGenerated() {
        return !steps.isEmpty();
    }

    /** The suffixes of the files the compile of one object writes: the object, its depfile, its command record. */
    static final List<String> OBJECT_FILES = List.of("", ".d", ".cmd");

    /**
     * Every file the build writes, relative to the build directory, by the target or custom command that writes it:
     * what the project model records as build outputs.
     */
    java.util.Map<String, List<String>> builtFiles() {
        java.util.Map<String, List<String>> files = new java.util.LinkedHashMap<>();
        for (Unit unit : units) {
            List<String> of = files.computeIfAbsent(unit.target().name(), t -> new java.util.ArrayList<>());
            OBJECT_FILES.forEach(suffix -> of.add(unit.object() + suffix));
        }
        outputs.forEach(o -> files.computeIfAbsent(o.target().name(), t -> new java.util.ArrayList<>())
                .addAll(o.allFiles()));
        steps.forEach(s -> files.computeIfAbsent(s.name(), t -> new java.util.ArrayList<>())
                .addAll(s.outputs()));
        return files;
    }
}
