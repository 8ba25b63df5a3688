package dev.trestle.make.internal.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.deps.SearchPath;
import dev.trestle.make.fixtures.Gcc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small adversarial trees. Each test states what must (not) be found and also checks the scanner against {@code
 * gcc -MM} on the same tree, so the expectation is the compiler's, not the scanner's.
 */
class ScannerImplTest {
    @TempDir
    Path root;

    private final ScannerImpl scanner = new ScannerImpl();

    @BeforeAll
    static void needsGcc() {
        Gcc.assumeAvailable();
    }

    private Path write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ScanResult scanAgainstGcc(Path unit, List<String> includeDirs) throws IOException {
        List<Path> dirs = includeDirs.stream().map(root::resolve).toList();
        ScanResult result = scanner.scan(unit, new ScanOptions(SearchPath.of(dirs), Map.of(), List.of(), "cc"));
        List<String> flags =
                includeDirs.stream().map(d -> "-I" + root.resolve(d)).toList();
        Set<Path> gcc = Gcc.userHeaders(unit, flags);
        Set<Path> ours = result.closureUnder(root.toRealPath());
        // -MG lists a missing header too; the scanner reports those as problems instead
        Set<Path> missing = gcc.stream()
                .filter(p -> p.startsWith(root))
                .filter(Files::exists)
                .filter(p -> !ours.contains(p))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), missing, "gcc -MM found headers the scanner missed");
        return result;
    }

    private Set<String> names(ScanResult result) {
        return result.closure().stream().map(p -> root.relativize(p).toString()).collect(Collectors.toSet());
    }

    @Test
    void includesInCommentsAndStringsAreNotFollowedButOneAfterACommentIs() throws IOException {
        for (String h : List.of("a.h", "b.h", "c.h", "d.h", "e.h", "f.h")) {
            write(h, "");
        }
        Path unit = write("main.c", """
                /* #include "a.h" */
                // #include "b.h"
                const char *s = "\\
                #include \\"f.h\\"";
                /* hidden */ #include "c.h"
                #inc\\
                lude "d.h"
                // a comment that continues \\
                #include "e.h"
                """);
        ScanResult result = scanAgainstGcc(unit, List.of());
        assertEquals(Set.of("c.h", "d.h"), names(result));
    }

    @Test
    void ifZeroBlocksAreSkippedAndTheirElseIsTaken() throws IOException {
        write("dead.h", "");
        write("live.h", "");
        Path unit = write("main.c", """
                #if 0
                #include "dead.h"
                #if 1
                #include "dead.h"
                #endif
                #else
                #include "live.h"
                #endif
                """);
        assertEquals(Set.of("live.h"), names(scanAgainstGcc(unit, List.of())));
    }

    @Test
    void knownMacrosDecideArithmeticConditionsAndUndefWorks() throws IOException {
        for (String h : List.of("new.h", "old.h", "gnu.h", "other.h", "after.h", "never.h")) {
            write(h, "");
        }
        Path unit = write("main.c", """
                #define VERSION(major, minor) ((major) * 100 + (minor))
                #define CURRENT VERSION(2, 7)
                #if CURRENT >= VERSION(2, 5) && !defined(NOT_THERE) || 1 / 0
                #include "new.h"
                #elif 1
                #include "old.h"
                #endif
                #ifdef __GNUC__
                #include "gnu.h"
                #else
                #include "other.h"
                #endif
                #undef CURRENT
                #ifndef CURRENT
                #include "after.h"
                #endif
                #if (-1 > 0u) == 1 && ('A' == 65) && (0x10 >> 4) == 1 && __has_include("new.h")
                #else
                #include "never.h"
                #endif
                """);
        assertEquals(Set.of("new.h", "gnu.h", "after.h"), names(scanAgainstGcc(unit, List.of())));
    }

    @Test
    void undecidableConditionsFollowBothBranches() throws IOException {
        write("yes.h", "");
        write("no.h", "");
        Path unit = write("main.c", """
                #if __has_builtin(__builtin_expect)
                #include "yes.h"
                #else
                #include "no.h"
                #endif
                """);
        ScanResult result = scanAgainstGcc(unit, List.of());
        assertEquals(Set.of("yes.h", "no.h"), names(result));
        assertFalse(result.inclusions().get(0).certain());
    }

    @Test
    void withoutCompilerMacrosUnknownNamesFollowBothBranches() throws IOException {
        write("posix.h", "");
        write("windows.h", "");
        Path unit = write("main.c", "#ifdef _WIN32\n#include \"windows.h\"\n#else\n#include \"posix.h\"\n#endif\n");
        ScanResult open = scanner.scan(unit, new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), null));
        assertEquals(Set.of("posix.h", "windows.h"), names(open));
    }

    @Test
    void includeCyclesEndAndMissingHeadersAreReportedNotFatal() throws IOException {
        write("a.h", "#include \"b.h\"\n#include \"gone.h\"\n");
        write("b.h", "#include \"a.h\"\n");
        Path unit = write("main.c", "#include \"a.h\"\n");
        ScanResult result = scanAgainstGcc(unit, List.of());
        assertEquals(Set.of("a.h", "b.h"), names(result));
        assertTrue(
                result.problems().stream().anyMatch(p -> p.message().contains("\"gone.h\"") && p.line() == 2),
                result.problems().toString());
    }

    @Test
    void computedIncludesResolveWhenTheMacroIsKnownAndAreReportedOtherwise() throws IOException {
        write("inc/conf.h", "");
        write("inc/sys.h", "");
        Path unit = write("main.c", """
                #define STR(x) #x
                #define XSTR(x) STR(x)
                #define NAME conf
                #define HEADER XSTR(NAME.h)
                #include HEADER
                #define ANGLED <sys.h>
                #include ANGLED
                #ifdef SOMETHING_UNDEFINED
                #include SOMETHING_UNDEFINED
                #endif
                #if __has_include_next(<x.h>) || __has_builtin(x)
                #include MAYBE
                #define MAYBE "nope.h"
                #endif
                """);
        ScanResult result = scanAgainstGcc(unit, List.of("inc"));
        assertEquals(Set.of("inc/conf.h", "inc/sys.h"), names(result));
        assertTrue(
                result.problems().stream()
                        .anyMatch(p -> p.line() == 12 && p.message().contains("MAYBE")),
                result.problems().toString());
    }

    @Test
    void quotedIncludesLookBesideTheIncluderFirstAndIncludeNextContinuesTheChain() throws IOException {
        write("first/wrap.h", "#include_next <wrap.h>\n#include \"sibling.h\"\n");
        write("first/sibling.h", "");
        write("second/wrap.h", "#include \"sibling.h\"\n");
        write("second/sibling.h", "");
        write("sibling.h", "");
        Path unit = write("src/main.c", "#include <wrap.h>\n");
        ScanResult result = scanAgainstGcc(unit, List.of("first", "second"));
        assertEquals(Set.of("first/wrap.h", "second/wrap.h", "first/sibling.h", "second/sibling.h"), names(result));
    }

    @Test
    void guardedHeadersIncludedTwiceAreReadOnceAndGuardsHideTheirBody() throws IOException {
        write("once.h", "#pragma once\n#include \"inner.h\"\n");
        write("inner.h", "#ifndef INNER\n#define INNER\n#else\n#include \"second-time.h\"\n#endif\n");
        write("second-time.h", "");
        Path unit = write("main.c", "#include \"inner.h\"\n#include \"once.h\"\n#include \"once.h\"\n");
        assertEquals(Set.of("once.h", "inner.h", "second-time.h"), names(scanAgainstGcc(unit, List.of())));
    }

    /**
     * A header replayed from an earlier unit must behave as if evaluated: here its outcome depends on a macro each
     * unit sets differently, on one it defines itself and a later header tests, and on a #pragma once header a
     * unit included before it. Each unit alone, with a fresh scanner, is the reference.
     */
    @Test
    void headersReplayedAcrossUnitsDependOnTheUnitsOwnMacros() throws IOException {
        write("once.h", "#pragma once\n#define ONCE 1\n");
        write(
                "common.h",
                "#include \"once.h\"\n#if MODE == 1\n#include \"one.h\"\n#define PICKED 1\n"
                        + "#elif MODE == 2\n#include \"two.h\"\n#endif\n#ifndef ONCE\n#include \"no-once.h\"\n#endif\n");
        write("after.h", "#ifdef PICKED\n#include \"picked.h\"\n#endif\n");
        for (String h : List.of("one.h", "two.h", "no-once.h", "picked.h")) {
            write(h, "");
        }
        List<Path> units = List.of(
                write("a.c", "#define MODE 1\n#include \"common.h\"\n#include \"after.h\"\n"),
                write("b.c", "#define MODE 2\n#include \"common.h\"\n#include \"after.h\"\n"),
                write("c.c", "#define MODE 1\n#include \"once.h\"\n#undef ONCE\n#include \"common.h\"\n"),
                write("d.c", "#define MODE 1\n#include \"common.h\"\n#include \"common.h\"\n#include \"after.h\"\n"),
                write("e.c", "#define MODE 2\n#include \"common.h\"\n#include \"after.h\"\n"));
        ScanOptions options = new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc");
        Map<Path, ScanResult> together = scanner.scanAll(units, options);
        Map<Path, ScanResult> again = scanner.scanAll(units.reversed(), options);
        for (Path unit : units) {
            ScanResult alone = new ScannerImpl(false).scan(unit, options);
            assertEquals(alone, together.get(unit), unit.toString());
            assertEquals(alone, again.get(unit), unit.toString());
            scanAgainstGcc(unit, List.of());
        }
        assertEquals(Set.of("common.h", "once.h", "two.h", "after.h"), names(together.get(units.get(1))));
        assertEquals(Set.of("common.h", "once.h", "one.h", "no-once.h"), names(together.get(units.get(2))));
    }

    /** A -include file is read before the unit, as gcc reads it: its macros steer the unit, its includes count. */
    @Test
    void forcedIncludesAreReadBeforeTheUnit() throws IOException {
        Path config = write("config/config.h", "#define USE_FAST 1\n#include \"always.h\"\n");
        write("config/always.h", "");
        write("fast.h", "");
        write("slow.h", "");
        Path unit = write("main.c", "#ifdef USE_FAST\n#include \"fast.h\"\n#else\n#include \"slow.h\"\n#endif\n");
        ScanOptions options = new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc", List.of(config));
        ScanResult result = scanner.scan(unit, options);
        assertEquals(Set.of("config/config.h", "config/always.h", "fast.h"), names(result));
        assertEquals(
                Set.copyOf(Gcc.userHeaders(unit, List.of("-include", config.toString()))),
                result.closureUnder(root.toRealPath()),
                "gcc -MM with the same -include");
        ScanResult missing = scanner.scan(
                unit,
                new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc", List.of(root.resolve("no.h"))));
        assertEquals(Set.of("slow.h"), names(missing));
        assertTrue(
                missing.problems().stream().anyMatch(p -> p.message().contains("-include " + root.resolve("no.h"))),
                missing.problems().toString());
    }

    /** An #import enters a header at most once, and what that header includes is followed as from any other. */
    @Test
    void importedHeadersAreEnteredOnceAndWhatTheyIncludeIsFollowed() throws IOException {
        write("imported.h", "#include \"nested.h\"\n#ifdef SEEN\n#include \"second-time.h\"\n#endif\n#define SEEN 1\n");
        write("nested.h", "");
        write("second-time.h", "");
        Path first = write("first.c", "#import \"imported.h\"\n#import \"imported.h\"\n");
        Path second = write("second.c", "#define SEEN 1\n#import \"imported.h\"\n");
        assertEquals(Set.of("imported.h", "nested.h"), names(scanAgainstGcc(first, List.of())));
        ScanOptions options = new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc");
        Map<Path, ScanResult> together = scanner.scanAll(List.of(first, second), options);
        assertEquals(Set.of("imported.h", "nested.h"), names(together.get(first)));
        assertEquals(Set.of("imported.h", "nested.h", "second-time.h"), names(together.get(second)));
    }

    @Test
    void oddFileNamesAreFound() throws IOException {
        write("my header (1).h", "");
        write("überschrift.h", "");
        write("dir with space/x-y+z.h", "");
        Path unit =
                write("odd name.c", "#include \"my header (1).h\"\n#include \"überschrift.h\"\n#include <x-y+z.h>\n");
        assertEquals(
                Set.of("my header (1).h", "überschrift.h", "dir with space/x-y+z.h"),
                names(scanAgainstGcc(unit, List.of("dir with space"))));
    }

    @Test
    void aRescanReadsOnlyChangedFilesAndSeesTheirNewIncludes() throws IOException {
        write("a.h", "");
        write("b.h", "");
        Path header = write("mid.h", "#include \"a.h\"\n");
        Path unit = write("main.c", "#include \"mid.h\"\n#include \"b.h\"\n");
        ScanOptions options = new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc");
        scanner.scan(unit, options);
        long reads = scanner.reads();
        scanner.scan(unit, options);
        assertEquals(reads, scanner.reads(), "nothing changed, nothing read");
        Files.writeString(header, "#include \"b.h\"\n");
        Files.setLastModifiedTime(header, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ScanResult again = scanner.scan(unit, options);
        assertEquals(reads + 1, scanner.reads());
        assertEquals(Set.of("mid.h", "b.h"), names(again));
    }

    @Test
    void commandLineDefinesAndUndefinesSteerConditions() throws IOException {
        write("fast.h", "");
        write("slow.h", "");
        write("debug.h", "");
        write("extra.h", "");
        Path unit = write("main.c", """
                #ifdef EXTRA
                #include "extra.h"
                #endif
                #if MODE == 2
                #include "fast.h"
                #else
                #include "slow.h"
                #endif
                #ifdef __OPTIMIZE__
                #else
                #include "debug.h"
                #endif
                """);
        ScanResult result = scanner.scan(
                unit,
                new ScanOptions(SearchPath.of(List.of()), Map.of("MODE", "2", "EXTRA", "1"), List.of("EXTRA"), "cc"));
        assertEquals(Set.of("fast.h", "debug.h"), names(result));
        Set<Path> gcc = Gcc.userHeaders(unit, List.of("-DMODE=2", "-DEXTRA", "-UEXTRA"));
        assertTrue(result.closure().containsAll(gcc), gcc + " vs " + result.closure());
    }
}
