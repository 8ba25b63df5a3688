package dev.trestle.backup.internal.archive;

/**
 * Escapes for file names in line-based files. A Linux file name may hold any byte but {@code /} and NUL, tabs and
 * newlines included, and must still come back exactly.
 */
public final class Escaping {
    private Escaping() {}

    /** For the tab-separated index and manifest: backslash, tab, newline and carriage return. */
    public static String field(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String unfield(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("dangling backslash in " + text);
            }
            out.append(
                    switch (text.charAt(i)) {
                        case '\\' -> '\\';
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default ->
                            throw new IllegalArgumentException("unknown escape \\" + text.charAt(i) + " in " + text);
                    });
        }
        return out.toString();
    }

    /**
     * One line of {@code sha256sum}/{@code md5sum} output. GNU coreutils marks a line whose name holds a backslash or
     * newline with a leading backslash and escapes those two in the name; {@code -c} undoes it.
     */
    public static String sumLine(String hex, String path) {
        boolean escape = path.indexOf('\\') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0;
        if (!escape) {
            return hex + "  " + path + "\n";
        }
        String name = path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return "\\" + hex + "  " + name + "\n";
    }
}
