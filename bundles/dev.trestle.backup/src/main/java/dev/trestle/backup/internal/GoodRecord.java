package dev.trestle.backup.internal;

import dev.trestle.backup.Selection;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code NAME.good}: written atomically, and only after the archive was read back from its destination and
 * verified. Its absence means the archive was never proven; its size and index digest catch an archive or index
 * swapped or cut since.
 */
final class GoodRecord {
    static final String SIZE = "archive.size";
    static final String INDEX_SHA256 = "index.sha256";
    /** The directory archived, absolute; records written before it was recorded lack it. */
    static final String SOURCE = "source";

    /** The selection's roots and exclude patterns, one per line; absent when the whole source was taken. */
    static final String ROOTS = "selection.roots";

    static final String EXCLUDES = "selection.excludes";

    private GoodRecord() {}

    static void write(Path archive, Path source, Selection selection, int files, long bytes, boolean bypassedCache)
            throws IOException {
        Properties record = new Properties();
        record.setProperty("archive", archive.getFileName().toString());
        record.setProperty(SOURCE, source.toAbsolutePath().normalize().toString());
        if (!selection.roots().isEmpty()) {
            record.setProperty(ROOTS, String.join("\n", selection.roots()));
        }
        if (!selection.excludes().isEmpty()) {
            record.setProperty(EXCLUDES, String.join("\n", selection.excludes()));
        }
        record.setProperty(SIZE, Long.toString(Files.size(archive)));
        record.setProperty(INDEX_SHA256, sha256(Sidecars.index(archive)));
        record.setProperty("files", Integer.toString(files));
        record.setProperty("bytes", Long.toString(bytes));
        record.setProperty("verified", Instant.now().toString());
        record.setProperty("readBack", bypassedCache ? "direct" : "cached");
        AtomicFiles.write(Sidecars.good(archive), out -> record.store(out, "Trestle backup verified at destination"));
    }

    static Optional<Properties> read(Path archive) throws IOException {
        Path file = Sidecars.good(archive);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            record.load(in);
        }
        return Optional.of(record);
    }

    /** What the archive took of its source, as the record says; the whole source for records without one. */
    static Selection selection(Properties record) {
        return new Selection(lines(record.getProperty(ROOTS)), lines(record.getProperty(EXCLUDES)));
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n", -1));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
