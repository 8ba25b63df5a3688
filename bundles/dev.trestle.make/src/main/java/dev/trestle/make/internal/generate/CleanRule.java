package dev.trestle.make.internal.generate;

import dev.trestle.make.generate.MakefileGenerator;
import java.util.List;

/**
 * The {@code clean} rule, safe by construction: it removes an explicit list of files, each below {@code
 * $(BUILD_DIR)}, and before anything runs make itself refuses (with {@code $(error)}, so no shell starts) when
 * {@code BUILD_DIR} is empty, more than one word, {@code /}, the source root or above it, or lacks the marker file
 * that the generator wrote for this platform. Directories go only when empty ({@code rmdir}, never {@code rm -r}).
 */
final class CleanRule {
    private CleanRule() {}

    static String markerContent(String platform) {
        return MakefileGenerator.markerContent(platform);
    }

    static void write(StringBuilder out, List<String> files, List<String> dirsDeepestFirst, String platform) {
        String marker = "$(BUILD_DIR)/" + MakefileGenerator.MARKER;
        out.append('\n');
        out.append("CLEAN_FILES := ").append(String.join(" ", files)).append('\n');
        out.append("CLEAN_DIRS := ").append(String.join(" ", dirsDeepestFirst)).append('\n');
        out.append("TRESTLE_MARKER := ").append(markerContent(platform)).append('\n');
        out.append("TRESTLE_MARKER_FOUND = $(file <").append(marker).append(")\n");
        out.append("define trestle_refuse_unsafe_clean\n");
        out.append("$(if $(strip $(BUILD_DIR)),,$(error refusing to clean: BUILD_DIR is empty))\n");
        out.append(
                "$(if $(filter-out 1,$(words $(BUILD_DIR))),$(error refusing to clean: BUILD_DIR is not one path: '$(BUILD_DIR)'))\n");
        out.append(
                "$(if $(filter /,$(realpath $(BUILD_DIR)) $(BUILD_DIR)),$(error refusing to clean: BUILD_DIR is /))\n");
        out.append(
                "$(if $(realpath $(BUILD_DIR)),,$(error refusing to clean: BUILD_DIR $(BUILD_DIR) does not exist))\n");
        out.append("$(if $(filter $(realpath $(BUILD_DIR)) $(realpath $(BUILD_DIR))/%,$(realpath $(SRC))),"
                + "$(error refusing to clean: BUILD_DIR $(BUILD_DIR) is the source root or contains it))\n");
        out.append("$(if $(wildcard ")
                .append(marker)
                .append("),,$(error refusing to clean: no ")
                .append(MakefileGenerator.MARKER)
                .append(" in $(BUILD_DIR), so Trestle did not create it))\n");
        out.append("$(if $(call trestle_same,TRESTLE_MARKER,TRESTLE_MARKER_FOUND),,$(error refusing to clean: ")
                .append(marker)
                .append(" is not the marker of this platform))\n");
        out.append(
                "$(if $(filter-out $(BUILD_DIR)/%,$(CLEAN_FILES)),$(error refusing to clean: a file outside BUILD_DIR))\n");
        out.append("endef\n");
        out.append("clean:\n");
        out.append("\t$(trestle_refuse_unsafe_clean)\n");
        out.append("\trm -f -- $(CLEAN_FILES)\n");
        out.append("\tfor d in $(CLEAN_DIRS); do rmdir -- \"$$d\" 2>/dev/null || true; done\n");
    }
}
