package dev.trestle.backup.internal.io;

import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Copies a file to a destination so that, when it returns, the device has confirmed the data: written under a
 * temporary name, forced, renamed, and the directory forced. An error from any of these (a full disk, a device that
 * went away, a failed fsync) is thrown, naming the file, and no file of the final name is left behind.
 */
public final class DurableCopy {
    private static final String PARTIAL = ".partial";

    private DurableCopy() {}

    /** Removes the temporary files of copies that never finished, left by a process that was killed. */
    public static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PARTIAL)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    public static void copy(Path from, Path to) throws IOException {
        Path temp = to.resolveSibling("." + to.getFileName() + PARTIAL);
        try {
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(
                            temp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    long n = in.transferTo(done, size - done, out);
                    if (n <= 0) {
                        throw new IOException("copying " + from + " to " + temp + " stalled at byte " + done);
                    }
                    done += n;
                }
                out.force(true);
            }
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(to.toAbsolutePath().getParent());
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temp + " to " + to + " atomically", e);
        } catch (IOException e) {
            throw new IOException("writing " + to + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
