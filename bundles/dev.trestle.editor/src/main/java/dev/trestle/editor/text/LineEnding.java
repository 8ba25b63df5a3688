package dev.trestle.editor.text;

/** The line terminators the editor keeps; a file's own is detected from its first line and used for new lines. */
public enum LineEnding {
    LF("\n"),
    CRLF("\r\n");

    private final String separator;

    LineEnding(String separator) {
        this.separator = separator;
    }

    public String separator() {
        return separator;
    }

    /** Rewrites every LF or CRLF in {@code text} (e.g. pasted text) to this ending. */
    public String normalize(String text) {
        return text.replace("\r\n", "\n").replace("\n", separator);
    }
}
