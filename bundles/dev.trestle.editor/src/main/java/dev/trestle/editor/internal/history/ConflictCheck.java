package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.SaveConflictException;
import dev.trestle.model.store.AtomicFiles.ContentWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file still has the content the editor loaded. Size and time decide when both are unchanged (as in most
 * editors); otherwise the digest does, so a file merely touched, or rewritten with the same bytes, is no conflict.
 */
final class ConflictCheck {
    private final Path file;
    private final FileStamp loaded;

    ConflictCheck(Path file, FileStamp loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    void throwIfChanged(ContentWriter editorContent) throws IOException {
        if (loaded.sameSizeAndTime(file)) {
            return;
        }
        FileStamp onDisk = FileStamp.of(file);
        if (onDisk.sha256().equals(loaded.sha256())) {
            return;
        }
        String diskText = onDisk.size() <= Conflict.TEXT_LIMIT
                ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                : null;
        throw new SaveConflictException(new Conflict(file, loaded, onDisk, diskText, capture(editorContent)));
    }

    private static String capture(ContentWriter content) throws IOException {
        LimitedBuffer buffer = new LimitedBuffer();
        content.writeTo(buffer);
        return buffer.overflowed ? null : buffer.bytes.toString(StandardCharsets.UTF_8);
    }

    /** Keeps up to the limit and then only notes that there was more, so a huge document cannot fill the heap. */
    private static final class LimitedBuffer extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean overflowed;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            if (overflowed || bytes.size() + length > Conflict.TEXT_LIMIT) {
                overflowed = true;
                return;
            }
            bytes.write(data, offset, length);
        }
    }
}
