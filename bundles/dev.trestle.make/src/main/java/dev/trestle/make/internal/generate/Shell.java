package dev.trestle.make.internal.generate;

/** Quoting of words for {@code /bin/sh}, alone or inside a makefile recipe. */
final class Shell {
    private Shell() {}

    private static boolean plain(String word) {
        return word.matches("[A-Za-z0-9_./=+,:@%^-]+");
    }

    /** For a recipe line: make passes the line to {@code /bin/sh}, after expanding {@code $}. */
    static String quote(String word) {
        if (plain(word)) {
            return word;
        }
        // '#' would start a make comment even inside the shell's quotes
        return "'" + word.replace("$", "$$").replace("'", "'\\''").replace("#", "\\#") + "'";
    }

    /** For the shell alone. */
    static String sh(String word) {
        return plain(word) ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
