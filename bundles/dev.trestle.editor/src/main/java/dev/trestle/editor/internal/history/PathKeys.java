package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.FileStamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** Names for per-file state: a hash of the absolute path, since paths may hold any character a file name may not. */
final class PathKeys {
    private PathKeys() {}

    static String of(Path file) {
        byte[] path = file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(FileStamp.newSha256().digest(path), 0, 16);
    }

    /** One line of text for a path, however odd: only the escape character and line breaks are escaped. */
    static String escape(Path file) {
        return file.toAbsolutePath()
                .normalize()
                .toString()
                .replace("%", "%25")
                .replace("\n", "%0A")
                .replace("\r", "%0D");
    }

    static Path unescape(String line) {
        return Path.of(line.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"));
    }
}
