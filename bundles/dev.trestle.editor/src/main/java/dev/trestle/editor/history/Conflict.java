package dev.trestle.editor.history;

import java.nio.file.Path;

/**
 * A save refused because {@code file} changed on disk since the editor loaded it. The texts are there for the UI to
 * compare or merge; each is null when larger than {@link #TEXT_LIMIT} bytes.
 */
public record Conflict(Path file, FileStamp loaded, FileStamp onDisk, String diskText, String editorText) {
    public static final int TEXT_LIMIT = 16 << 20;
}
