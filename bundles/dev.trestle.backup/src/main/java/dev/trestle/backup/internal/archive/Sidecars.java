package dev.trestle.backup.internal.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The files that lie beside an archive {@code NAME}: {@code NAME.index}, {@code .sha256}, {@code .md5}, {@code .good}. */
public final class Sidecars {
    private Sidecars() {}

    public static Path index(Path archive) {
        return beside(archive, ".index");
    }

    public static Path sha256(Path archive) {
        return beside(archive, ".sha256");
    }

    public static Path md5(Path archive) {
        return beside(archive, ".md5");
    }

    /** Reed–Solomon repair data for the archive, where it was asked for. */
    public static Path repair(Path archive) {
        return beside(archive, ".repair");
    }

    /** Written last, once the archive was read back from its destination and verified. */
    public static Path good(Path archive) {
        return beside(archive, ".good");
    }

    /**
     * What a backup consists of, in the order it is copied: the archive itself first, records after, and the repair
     * data where there is some.
     */
    public static List<Path> copied(Path archive) {
        return Files.exists(repair(archive))
                ? List.of(archive, index(archive), sha256(archive), md5(archive), repair(archive))
                : List.of(archive, index(archive), sha256(archive), md5(archive));
    }

    private static Path beside(Path archive, String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
    }
}
