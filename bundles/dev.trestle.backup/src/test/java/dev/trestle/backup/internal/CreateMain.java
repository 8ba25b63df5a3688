package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import java.nio.file.Path;

/** {@code create} in a JVM of its own, for {@link KilledMidWriteTest} to kill: SOURCE DEST STAGING STATE. */
public final class CreateMain {
    private CreateMain() {}

    public static void main(String[] args) throws Exception {
        new BackupServiceImpl(Path.of(args[2]), Path.of(args[3]), BackupServiceImpl.FRAME_BYTES)
                .create(Path.of(args[0]), Path.of(args[1]), ArchiveFormat.TAR_ZST);
    }
}
