package dev.trestle.editor.internal.command;

import dev.trestle.editor.xref.Occurrence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats occurrences as {@code file:line:column  kind  text-of-line}, the form compilers use, so that terminals and
 * editors turn them into links. Each file is read once, however many occurrences it holds.
 */
final class OccurrenceLines {
    private OccurrenceLines() {}

    static String format(Path root, List<Occurrence> occurrences) throws IOException {
        Map<Path, List<String>> lines = new HashMap<>();
        try {
            return occurrences.stream()
                    .map(occurrence -> {
                        List<String> text = lines.computeIfAbsent(occurrence.file(), OccurrenceLines::read);
                        String line = occurrence.line() <= text.size()
                                ? text.get(occurrence.line() - 1).strip()
                                : "";
                        return relative(root, occurrence.file()) + ":" + occurrence.line() + ":" + occurrence.column()
                                + "  " + occurrence.kind().label() + "  " + line;
                    })
                    .collect(Collectors.joining("\n"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> read(Path file) {
        try {
            // the lexer splits at \n as well; a file changed since the refresh shows its new text at the old line
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }
}
