package dev.trestle.make.internal.generate;

import dev.trestle.make.description.PlatformSpec;
import dev.trestle.make.description.TargetSpec;
import java.util.List;

/** What the makefile builds on one platform, paths relative to the source root or the build directory. */
record Plan(String descriptionFile, PlatformSpec platform, List<Unit> units, List<Output> outputs) {
    /** A compiled file: {@code source} to {@code object} (both relative), with its project headers. */
    record Unit(TargetSpec target, String source, String object, List<String> headers) {}

    /** A linked or archived target; {@code file} relative to the build directory. */
    record Output(
            TargetSpec target, String file, List<String> objects, List<String> archives, List<String> systemLibs) {}
}
