package dev.trestle.editor.internal.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 asks for a comparison with GNU Global as well as Universal Ctags. Global's definitions ({@code gtags} over
 * the same files, its tag files kept out of the source tree) must be in our index at the same file and line, except
 * the {@code #undef} lines Global counts as macro definitions (an {@code #undef} defines nothing); what we find
 * beyond Global is counted and printed.
 */
class GlobalComparisonTest {
    @TempDir
    Path database;

    @Test
    void lua54DefinitionsMatchGnuGlobal() throws Exception {
        Path sources = IndexedDefinitions.lua54();
        assumeTrue(
                sources != null,
                "no unpacked lua5.4 sources in ~/.cache/trestle-test/lua5.4 (apt-get source lua5.4 there)");
        assumeTrue(installed("gtags"), "GNU Global is not installed (apt-get install global)");

        IndexedDefinitions indexed = IndexedDefinitions.of(sources);
        Path root = indexed.root();
        List<String> files = indexed.files();
        Set<String> undefs = new TreeSet<>();
        Set<String> theirs = global(root, files, undefs);
        Set<String> ours = indexed.definitions();
        Set<String> misses = new TreeSet<>(theirs);
        misses.removeAll(ours);
        Set<String> extras = new TreeSet<>(ours);
        extras.removeAll(theirs);
        System.err.printf(
                "GNU Global comparison on %s (%d files): %d Global definitions, %d matched, %d misses, %d extras"
                        + " (ours %d); %d #undef lines Global counts as definitions not compared%n",
                root,
                files.size(),
                theirs.size(),
                theirs.size() - misses.size(),
                misses.size(),
                extras.size(),
                ours.size(),
                undefs.size());
        misses.stream().limit(40).forEach(miss -> System.err.println("  miss " + miss));
        assertTrue(theirs.size() >= 1500, "Global found only " + theirs.size() + " definitions");
        assertTrue(misses.isEmpty(), misses.size() + " of Global's definitions are not ours, e.g. " + misses);
    }

    /** Global's definitions as "file:line name", from tag files written to {@link #database}, not the sources. */
    private Set<String> global(Path root, List<String> files, Set<String> undefs)
            throws IOException, InterruptedException {
        Path list = database.resolve("files");
        Files.write(list, files, StandardCharsets.UTF_8);
        run(root, List.of("gtags", "-f", list.toString(), database.toString()));
        List<String> lines = run(root, List.of("global", "-x", ".*"));
        Set<String> definitions = new HashSet<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+", 4);
            if (fields.length < 3) {
                continue;
            }
            String definition = fields[2] + ":" + fields[1] + " " + fields[0];
            if (fields.length == 4 && fields[3].matches("#\\s*undef\\b.*")) {
                undefs.add(definition);
            } else {
                definitions.add(definition);
            }
        }
        return definitions;
    }

    private List<String> run(Path root, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("GTAGSROOT", root.toString());
        builder.environment().put("GTAGSDBPATH", database.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
        assertEquals(0, process.exitValue(), command + " failed");
        return lines;
    }

    private static boolean installed(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
