package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Recovery;
import dev.trestle.editor.history.Version;
import dev.trestle.model.store.AtomicFiles;
import dev.trestle.model.store.AtomicFiles.ContentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link LocalHistory} under {@code <state>/local-history}: blobs, per-file indexes and recovery files. */
public final class LocalHistoryStore implements LocalHistory {
    private final BlobStore blobs;
    private final VersionIndex index;
    private final RecoveryFiles recovery;
    private final Clock clock;

    public LocalHistoryStore(Path stateDirectory, Clock clock) {
        Path root = stateDirectory.resolve("local-history");
        this.blobs = new BlobStore(root.resolve("blobs"));
        this.index = new VersionIndex(root.resolve("files"));
        this.recovery = new RecoveryFiles(root.resolve("recovery"), clock);
        this.clock = clock;
    }

    @Override
    public Optional<Version> keep(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BlobStore.Stored stored = blobs.put(file);
        List<Version> known = index.versions(file);
        if (!known.isEmpty() && known.get(known.size() - 1).sha256().equals(stored.sha256())) {
            return Optional.of(known.get(known.size() - 1)); // unchanged since last kept: one entry is enough
        }
        Version version =
                new Version(file.toAbsolutePath().normalize(), clock.instant(), stored.sha256(), stored.size());
        index.add(version);
        return Optional.of(version);
    }

    @Override
    public List<Version> versions(Path file) throws IOException {
        List<Version> versions = new ArrayList<>(index.versions(file));
        Collections.reverse(versions);
        return versions;
    }

    @Override
    public List<Path> files() throws IOException {
        return index.files();
    }

    @Override
    public InputStream open(Version version) throws IOException {
        return blobs.open(version.sha256());
    }

    @Override
    public FileStamp restore(Version version, Path target) throws IOException {
        return write(target, out -> {
            try (InputStream in = open(version)) {
                in.transferTo(out);
            }
        });
    }

    @Override
    public FileStamp save(Path file, FileStamp loaded, ContentWriter content) throws IOException {
        if (loaded != null && Files.exists(file)) {
            new ConflictCheck(file, loaded).throwIfChanged(content);
        }
        return write(file, content);
    }

    /** Keeps what {@code file} holds, replaces it atomically with its permissions, and drops its recovery file. */
    private FileStamp write(Path file, ContentWriter content) throws IOException {
        keep(file);
        Set<PosixFilePermission> permissions = permissionsOf(file);
        MessageDigest digest = FileStamp.newSha256();
        AtomicFiles.write(file, out -> {
            OutputStream digesting = new DigestOutputStream(out, digest);
            content.writeTo(digesting);
            digesting.flush();
        });
        if (permissions != null) {
            // AtomicFiles' temporary file has default permissions: an executable script must stay executable.
            Files.setPosixFilePermissions(file, permissions);
        }
        recovery.discard(file);
        return new FileStamp(
                Files.size(file),
                Files.getLastModifiedTime(file).toInstant(),
                HexFormat.of().formatHex(digest.digest()));
    }

    private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    @Override
    public void writeRecovery(Path file, String baseSha256, ContentWriter content) throws IOException {
        recovery.write(file, baseSha256, content);
    }

    @Override
    public Optional<Recovery> recover(Path file) throws IOException {
        return recovery.read(file);
    }

    @Override
    public void discardRecovery(Path file) throws IOException {
        recovery.discard(file);
    }
}
