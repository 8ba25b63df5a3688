package dev.trestle.make.ui.internal;

import dev.trestle.model.Severity;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiler message of the form {@code file:line:col: error|warning: message} (gcc and clang), or {@code
 * file:line: error: message} without a column.
 *
 * @param path project-relative, with forward slashes
 */
record Diagnostic(String path, int line, Severity severity, String message) {
    private static final Pattern LINE = Pattern.compile(
            "^(?<file>[^:\\s][^:]*):(?<line>\\d+):(?:(?<col>\\d+):)? (?<kind>fatal error|error|warning): (?<message>.*)$");

    /**
     * Parses one line of compiler output.
     *
     * @param directory where the compiler ran, against which a relative file name is resolved
     * @param root the project: files outside it are not reported
     */
    static Optional<Diagnostic> parse(String text, Path directory, Path root) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(m.group("file")).normalize();
        Path normalRoot = root.normalize();
        if (!file.startsWith(normalRoot)) {
            return Optional.empty();
        }
        String relative = normalRoot.relativize(file).toString().replace('\\', '/');
        int line;
        try {
            line = Integer.parseInt(m.group("line"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Severity severity = m.group("kind").equals("warning") ? Severity.WARNING : Severity.ERROR;
        return Optional.of(new Diagnostic(relative, line, severity, m.group("message")));
    }
}
