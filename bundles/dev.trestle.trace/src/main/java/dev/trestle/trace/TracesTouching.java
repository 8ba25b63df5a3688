package dev.trestle.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which trace logs in a directory touched a file: those that name its absolute path, as strace prints the paths a
 * program opened, stat'ed or executed. Newest first. The logs are streamed, so gigabyte logs cost disk time only.
 */
public final class TracesTouching {
    /** Where Build Under Trace and {@code make build --trace} keep their logs, below the project. */
    public static final String DIRECTORY = "build/traces";

    private TracesTouching() {}

    public static List<Path> find(Path logs, Path file) throws IOException {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        byte[] needle = ('"' + file.toAbsolutePath().normalize().toString() + '"').getBytes(StandardCharsets.UTF_8);
        List<Path> touching = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                if (mentions(log, needle)) {
                    touching.add(log);
                }
            }
        }
        touching.sort(Comparator.comparing((Path p) -> {
                    try {
                        return Files.getLastModifiedTime(p).toMillis();
                    } catch (IOException e) {
                        return 0L;
                    }
                })
                .reversed());
        return touching;
    }

    /** A plain search for the quoted path, across buffer boundaries. */
    static boolean mentions(Path log, byte[] needle) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(log)) {
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + read;
                for (int i = 0; i + needle.length <= end; i++) {
                    if (buffer[i] == needle[0] && matches(buffer, i, needle)) {
                        return true;
                    }
                }
                kept = Math.min(needle.length - 1, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static boolean matches(byte[] buffer, int at, byte[] needle) {
        for (int j = 1; j < needle.length; j++) {
            if (buffer[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
