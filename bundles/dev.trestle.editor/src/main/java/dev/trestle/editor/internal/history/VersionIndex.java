package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Version;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One text file per path, {@code <key>.versions}: the path on the first line, then {@code millis sha256 size} per
 * kept version, appended and forced. Keyed by path, not by the file, so a deleted file's versions stay listed. A line
 * cut short by a crash is skipped with a warning.
 */
final class VersionIndex {
    private static final System.Logger LOG = System.getLogger(VersionIndex.class.getName());
    private static final String HEADER = "trestle-local-history 1 ";
    private final Path directory;

    VersionIndex(Path directory) {
        this.directory = directory;
    }

    void add(Version version) throws IOException {
        Files.createDirectories(directory);
        Path index = indexOf(version.file());
        StringBuilder text = new StringBuilder();
        if (!Files.exists(index)) {
            text.append(HEADER).append(PathKeys.escape(version.file())).append('\n');
        }
        text.append(version.time().toEpochMilli())
                .append(' ')
                .append(version.sha256())
                .append(' ')
                .append(version.size())
                .append('\n');
        try (FileChannel channel = FileChannel.open(
                index, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    /** Oldest first. */
    List<Version> versions(Path file) throws IOException {
        Path index = indexOf(file);
        if (!Files.exists(index)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        List<Version> versions = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) {
            LOG.log(System.Logger.Level.WARNING, index + ": no path on its first line; its versions are not listed");
            return versions;
        }
        Path path = PathKeys.unescape(lines.get(0).substring(HEADER.length()));
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(" ");
            if (fields.length != 3
                    || !fields[0].matches("[0-9]{1,18}")
                    || !fields[1].matches("[0-9a-f]{64}")
                    || !fields[2].matches("[0-9]{1,18}")) {
                LOG.log(System.Logger.Level.WARNING, index + " line " + (i + 1) + ": skipped damaged entry");
                continue;
            }
            versions.add(new Version(
                    path, Instant.ofEpochMilli(Long.parseLong(fields[0])), fields[1], Long.parseLong(fields[2])));
        }
        return versions;
    }

    List<Path> files() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> indexes = Files.list(directory)) {
            for (Path index :
                    indexes.filter(p -> p.toString().endsWith(".versions")).toList()) {
                List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
                String first = lines.isEmpty() ? "" : lines.get(0);
                if (first.startsWith(HEADER)) {
                    files.add(PathKeys.unescape(first.substring(HEADER.length())));
                } else {
                    LOG.log(System.Logger.Level.WARNING, index + ": no path on its first line; skipped");
                }
            }
        }
        return files;
    }

    private Path indexOf(Path file) {
        return directory.resolve(PathKeys.of(file) + ".versions");
    }
}
