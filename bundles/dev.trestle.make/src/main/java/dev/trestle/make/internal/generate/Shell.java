package dev.trestle.make.internal.generate;

/** Quoting of flags for a recipe line: make passes the line to {@code /bin/sh}, after expanding {@code $}. */
final class Shell {
    private Shell() {}

    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./=+,:@%^-]+")) {
            return word;
        }
        // '#' would start a make comment even inside the shell's quotes
        return "'" + word.replace("$", "$$").replace("'", "'\\''").replace("#", "\\#") + "'";
    }
}
