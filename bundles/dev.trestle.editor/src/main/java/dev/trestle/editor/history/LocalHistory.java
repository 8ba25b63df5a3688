package dev.trestle.editor.history;

import dev.trestle.model.store.AtomicFiles.ContentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Earlier contents of files, kept outside the source tree: every save and restore first keeps what the file held.
 * Contents are stored once per SHA-256, however many files or versions share them.
 */
@ProviderType
public interface LocalHistory {
    /** Keeps the file's current content; empty if the file does not exist. */
    Optional<Version> keep(Path file) throws IOException;

    /** The kept versions of {@code file}, newest first; also for a file that no longer exists. */
    List<Version> versions(Path file) throws IOException;

    /** Every file with kept versions, deleted ones included. */
    List<Path> files() throws IOException;

    InputStream open(Version version) throws IOException;

    /** Writes {@code version} back to {@code target} atomically, keeping the content it replaces. */
    FileStamp restore(Version version, Path target) throws IOException;

    /**
     * Saves atomically: checks that the file is still what was {@code loaded} (null to overwrite regardless), keeps its
     * content, replaces it, and discards the recovery file.
     *
     * @throws SaveConflictException if the file changed on disk; it is left as it is
     */
    FileStamp save(Path file, FileStamp loaded, ContentWriter content) throws IOException;

    /** Writes unsaved content aside, for {@link #recover} after a crash; the UI calls it after a short idle. */
    void writeRecovery(Path file, String baseSha256, ContentWriter content) throws IOException;

    Optional<Recovery> recover(Path file) throws IOException;

    void discardRecovery(Path file) throws IOException;
}
