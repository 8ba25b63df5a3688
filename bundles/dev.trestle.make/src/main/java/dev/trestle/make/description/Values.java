package dev.trestle.make.description;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The value lists of the description: blank-separated words, double quotes around a word with blanks or quotes. */
final class Values {
    private Values() {}

    static List<String> split(String text, Path file, int line) throws DescriptionException {
        List<String> values = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                if (word != null) {
                    values.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '"') {
                    quoted = true;
                } else {
                    word.append(c);
                }
            }
        }
        if (quoted) {
            throw new DescriptionException(file, line, "expected a closing '\"' before the end of the line");
        }
        if (word != null) {
            values.add(word.toString());
        }
        return values;
    }

    static String join(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean plain = !value.isEmpty()
                    && value.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\\' || c == '\r');
            if (plain && !value.startsWith("#")) {
                out.append(value);
            } else {
                out.append('"')
                        .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
        return out.toString();
    }
}
