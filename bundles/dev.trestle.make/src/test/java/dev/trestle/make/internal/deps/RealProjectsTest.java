package dev.trestle.make.internal.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.ScanResult;
import dev.trestle.make.deps.SearchPath;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Projects.Tree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On every translation unit of real projects: the scanner's project headers are a superset of gcc -MM's. */
class RealProjectsTest {
    @BeforeAll
    static void needsGcc() {
        Gcc.assumeAvailable();
    }

    @Test
    void demoProjectDependenciesCoverGcc() throws IOException {
        assertCoversGcc(Projects.demo());
    }

    @Test
    void luaDependenciesCoverGcc() throws IOException {
        assertCoversGcc(Projects.lua());
    }

    @Test
    void zlibDependenciesCoverGcc() throws IOException {
        assertCoversGcc(Projects.zlib());
    }

    @Test
    void gitDependenciesCoverGcc() throws IOException {
        assertCoversGcc(Projects.git());
    }

    /**
     * Replaying headers from what they did in earlier units must change nothing: every unit's inclusions and
     * problems, in order, are those of evaluating every header afresh. Scanned twice with the memo, so the second
     * scan replays against records made in another order by the parallel first one.
     */
    @Test
    void luaReplayedHeadersGiveTheSameResultsAsEvaluatedOnes() throws IOException {
        assertReplayChangesNothing(Projects.lua());
    }

    /** git's units share hundreds of system headers, OpenSSL's with #pragma once, entered in many orders. */
    @Test
    void gitReplayedHeadersGiveTheSameResultsAsEvaluatedOnes() throws IOException {
        assertReplayChangesNothing(Projects.git());
    }

    private static void assertReplayChangesNothing(Tree tree) throws IOException {
        ScanOptions options = options(tree);
        Map<Path, ScanResult> evaluated = new ScannerImpl(false).scanAll(tree.units(), options);
        ScannerImpl memoised = new ScannerImpl(true);
        memoised.scanAll(tree.units(), options);
        java.util.List<Path> reversed = new java.util.ArrayList<>(tree.units());
        java.util.Collections.reverse(reversed);
        Map<Path, ScanResult> replayed = memoised.scanAll(reversed, options);
        for (Path unit : tree.units()) {
            assertEquals(evaluated.get(unit), replayed.get(unit), "the scan of " + unit);
        }
    }

    private static ScanOptions options(Tree tree) {
        Map<String, String> defines = new LinkedHashMap<>();
        tree.defines()
                .forEach(d -> defines.put(
                        ScanOptions.define(d).getKey(), ScanOptions.define(d).getValue()));
        return new ScanOptions(
                SearchPath.of(
                        tree.includeDirs().stream().map(tree.root()::resolve).toList()),
                defines,
                java.util.List.of(),
                "cc");
    }

    private static void assertCoversGcc(Tree tree) throws IOException {
        assertFalse(tree.units().isEmpty(), "no translation units in " + tree.root());
        Map<String, String> defines = new LinkedHashMap<>();
        tree.defines()
                .forEach(d -> defines.put(
                        ScanOptions.define(d).getKey(), ScanOptions.define(d).getValue()));
        ScanOptions options = new ScanOptions(
                SearchPath.of(
                        tree.includeDirs().stream().map(tree.root()::resolve).toList()),
                defines,
                java.util.List.of(),
                "cc");
        Map<Path, ScanResult> results = new ScannerImpl().scanAll(tree.units(), options);
        Map<Path, Set<Path>> byGcc = new java.util.concurrent.ConcurrentHashMap<>();
        tree.units().parallelStream()
                .forEach(
                        unit -> { // one gcc per core: git has hundreds of units
                            try {
                                byGcc.put(
                                        unit,
                                        Gcc.userHeaders(unit, tree.gccFlags()).stream()
                                                .filter(p -> p.startsWith(tree.root()))
                                                // -MG lists generated headers; the scanner reports them
                                                .filter(java.nio.file.Files::exists)
                                                .collect(Collectors.toSet()));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        Map<String, Set<String>> missed = new LinkedHashMap<>();
        int extras = 0;
        int edges = 0;
        for (Path unit : tree.units()) {
            Set<Path> gcc = byGcc.get(unit);
            Set<Path> ours = results.get(unit).closureUnder(tree.root());
            Set<String> notFound = gcc.stream()
                    .filter(p -> !ours.contains(p))
                    .map(Path::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!notFound.isEmpty()) {
                missed.put(tree.root().relativize(unit).toString(), notFound);
            }
            extras += (int) ours.stream().filter(p -> !gcc.contains(p)).count();
            edges += gcc.size();
        }
        long problems =
                results.values().stream().mapToLong(r -> r.problems().size()).sum();
        System.out.printf(
                "[deps] %s: %d translation units, %d gcc -MM edges, %d missed, %d extra, %d problems reported%n",
                tree.name(), tree.units().size(), edges, missed.size(), extras, problems);
        assertEquals(Map.of(), missed, "headers gcc -MM lists that the scanner missed, by unit");
    }
}
