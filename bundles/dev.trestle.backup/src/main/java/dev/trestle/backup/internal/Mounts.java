package dev.trestle.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Linux says about the file system a path is on: {@code /proc/self/mountinfo} for the mount, {@code
 * /dev/disk/by-uuid} for its UUID and {@code /sys/dev/block/MAJ:MIN/size} for whether its device still has any
 * sectors. A device pulled out under a mount keeps the mount listed {@code rw}; the size is what gives it away.
 */
final class Mounts {
    /**
     * @param device {@code major:minor} as mountinfo and {@code /sys/dev/block} name it
     * @param mountPoint where it is mounted
     * @param type file system type ({@code ext4}, {@code vfat}, {@code tmpfs})
     * @param source what is mounted ({@code /dev/sdb1}, {@code /dev/loop0}, {@code tmpfs})
     * @param uuid the file system UUID where {@code /dev/disk/by-uuid} names one, else empty
     */
    record Mount(String device, Path mountPoint, String type, String source, String uuid) {}

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path BY_UUID = Path.of("/dev/disk/by-uuid");
    private static final Path SYS_BLOCK = Path.of("/sys/dev/block");

    private Mounts() {}

    /** {@code major:minor} of a {@code st_dev}, decoded as glibc's {@code gnu_dev_major}/{@code gnu_dev_minor} do. */
    static String device(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return major + ":" + minor;
    }

    /** The device of the file system {@code path} is on, or empty where the platform has no {@code unix:dev}. */
    static Optional<String> deviceOf(Path path) throws IOException {
        try {
            return Optional.of(device((Long) Files.getAttribute(path, "unix:dev")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The mount {@code path} (a real path) lies in: the last-mounted one of its device whose mount point holds it. */
    static Optional<Mount> of(Path path) throws IOException {
        Optional<String> device = deviceOf(path);
        if (device.isEmpty() || !Files.isReadable(MOUNTINFO)) {
            return Optional.empty();
        }
        Mount found = null;
        for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
            Mount mount = parse(line);
            if (mount != null && mount.device().equals(device.get()) && path.startsWith(mount.mountPoint())) {
                if (found == null
                        || mount.mountPoint().getNameCount()
                                >= found.mountPoint().getNameCount()) {
                    found = mount;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** One mountinfo line: {@code ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER}. */
    static Mount parse(String line) throws IOException {
        String[] fields = line.split(" ");
        int dash = List.of(fields).indexOf("-");
        if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) {
            return null;
        }
        String source = unescape(fields[dash + 2]);
        return new Mount(fields[2], Path.of(unescape(fields[4])), fields[dash + 1], source, uuid(source));
    }

    /** mountinfo writes space, tab, newline and backslash as three octal digits after a backslash. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\'
                    && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String uuid(String source) throws IOException {
        if (!source.startsWith("/dev/") || !Files.isDirectory(BY_UUID)) {
            return "";
        }
        Path device = Path.of(source);
        try (Stream<Path> links = Files.list(BY_UUID)) {
            for (Path link : links.toList()) {
                try {
                    if (Files.isSameFile(link, device)) {
                        return link.getFileName().toString();
                    }
                } catch (IOException e) {
                    // a dangling link for a device that has gone: not ours
                }
            }
        }
        return "";
    }

    /**
     * The size in bytes the kernel reports for a block device, or empty if the device is not a block device (tmpfs,
     * overlay, a network file system), for which no size can be asked.
     */
    static Optional<Long> blockDeviceBytes(String device) throws IOException {
        Path size = SYS_BLOCK.resolve(device).resolve("size");
        if (!Files.isReadable(size)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readString(size).strip()) * 512);
    }
}
