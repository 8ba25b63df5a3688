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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 asks that our index agree with Universal Ctags on definitions in a real project. Every definition ctags
 * reports of the compared kinds must be in our index at the same file and line, except the {@link #parenthesisedPrototype} ones; what
 * we find beyond ctags (code in the later branches of an {@code #if}, which ctags skips, for one) is counted and
 * printed, not failed.
 */
class CtagsComparisonTest {
    private static final Set<String> KINDS =
            Set.of("function", "macro", "struct", "union", "typedef", "enum", "enumerator", "variable");

    private static final Pattern FIELD =
            Pattern.compile("\"(name|path|line|kind|pattern)\": ?(\"((?:[^\"\\\\]|\\\\.)*)\"|\\d+)");

    /**
     * The one known difference: ctags takes a prototype whose name is parenthesised to keep macros from expanding it,
     * {@code LUA_API int (lua_gettop) (lua_State *L);}, for a variable; it declares a function and defines nothing. (The pattern is one line, and the
     * parameters may run on to the next, so it is matched up to the opening parenthesis.)
     */
    private static boolean parenthesisedPrototype(String name, String pattern) {
        return Pattern.compile("\\(\\s*" + Pattern.quote(name) + "\\s*\\)\\s*\\(")
                .matcher(pattern)
                .find();
    }

    @Test
    void lua54DefinitionsMatchCtags() throws Exception {
        Path sources = IndexedDefinitions.lua54();
        assumeTrue(
                sources != null,
                "no unpacked lua5.4 sources in ~/.cache/trestle-test/lua5.4 (apt-get source lua5.4 there)");
        compare(sources, 2500);
    }

    @Test
    void demoProjectDefinitionsMatchCtags() throws Exception {
        Path demo = Path.of("../../product/demo-project").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(demo), "no demo project at " + demo);
        compare(demo, 10);
    }

    private static void compare(Path root, int atLeast) throws Exception {
        assumeTrue(ctagsAvailable(), "Universal Ctags is not installed (apt-get install universal-ctags)");
        IndexedDefinitions indexed = IndexedDefinitions.of(root);
        List<String> files = indexed.files();
        Set<String> skipped = new TreeSet<>();
        Set<String> expected = ctags(root, files, skipped);
        Set<String> ours = indexed.definitions();
        Set<String> misses = new TreeSet<>(expected);
        misses.removeAll(ours);
        Set<String> extras = new TreeSet<>(ours);
        extras.removeAll(expected);
        System.err.printf(
                "ctags comparison on %s (%d files): %d ctags definitions compared, %d matched, %d misses, %d extras"
                        + " (ours %d); %d ctags 'variables' that are parenthesised prototypes not compared%n",
                root,
                files.size(),
                expected.size(),
                expected.size() - misses.size(),
                misses.size(),
                extras.size(),
                ours.size(),
                skipped.size());
        extras.stream().limit(40).forEach(extra -> System.err.println("  extra " + extra));
        assertTrue(expected.size() >= atLeast, "ctags found only " + expected.size() + " definitions in " + root);
        assertTrue(
                misses.isEmpty(),
                misses.size() + " ctags definitions missing from our index in " + root + ", e.g. "
                        + misses.stream().limit(20).toList());
    }

    private static boolean ctagsAvailable() {
        try {
            Process process = new ProcessBuilder("ctags", "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 && version.contains("Universal Ctags");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** ctags definitions of the compared kinds as "file:line name"; anonymous types have no name to compare. */
    private static Set<String> ctags(Path root, List<String> files, Set<String> skipped)
            throws IOException, InterruptedException {
        // the same files as our index: on its own ctags also descends the hidden .pc/ of a Debian source tree
        Process process = new ProcessBuilder(
                        "ctags",
                        "--output-format=json",
                        "--fields=+nK",
                        "--languages=C,C++",
                        "--kinds-C=fdegstuv",
                        "--kinds-C++=fdegstuv",
                        "-L",
                        "-",
                        "-f",
                        "-")
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var list = process.outputWriter(StandardCharsets.UTF_8)) {
            list.write(String.join("\n", files) + "\n");
        }
        List<String> lines = new ArrayList<>();
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            reader.lines().forEach(lines::add);
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "ctags did not finish");
        assertEquals(0, process.exitValue(), "ctags failed on " + root);
        Set<String> definitions = new HashSet<>();
        for (String line : lines) {
            String name = null;
            String path = null;
            String number = null;
            String kind = null;
            String pattern = "";
            Matcher field = FIELD.matcher(line);
            while (field.find()) {
                String value = field.group(3) != null ? field.group(3) : field.group(2);
                switch (field.group(1)) {
                    case "name" -> name = value;
                    case "path" -> path = value;
                    case "line" -> number = value;
                    case "pattern" -> pattern = value;
                    default -> kind = value;
                }
            }
            if (name == null || path == null || number == null || !KINDS.contains(kind) || name.startsWith("__anon")) {
                continue;
            }
            String definition = Path.of(path).normalize() + ":" + number + " " + name;
            if (kind.equals("variable") && parenthesisedPrototype(name, pattern)) {
                skipped.add(definition);
            } else {
                definitions.add(definition);
            }
        }
        return definitions;
    }
}
