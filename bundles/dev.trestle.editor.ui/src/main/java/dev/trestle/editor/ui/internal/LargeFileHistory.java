package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.EditHistory;
import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.HistoryService;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.SaveConflictException;
import dev.trestle.editor.text.TextDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * A large file's persistent undo and saved versions, as the source editor has them: the undo journal is the one every
 * editor of the file shares (found by the file's SHA-256, so it survives restarts and outside changes), and every save
 * goes through the local history, which keeps the previous content. The digest of a gigabyte takes a second or two,
 * so it is read off the display thread while the file is already shown ({@link #prepare}); until then the view
 * refuses edits.
 */
final class LargeFileHistory {
    /** Room kept free beyond what a save needs, so that saving never fills a disk to its last block. */
    static final long SPARE_BYTES = 64L << 20;

    /** What {@link #prepare} reads off the display thread. */
    record Prepared(FileStamp stamp, EditHistory history) {}

    private final Path file;
    private final Path stateDirectory;
    private final LocalHistory versions;
    private final PersistentUndo undo;
    private FileStamp loaded;
    private long savedState;

    LargeFileHistory(Path file, Path stateDirectory, LocalHistory versions, LargeDocument document, Prepared prepared) {
        this.file = file;
        this.stateDirectory = stateDirectory;
        this.versions = versions;
        this.loaded = prepared.stamp();
        this.undo = new PersistentUndo(document, prepared.history(), CharByteOffsets.ONE_CHAR_PER_BYTE);
        this.savedState = undo.state();
    }

    /**
     * Digests the file and opens its undo journal, on a thread of its own; {@code digested} hears how many bytes
     * were read so far, for the banner to show progress.
     */
    static CompletableFuture<Prepared> prepare(
            HistoryService histories, Path stateDirectory, Path file, LongConsumer digested) {
        CompletableFuture<Prepared> prepared = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("digest of " + file.getFileName()).start(() -> {
            try {
                FileStamp stamp = stampOf(file, digested);
                prepared.complete(new Prepared(stamp, histories.openEditHistory(stateDirectory, file, stamp.sha256())));
            } catch (IOException | RuntimeException e) {
                prepared.completeExceptionally(e);
            }
        });
        return prepared;
    }

    /** As {@link FileStamp#of}, reporting progress: size and time are read first, so a change while reading shows. */
    private static FileStamp stampOf(Path file, LongConsumer digested) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        long size = Files.size(file);
        MessageDigest digest = FileStamp.newSha256();
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
                total += read;
                digested.accept(total);
            }
        }
        return new FileStamp(size, modified, HexFormat.of().formatHex(digest.digest()));
    }

    PersistentUndo undo() {
        return undo;
    }

    boolean dirty() {
        return undo.hasPending() || undo.state() != savedState;
    }

    /**
     * Keeps the file's previous content in the local history, then writes {@code text} over it atomically. Refuses,
     * before writing anything, when either disk lacks the room, and when another program changed the file.
     */
    void save(TextDocument text) throws IOException {
        undo.commit();
        long previous = Files.size(file);
        requireRoom(stateDirectory, previous, "keep the previous version of " + file + " in the local history");
        requireRoom(file.toAbsolutePath().getParent(), text.length(), "write the new " + file.getFileName());
        try {
            loaded = versions.save(file, loaded, text::writeTo);
        } catch (SaveConflictException e) {
            throw new IOException(
                    file + " was changed by another program since it was opened; it was not overwritten."
                            + " Your edits stay in the editor and in the file's undo history.",
                    e);
        }
        undo.markSaved(loaded.sha256());
        savedState = undo.state();
    }

    private static void requireRoom(Path directory, long bytes, String purpose) throws IOException {
        Files.createDirectories(directory);
        long usable = Files.getFileStore(directory).getUsableSpace();
        if (usable < bytes + SPARE_BYTES) {
            throw new IOException("Not saved: to " + purpose + ", " + directory + " needs "
                    + megabytes(bytes + SPARE_BYTES) + " free but has " + megabytes(usable)
                    + ". Nothing was written; free some space and save again.");
        }
    }

    private static String megabytes(long bytes) {
        return ((bytes + (1 << 20) - 1) >> 20) + " MB";
    }

    /** Forces recorded edits to the journal: after a short idle, so that a crash loses at most seconds of work. */
    void flush() throws IOException {
        undo.flush();
    }

    void close() {
        try {
            undo.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the undo history of " + file, e);
        }
    }
}
