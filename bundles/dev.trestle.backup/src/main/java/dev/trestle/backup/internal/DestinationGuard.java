package dev.trestle.backup.internal;

import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.internal.io.DeviceInput;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes sure a destination is the one backed up to before, and still there. On first use it records the file
 * system (device, type, UUID, mount point) in the local state and writes a volume marker, {@code .trestle-volume},
 * with a random id and a generation that every good backup advances, on the destination and in the local state.
 * A stick swapped for another has another id; an older copy of the destination put back has an older generation;
 * a device gone from under its mount reports 0 bytes; a directory whose stick is not mounted is on another file
 * system. Each is refused with a message naming what looked wrong, before anything is written and again before a
 * backup is declared good.
 */
final class DestinationGuard {
    static final String MARKER = ".trestle-volume";
    private static final String ID = "id";
    private static final String GENERATION = "generation";
    private static final String PENDING = "pending.generation";
    private static final String ARCHIVE = "archive.";

    private final Path stateDir;

    DestinationGuard(Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * Checks the destination against its record, or records it on first use.
     *
     * @throws DestinationRefused naming everything that looked wrong
     */
    void check(Path destination) throws IOException {
        Path real = destination.toRealPath();
        if (load(real) == null) {
            Properties now = identity(real);
            Optional<String> gone = deviceGone(destination, now);
            if (gone.isPresent()) {
                throw new DestinationRefused(gone.get());
            }
            firstUse(real, now, readMarker(real));
            return;
        }
        List<String> problems = problems(destination);
        if (!problems.isEmpty()) {
            throw new DestinationRefused(String.join("; ", problems));
        }
    }

    /**
     * What looks wrong with a destination compared with its record, without recording anything; empty for a
     * destination never backed up to from here (unless its device is gone).
     */
    List<String> problems(Path destination) throws IOException {
        Path real = destination.toRealPath();
        Properties now = identity(real);
        Optional<String> gone = deviceGone(destination, now);
        if (gone.isPresent()) {
            // nothing else is worth asking: reads past the cache fail, cached ones lie
            return List.of(gone.get());
        }
        Properties record = load(real);
        if (record == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>(sameFileSystem(destination, record, now));
        problems.addAll(sameVolume(destination, record, readMarker(real)));
        problems.addAll(earlierArchives(real, record));
        return problems;
    }

    private static Optional<String> deviceGone(Path destination, Properties now) {
        return "0".equals(now.getProperty("device.bytes"))
                ? Optional.of(destination + " is mounted but its device " + now.getProperty("source")
                        + " reports 0 bytes — unplug and re-mount it")
                : Optional.empty();
    }

    /**
     * Advances the generation on the destination, and first notes in the local record the generation it is about to
     * write, so that a crash between the two is not later mistaken for a destination someone else wrote to.
     *
     * @return the new generation, for {@link #confirm}
     */
    long advance(Path destination) throws IOException {
        Path real = destination.toRealPath();
        Properties record = load(real);
        if (record == null) {
            throw new IllegalStateException("no record of " + real + ": check() records it first");
        }
        // past a generation noted by a run that died after writing it, so a generation is never written twice
        long next = Math.max(
                        Long.parseLong(record.getProperty(GENERATION)),
                        Long.parseLong(record.getProperty(PENDING, "0")))
                + 1;
        record.setProperty(PENDING, Long.toString(next));
        save(real, record);
        Properties marker = new Properties();
        marker.setProperty(ID, record.getProperty(ID));
        marker.setProperty(GENERATION, Long.toString(next));
        writeMarker(real, marker);
        return next;
    }

    /** Records the archive, verified and recorded good at the destination, and the generation it advanced to. */
    void confirm(Path destination, Path archive, long generation) throws IOException {
        Path real = destination.toRealPath();
        Properties record = load(real);
        record.remove(PENDING);
        record.setProperty(GENERATION, Long.toString(generation));
        record.setProperty(ARCHIVE + archive.getFileName(), Long.toString(Files.size(archive)));
        record.setProperty("newest.archive", archive.getFileName().toString());
        record.setProperty("newest.verified", Instant.now().toString());
        save(real, record);
    }

    /** Drops an archive from the record before it is removed on purpose, so that its absence is no alarm. */
    void forget(Path destination, Path archive) throws IOException {
        Path real = destination.toRealPath();
        Properties record = load(real);
        if (record != null && record.remove(ARCHIVE + archive.getFileName()) != null) {
            save(real, record);
        }
    }

    /** Every destination recorded here, for {@code backup status}. */
    List<DestinationStatus> recorded() throws IOException {
        Path dir = stateDir.resolve("destinations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<DestinationStatus> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Properties record = read(file);
                String path = record.getProperty("path");
                if (path == null) {
                    continue;
                }
                result.add(new DestinationStatus(
                        Path.of(path),
                        Optional.ofNullable(record.getProperty("newest.archive")),
                        Optional.ofNullable(record.getProperty("newest.verified"))
                                .map(Instant::parse)));
            }
        }
        return result;
    }

    private void firstUse(Path real, Properties now, Optional<Properties> marker) throws IOException {
        Properties record = new Properties();
        record.putAll(now);
        record.setProperty("path", real.toString());
        record.setProperty("first.used", Instant.now().toString());
        if (marker.isPresent() && marker.get().getProperty(ID) != null) {
            // written by Trestle elsewhere (another machine, or state lost here): adopt its volume
            record.setProperty(ID, marker.get().getProperty(ID));
            record.setProperty(GENERATION, marker.get().getProperty(GENERATION, "0"));
        } else {
            Properties fresh = new Properties();
            fresh.setProperty(ID, UUID.randomUUID().toString());
            fresh.setProperty(GENERATION, "0");
            writeMarker(real, fresh);
            record.setProperty(ID, fresh.getProperty(ID));
            record.setProperty(GENERATION, "0");
        }
        save(real, record);
    }

    private static List<String> sameFileSystem(Path destination, Properties record, Properties now) {
        List<String> problems = new ArrayList<>();
        if (Boolean.parseBoolean(record.getProperty("mountPoint.itself"))
                && !Boolean.parseBoolean(now.getProperty("mountPoint.itself"))) {
            problems.add(destination + " was a mount point when first used and is not one now: its device is not"
                    + " mounted, and a backup would land on the disk underneath");
            return problems;
        }
        String thenUuid = record.getProperty("uuid", "");
        String nowUuid = now.getProperty("uuid", "");
        // a stick re-plugged may come back as another device number; where there is a UUID it decides
        boolean same = !thenUuid.isEmpty() && !nowUuid.isEmpty()
                ? thenUuid.equals(nowUuid)
                : record.getProperty("device", "").equals(now.getProperty("device", ""));
        same &= record.getProperty("type", "").equals(now.getProperty("type", ""));
        if (!same) {
            problems.add(destination + " is on another file system than when first used: now " + describe(now)
                    + ", then " + describe(record) + " — is the right device mounted there?");
        }
        return problems;
    }

    private static String describe(Properties identity) {
        String uuid = identity.getProperty("uuid", "");
        return identity.getProperty("type", "?") + " on " + identity.getProperty("source", "?") + " (device "
                + identity.getProperty("device", "?") + (uuid.isEmpty() ? "" : ", UUID " + uuid) + ")";
    }

    private static List<String> sameVolume(Path destination, Properties record, Optional<Properties> marker) {
        String id = record.getProperty(ID);
        long generation = Long.parseLong(record.getProperty(GENERATION));
        Path file = destination.resolve(MARKER);
        if (marker.isEmpty()) {
            return List.of("the volume marker " + file + " is missing: " + destination
                    + " was wiped or replaced since the last backup (expected volume " + id + ")");
        }
        String markerId = marker.get().getProperty(ID, "");
        if (!markerId.equals(id)) {
            return List.of(destination + " holds another volume: its marker says " + markerId + ", the backups here"
                    + " went to " + id + " — it was substituted or re-formatted");
        }
        long found;
        try {
            found = Long.parseLong(marker.get().getProperty(GENERATION, ""));
        } catch (NumberFormatException e) {
            return List.of(file + " is damaged: no generation in it");
        }
        String pending = record.getProperty(PENDING);
        if (found < generation) {
            return List.of(destination + " was rolled back: its marker is at generation " + found
                    + ", the last backup left it at " + generation + " — an older copy of the destination?");
        }
        if (found > generation && !Long.toString(found).equals(pending)) {
            return List.of(destination + " is ahead of the local record: its marker is at generation " + found
                    + ", expected " + generation + " — was it written to from another copy of this machine's state?");
        }
        return List.of();
    }

    private static List<String> earlierArchives(Path real, Properties record) throws IOException {
        List<String> problems = new ArrayList<>();
        for (var entry : new TreeMap<>(record).entrySet()) {
            String key = (String) entry.getKey();
            if (!key.startsWith(ARCHIVE)) {
                continue;
            }
            Path archive = real.resolve(key.substring(ARCHIVE.length()));
            long expected = Long.parseLong((String) entry.getValue());
            if (!Files.exists(archive)) {
                problems.add(archive + ", backed up here earlier (" + expected + " bytes), is missing");
            } else if (Files.size(archive) != expected) {
                problems.add(archive + " is " + Files.size(archive) + " bytes, it was " + expected
                        + " when it was verified");
            }
        }
        return problems;
    }

    /** The file system's identity as the local record keeps it. */
    private static Properties identity(Path real) throws IOException {
        Properties identity = new Properties();
        Optional<Mounts.Mount> mount = Mounts.of(real);
        Mounts.deviceOf(real).ifPresent(device -> identity.setProperty("device", device));
        if (mount.isPresent()) {
            identity.setProperty("type", mount.get().type());
            identity.setProperty("source", mount.get().source());
            identity.setProperty("uuid", mount.get().uuid());
            identity.setProperty("mountPoint", mount.get().mountPoint().toString());
            identity.setProperty(
                    "mountPoint.itself",
                    Boolean.toString(mount.get().mountPoint().equals(real)));
            Mounts.blockDeviceBytes(mount.get().device())
                    .ifPresent(bytes -> identity.setProperty("device.bytes", Long.toString(bytes)));
        }
        return identity;
    }

    /** Read past the page cache where possible: a device gone from under its mount still serves cached files. */
    private static Optional<Properties> readMarker(Path real) throws IOException {
        Path file = real.resolve(MARKER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties marker = new Properties();
        try (InputStream in = DeviceInput.open(file)) {
            marker.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException("cannot read the volume marker " + file + " from its device: " + e.getMessage(), e);
        }
        return Optional.of(marker);
    }

    private static void writeMarker(Path real, Properties marker) throws IOException {
        AtomicFiles.write(real.resolve(MARKER), out -> marker.store(out, "Trestle backup volume marker"));
    }

    private Path recordFile(Path real) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(real.toString().getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve("destinations").resolve(HexFormat.of().formatHex(hash, 0, 8) + ".properties");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private Properties load(Path real) throws IOException {
        Path file = recordFile(real);
        return Files.exists(file) ? read(file) : null;
    }

    private static Properties read(Path file) throws IOException {
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            record.load(in);
        }
        return record;
    }

    private void save(Path real, Properties record) throws IOException {
        Path file = recordFile(real);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> record.store(out, "Trestle backup destination " + real));
    }
}
