package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.Recovery;
import dev.trestle.model.store.AtomicFiles;
import dev.trestle.model.store.AtomicFiles.ContentWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Unsaved content per file: {@code <key>-<sha256>.content}, then {@code <key>.recovery} naming it, each written
 * atomically. The description is written last, so after a crash at any point it names a complete content file.
 */
final class RecoveryFiles {
    private static final System.Logger LOG = System.getLogger(RecoveryFiles.class.getName());
    private final Path directory;
    private final Clock clock;

    RecoveryFiles(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    void write(Path file, String baseSha256, ContentWriter content) throws IOException {
        String key = PathKeys.of(file);
        Path incoming = directory.resolve(key + ".incoming");
        MessageDigest digest = FileStamp.newSha256();
        AtomicFiles.write(incoming, out -> {
            DigestOutputStream digesting = new DigestOutputStream(out, digest);
            content.writeTo(digesting);
            digesting.flush();
        });
        String sha256 = HexFormat.of().formatHex(digest.digest());
        Path contentFile = directory.resolve(key + "-" + sha256 + ".content");
        Files.move(incoming, contentFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String description = String.join(
                "\n", PathKeys.escape(file), Long.toString(clock.millis()), baseSha256, contentFile.getFileName() + "");
        AtomicFiles.write(
                directory.resolve(key + ".recovery"),
                out -> out.write((description + "\n").getBytes(StandardCharsets.UTF_8)));
        deleteContentExcept(key, contentFile);
    }

    Optional<Recovery> read(Path file) throws IOException {
        Path description = directory.resolve(PathKeys.of(file) + ".recovery");
        if (!Files.exists(description)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(description, StandardCharsets.UTF_8);
        Path content = lines.size() == 4 ? directory.resolve(lines.get(3)) : null;
        if (content == null || !Files.exists(content) || !lines.get(1).matches("[0-9]{1,18}")) {
            LOG.log(System.Logger.Level.WARNING, description + " is damaged or names missing content; ignored");
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(content)) {
            if (!content.getFileName().toString().endsWith("-" + FileStamp.sha256(in) + ".content")) {
                LOG.log(System.Logger.Level.WARNING, content + " does not match its digest; ignored");
                return Optional.empty();
            }
        }
        Instant written = Instant.ofEpochMilli(Long.parseLong(lines.get(1)));
        return Optional.of(new Recovery(PathKeys.unescape(lines.get(0)), written, lines.get(2), content));
    }

    void discard(Path file) throws IOException {
        String key = PathKeys.of(file);
        Files.deleteIfExists(directory.resolve(key + ".recovery"));
        deleteContentExcept(key, null);
    }

    private void deleteContentExcept(String key, Path keep) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path stale : files.filter(p -> p.getFileName().toString().startsWith(key + "-"))
                    .filter(p -> !p.equals(keep))
                    .toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }
}
