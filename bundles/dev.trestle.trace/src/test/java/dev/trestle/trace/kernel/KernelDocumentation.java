package dev.trestle.trace.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code Documentation/} tree of Debian's {@code linux-source-6.1} package, cached outside the checkout in
 * {@code ~/.cache/trestle-test/linux-source-6.1/Documentation}. When the cache is missing it installs the package
 * ({@code apt-get install -y linux-source-6.1}, after {@code apt-get update} if the first try fails), which puts
 * {@code /usr/src/linux-source-6.1.tar.xz} on disk, and extracts only its {@code Documentation/} files. Where apt, root
 * or the package is not to be had, the calling test is skipped (a JUnit assumption) with the reason.
 */
final class KernelDocumentation {
    static final String PACKAGE = "linux-source-6.1";
    static final Path TARBALL = Path.of("/usr/src/linux-source-6.1.tar.xz");
    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "trestle-test", PACKAGE);
    static final Path DOCUMENTATION = CACHE.resolve("Documentation");
    private static final long APT_TIMEOUT_MINUTES = 30;

    private KernelDocumentation() {}

    /** The cached tree, fetched on first use; skips the caller if it cannot be had. */
    static synchronized Path documentation() {
        if (cached()) {
            return DOCUMENTATION;
        }
        try {
            if (!Files.isRegularFile(TARBALL)) {
                install();
            }
            assumeTrue(Files.isRegularFile(TARBALL), TARBALL + " is missing after installing " + PACKAGE);
            extract();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assumeTrue(cached(), "extracting Documentation/ from " + TARBALL + " gave no admin-guide/");
        return DOCUMENTATION;
    }

    private static boolean cached() {
        return Files.isRegularFile(DOCUMENTATION.resolve("admin-guide").resolve("bug-hunting.rst"));
    }

    private static void install() throws IOException, InterruptedException {
        Path aptGet = Path.of("/usr/bin/apt-get");
        assumeTrue(Files.isExecutable(aptGet), "no apt-get here to install " + PACKAGE + " (not Debian?)");
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "installing " + PACKAGE + " needs root; run `apt-get install " + PACKAGE + "` once by hand");
        Files.createDirectories(CACHE.getParent());
        Path log = CACHE.getParent().resolve(PACKAGE + "-apt.log");
        if (run(log, aptGet.toString(), "install", "-y", "--no-install-recommends", PACKAGE) != 0) {
            run(log, aptGet.toString(), "update");
            int status = run(log, aptGet.toString(), "install", "-y", "--no-install-recommends", PACKAGE);
            assumeTrue(status == 0, () -> "apt-get install " + PACKAGE + " failed (" + status + "): " + tail(log));
        }
    }

    private static void extract() throws IOException, InterruptedException {
        Files.createDirectories(CACHE);
        Path staging = Files.createTempDirectory(CACHE, "extract-");
        try {
            Path log = CACHE.resolve("tar.log");
            int status = run(
                    log,
                    "tar",
                    "-xJf",
                    TARBALL.toString(),
                    "-C",
                    staging.toString(),
                    "--strip-components=1",
                    "--wildcards",
                    "*/Documentation/*");
            assumeTrue(status == 0, () -> "tar could not extract Documentation/ from " + TARBALL + ": " + tail(log));
            try {
                Files.move(staging.resolve("Documentation"), DOCUMENTATION, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another build extracted it meanwhile
            }
        } finally {
            delete(staging);
        }
    }

    private static int run(Path log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
