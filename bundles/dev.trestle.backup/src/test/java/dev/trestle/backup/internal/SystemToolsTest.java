package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.internal.archive.Sidecars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our archives are plain files for plain tools: {@code zstd}/{@code bzip2} read every frame as one stream, GNU tar
 * extracts it, and coreutils check the manifests, both the one inside and the one beside. Needs zstd, bzip2, tar and
 * coreutils on the PATH; a missing tool fails the test rather than skipping it, as the promise is about them.
 */
class SystemToolsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void standardToolsExtractTheArchiveAndAcceptItsManifests(ArchiveFormat format) throws Exception {
        // frames of 32 KiB, so the tools meet several concatenated frames
        CreateResult result = Fixtures.create(temp, format, 32 * 1024);
        Path archive = result.archive();
        Path out = Files.createDirectories(temp.resolve("extracted"));
        String tool = format == ArchiveFormat.TAR_ZST ? "zstd" : "bzip2";

        run(temp, tool, "-t", archive.toString());
        run(out, "sh", "-c", tool + " -dc \"$0\" | tar -xf -", archive.toString());
        assertEquals(
                8,
                run(out, "sha256sum", "-c", ".trestle-backup/SHA256SUMS")
                        .lines()
                        .count());
        assertEquals(
                8, run(out, "md5sum", "-c", ".trestle-backup/MD5SUMS").lines().count());
        assertEquals(
                8,
                run(out, "sha256sum", "-c", Sidecars.sha256(archive).toString())
                        .lines()
                        .count());
        assertEquals(
                8,
                run(out, "md5sum", "-c", Sidecars.md5(archive).toString())
                        .lines()
                        .count());
        for (String file : List.of("README", "src/e f.c", "src/sub/g\\h", "run.sh")) {
            assertEquals(
                    -1L,
                    Files.mismatch(out.resolve(file), temp.resolve("project").resolve(file)),
                    file);
        }
        assertEquals(
                "rwxr-x---",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(out.resolve("run.sh"))));
        assertEquals(
                1_000_000_000_000L,
                Files.getLastModifiedTime(out.resolve("run.sh")).toMillis());
    }

    /** Runs a tool and returns its standard output; a non-zero exit fails with what it printed. */
    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
