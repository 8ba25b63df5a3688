package dev.trestle.trace.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the example kernel reports in the kernel's {@code Documentation/}: rst literal blocks (the indented text after a
 * line ending in {@code ::} or a {@code .. code-block::} directive) that carry a {@code Call Trace:} or a
 * {@code BUG:}/{@code Oops:}/{@code WARNING:} header, with their common indentation stripped.
 */
final class DocumentationExamples {
    private static final Pattern PREFIX = Pattern.compile("^(?:\\[\\s*\\d+\\.\\d+\\]\\s*)?");
    private static final Pattern HEADER = Pattern.compile(
            "^(?:\\[\\s*\\d+\\.\\d+\\]\\s*)?(?:BUG: |WARNING: |Oops: |kernel BUG at |general protection fault)");
    /** A frame as the kernel prints it, old ({@code [<addr>] ? sym+0x1/0x2 [mod]}) or new; independent of the parser. */
    private static final Pattern FRAME = Pattern.compile("^(?:\\[\\s*\\d+\\.\\d+\\]\\s*)?(?:\\[<[0-9a-f]+>\\]\\s*)?"
            + "(?:\\?\\s+)?[\\w.$:]+\\+0x[0-9a-f]+/0x[0-9a-f]+(?:\\s+\\[\\w+\\])?$");

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*\\.\\. (?:code-block|code|literal)::.*$");

    /**
     * One literal block.
     *
     * @param file relative to {@code Documentation/}
     * @param firstLine 1-based line of the block's first line in the file
     * @param text the block, common indentation stripped
     */
    record Block(String file, int firstLine, String text) {
        boolean headed() {
            return text.lines().anyMatch(l -> HEADER.matcher(l.strip()).find());
        }

        boolean hasCallTrace() {
            return text.lines()
                    .anyMatch(l -> PREFIX.matcher(l.strip()).replaceFirst("").startsWith("Call Trace:"));
        }

        long frameLines() {
            return text.lines().filter(l -> FRAME.matcher(l.strip()).matches()).count();
        }

        /** A report the parser must turn into an incident with frames: a header and at least one frame. */
        boolean oops() {
            return headed() && frameLines() > 0;
        }

        @Override
        public String toString() {
            return file + ":" + firstLine;
        }
    }

    private DocumentationExamples() {}

    /** The rst/txt files under {@code root}, translations left out (they repeat the English examples). */
    static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".rst") || p.toString().endsWith(".txt"))
                    .filter(p -> !root.relativize(p).startsWith("translations"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks of every file that show a kernel report ({@link Block#headed()} or {@link Block#hasCallTrace()}). */
    static List<Block> reports(Path root) {
        List<Block> found = new ArrayList<>();
        for (Path file : files(root)) {
            for (Block block : blocks(root.relativize(file).toString(), read(file))) {
                if (block.headed() || block.hasCallTrace()) {
                    found.add(block);
                }
            }
        }
        return found;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The literal blocks of one rst file. */
    static List<Block> blocks(String name, List<String> raw) {
        List<String> lines = raw.stream().map(DocumentationExamples::expandTabs).toList();
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean opens = line.stripTrailing().endsWith("::")
                    || DIRECTIVE.matcher(line).matches();
            i++;
            if (!opens) {
                continue;
            }
            int indent = indent(line);
            while (i < lines.size()
                    && (lines.get(i).isBlank() || lines.get(i).strip().matches("^:[\\w-]+:.*$"))) {
                i++;
            }
            int start = i;
            while (i < lines.size() && (lines.get(i).isBlank() || indent(lines.get(i)) > indent)) {
                i++;
            }
            int end = i;
            while (end > start && lines.get(end - 1).isBlank()) {
                end--;
            }
            if (end > start) {
                blocks.add(new Block(name, start + 1, dedent(lines.subList(start, end))));
            }
        }
        return blocks;
    }

    private static String dedent(List<String> lines) {
        int common = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(DocumentationExamples::indent)
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(common)).append('\n');
        }
        return text.toString();
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % 8 != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
