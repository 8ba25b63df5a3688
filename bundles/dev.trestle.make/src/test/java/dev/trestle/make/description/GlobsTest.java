package dev.trestle.make.description;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.model.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobsTest {
    @TempDir
    Path root;

    private static final List<String> TREE = List.of(
            "main.c",
            "util.h",
            "src/a.c",
            "src/deep/b.c",
            "src/deep/deeper/c.c",
            "src/deep/skip.c",
            "lib/x.c",
            "lib/sub/y.c",
            "tests/t1.c",
            "tests/helper/h.c",
            "docs/readme.c",
            ".hidden/z.c",
            "src/.cache/w.c",
            "build/linux-gcc/src/a.c",
            "out/marked/o.c",
            "out/marked/" + Globs.BUILD_DIRECTORY_MARKER,
            "all.c");

    private void plant() throws IOException {
        for (String file : TREE) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "int x;\n");
        }
    }

    private static TargetSpec target(List<String> sources, List<String> excludes) {
        return new TargetSpec(
                "t",
                TargetKind.PROGRAM,
                sources,
                excludes,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** What the globs match among every file of the tree: the expansion without its directory pruning. */
    private List<String> unpruned(TargetSpec target) throws IOException {
        List<Pattern> include = target.sources().stream().map(Globs::compile).toList();
        List<Pattern> exclude = target.excludes().stream().map(Globs::compile).toList();
        return Globs.files(root).stream()
                .filter(f -> include.stream().anyMatch(p -> p.matcher(f).matches()))
                .filter(f -> exclude.stream().noneMatch(p -> p.matcher(f).matches()))
                .toList();
    }

    @Test
    void expansionWalksOnlyWhereAGlobCanMatchAndFindsWhatAFullWalkFinds() throws IOException {
        plant();
        List<List<String>> globSets = List.of(
                List.of("*.c"),
                List.of("src/*.c"),
                List.of("src/**/*.c"),
                List.of("**/*.c"),
                List.of("*/*.c"),
                List.of("lib/*.c", "tests/helper/*.c"),
                List.of("src/deep/?.c", "main.c"),
                List.of("**"),
                List.of("s*/**/*.c"),
                List.of("../*.c", "./main.c"));
        for (List<String> globs : globSets) {
            TargetSpec target = target(globs, List.of("all.c", "src/deep/skip.c"));
            assertEquals(unpruned(target), Globs.expand(root, target), globs.toString());
        }
    }

    @Test
    void expansionMatchesByGlobAndNeverReachesHiddenOrBuildDirectories() throws IOException {
        plant();
        assertEquals(
                List.of("lib/sub/y.c", "lib/x.c", "main.c", "src/a.c", "src/deep/b.c", "src/deep/deeper/c.c"),
                Globs.expand(
                        root, target(List.of("**/*.c"), List.of("all.c", "src/deep/skip.c", "tests/**", "docs/*"))));
        assertEquals(
                List.of("src/deep/b.c", "src/deep/deeper/c.c"),
                Globs.expand(root, target(List.of("src/**/*.c"), List.of("src/a.c", "**/skip.c"))));
        assertEquals(List.of("all.c", "main.c"), Globs.expand(root, target(List.of("*.c"), List.of())));
    }
}
