package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.itests.products.TrestleProcess.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capability bundles' commands inside the real headless product, as ./trestle runs them. */
class CapabilityCommandsTest {
    private static final Path SEED_KERNEL_LOG = TrestleProcess.REPOSITORY.resolve(
            "bundles/dev.trestle.trace/src/test/resources/kernel/seed-blog-2012-04-11.log");

    @TempDir
    Path home;

    private TrestleProcess trestle;

    @BeforeEach
    void setUp() {
        trestle = new TrestleProcess(home);
    }

    @Test
    void decodesTheFtraceBytesAtTheirAddress() throws Exception {
        Result decode = trestle.run("trace", "decode", "e8:0f:62:03:00", "--address", "ffffffffa04cdd44");

        assertEquals(0, decode.status(), decode.toString());
        assertEquals("call 0xffffffffa0503f58\n", decode.out());
    }

    @Test
    void seedKernelLogYieldsOneIncidentWithGuessedFrames() throws Exception {
        Result incidents = trestle.run("trace", "incidents", SEED_KERNEL_LOG.toString());

        assertEquals(0, incidents.status(), incidents.toString());
        assertTrue(incidents.out().contains("1 incident(s)"), incidents.toString());
        assertEquals(
                3, incidents.out().lines().filter(l -> l.contains("GUESSED")).count(), incidents.toString());
        assertTrue(incidents.out().contains("P: proprietary module was loaded"), incidents.toString());
    }

    @Test
    void backupIsCreatedVerifiedAndADamagedByteIsNamed() throws Exception {
        Path source = trestle.demoCopy("sources");
        Path destination = Files.createDirectories(home.resolve("usb"));

        Result create = trestle.run("backup", "create", source.toString(), destination.toString());
        assertEquals(0, create.status(), create.toString());
        Result verify = trestle.run("backup", "verify", destination.toString());
        assertEquals(0, verify.status(), verify.toString());

        Path archive;
        try (Stream<Path> files = Files.list(destination)) {
            archive = files.filter(p -> p.toString().endsWith(".tar.zst"))
                    .findFirst()
                    .orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            long middle = file.length() / 3;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x40);
        }
        Result damaged = trestle.run("backup", "verify", destination.toString());

        assertEquals(1, damaged.status(), damaged.toString());
        assertTrue(damaged.err().contains("damaged"), damaged.toString());
    }
}
