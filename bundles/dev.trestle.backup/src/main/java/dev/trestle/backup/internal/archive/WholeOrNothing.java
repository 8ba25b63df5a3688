package dev.trestle.backup.internal.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file being written out of an archive that removes itself if a write or the close fails (a full disk): a part of
 * it never passes for the whole, nor is left behind under a temporary name; and the failure is a {@link
 * SinkException}, which stops the read rather than pass for damage in the archive.
 */
public final class WholeOrNothing extends FilterOutputStream {
    private final Path path;
    private final Path shown;

    /** @param shown the name the file takes, for the message: {@code path} may be a temporary one */
    public WholeOrNothing(OutputStream out, Path path, Path shown) {
        super(out);
        this.path = path;
        this.shown = shown;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw removed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw removed(e);
        }
    }

    private IOException removed(IOException cause) {
        IOException failure = new SinkException("writing " + shown + ": " + cause.getMessage(), cause);
        try {
            out.close();
        } catch (IOException again) {
            failure.addSuppressed(again);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException again) {
            failure.addSuppressed(again);
        }
        return failure;
    }
}
