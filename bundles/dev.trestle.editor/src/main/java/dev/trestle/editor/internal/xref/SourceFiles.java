package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.SymbolIndexService;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The C-family files under a directory; hidden directories ({@code .git}, editor state) are not descended. */
final class SourceFiles {
    private SourceFiles() {}

    /** Each source file with its attributes; unreadable directories are reported in {@code failures} and skipped. */
    static Map<Path, BasicFileAttributes> under(Path root, List<String> failures) throws IOException {
        Map<Path, BasicFileAttributes> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean hidden =
                        !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && isSource(file)) {
                    files.put(file, attributes);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                failures.add(file + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0
                && SymbolIndexService.EXTENSIONS.contains(
                        name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
