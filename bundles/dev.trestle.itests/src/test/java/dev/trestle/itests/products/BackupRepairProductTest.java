package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.itests.products.TrestleProcess.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair data as a user meets it through ./trestle: written by default, named by verify, used by repair. */
class BackupRepairProductTest {
    @TempDir
    Path home;

    private TrestleProcess trestle;

    @BeforeEach
    void setUp() {
        trestle = new TrestleProcess(home);
    }

    @Test
    void aDamagedByteIsRepairableAndRepairedToTheBytesWritten() throws Exception {
        Path source = trestle.demoCopy("sources");
        Path destination = Files.createDirectories(home.resolve("usb"));
        Result create = trestle.run("backup", "create", source.toString(), destination.toString());
        assertEquals(0, create.status(), create.toString());
        Path archive = archiveIn(destination);
        assertTrue(Files.exists(Path.of(archive + ".repair")), "repair data by default");
        byte[] written = Files.readAllBytes(archive);

        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x10);
        }
        Result damaged = trestle.run("backup", "verify", archive.toString());
        assertEquals(1, damaged.status(), damaged.toString());
        assertTrue(damaged.err().contains("DAMAGED but repairable " + archive), damaged.toString());

        Result repair = trestle.run("backup", "repair", archive.toString(), "--json");
        assertEquals(0, repair.status(), repair.toString());
        assertTrue(repair.out().contains("\"repaired\":true"), repair.toString());
        assertArrayEquals(written, Files.readAllBytes(archive));
        Result verify = trestle.run("backup", "verify", archive.toString());
        assertEquals(0, verify.status(), verify.toString());
    }

    @Test
    void noRepairDataWhenAskedForNone() throws Exception {
        Path source = trestle.demoCopy("sources");
        Path destination = Files.createDirectories(home.resolve("usb"));
        Result create =
                trestle.run("backup", "create", source.toString(), destination.toString(), "--repair-data", "0");
        assertEquals(0, create.status(), create.toString());
        assertFalse(Files.exists(Path.of(archiveIn(destination) + ".repair")));

        Result wrong =
                trestle.run("backup", "create", source.toString(), destination.toString(), "--repair-data", "80");
        assertEquals(2, wrong.status(), wrong.toString());
        assertTrue(wrong.err().contains("--repair-data takes 0 (none) or 1 to 50 percent"), wrong.toString());
    }

    private static Path archiveIn(Path destination) throws Exception {
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(p -> p.toString().endsWith(".tar.zst"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
