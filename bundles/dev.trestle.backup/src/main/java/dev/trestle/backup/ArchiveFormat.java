package dev.trestle.backup;

import java.util.Arrays;
import java.util.Optional;

/** The compressed tar formats a backup is written in; both are read by {@code tar} with {@code zstd}/{@code bzip2}. */
public enum ArchiveFormat {
    /** The default: fast, and every frame carries a checksum of its content. */
    TAR_ZST("tar.zst"),
    /** For people whose older backups and scripts are {@code .tar.bz2}. */
    TAR_BZ2("tar.bz2");

    private final String suffix;

    ArchiveFormat(String suffix) {
        this.suffix = suffix;
    }

    /** The file name suffix without the leading dot, also the name used on the command line. */
    public String suffix() {
        return suffix;
    }

    /** The format named on a command line ({@code tar.zst}), if any. */
    public static Optional<ArchiveFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.suffix.equals(name)).findFirst();
    }

    /** The format of an archive file, judged by its name. */
    public static Optional<ArchiveFormat> ofFile(String fileName) {
        return Arrays.stream(values())
                .filter(f -> fileName.endsWith("." + f.suffix))
                .findFirst();
    }
}
