package dev.trestle.trace.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakefileDependenciesTest {
    @TempDir
    Path root;

    private MakefileDependencies read(String text) throws IOException {
        Path makefile = Files.writeString(root.resolve("Makefile"), text);
        return MakefileDependencies.read(makefile, root, Map.of("SRC", root.toString(), "BUILD_DIR", "/b"));
    }

    @Test
    void generatedRuleDeclaresItsHeadersButNotItsOrderOnlyDirectory() throws IOException {
        MakefileDependencies deps = read("""
                SRC := $(abspath $(dir $(TRESTLE_MAKEFILE))../..)
                INC = $(SRC)/include
                $(BUILD_DIR)/src/main.o: $(SRC)/src/main.c $(BUILD_DIR)/src/main.o.cmd \\
                  $(INC)/a.h $(SRC)/src/b.h | $(BUILD_DIR)/src
                \t$(C_1)
                $(BUILD_DIR)/src/main.o.cmd: $(if $(call trestle_same,C_1,F_1),,FORCE) | $(BUILD_DIR)/src
                \t$(file >$@,$(C_1))
                $(SRC)/include/a.h $(SRC)/src/b.h:
                """);
        Path unit = root.resolve("src/main.c");
        assertEquals(
                Set.of(Path.of("/b/src/main.o.cmd"), root.resolve("include/a.h"), root.resolve("src/b.h")),
                deps.declaredFor(unit));
        assertTrue(deps.built().contains(Path.of("/b/src/main.o.cmd")), "a stamp with a recipe is an output");
        assertFalse(deps.built().contains(root.resolve("include/a.h")), "a bare header rule builds nothing");
    }

    @Test
    void handWrittenRulesForOneObjectAreMergedAndVariablesAssignmentsAreNotRules() throws IOException {
        MakefileDependencies deps = read("""
                CFLAGS := -Iinclude # a comment: not a prerequisite
                main.o: main.c
                \tcc $(CFLAGS) -c main.c
                main.o: config.h
                main.o: CFLAGS += -DX=1
                other.o: other.c other.h
                """);
        assertEquals(Set.of(root.resolve("config.h")), deps.declaredFor(root.resolve("main.c")));
        assertEquals(Set.of(root.resolve("other.h")), deps.declaredFor(root.resolve("other.c")));
    }
}
