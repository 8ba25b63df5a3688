package dev.trestle.trace.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCommandsTest {
    private final KernelCommands commands = new KernelCommands();

    @Test
    void decodeAcceptsEverySeparatorAndPrintsTheFriendlyCall() {
        for (String bytes : new String[] {"e8:0f:62:03:00", "e80f620300", "E8 0F 62 03 00"}) {
            assertEquals("call 0xffffffffa0503f58", commands.decode(bytes, "--address", "ffffffffa04cdd44"));
        }
        assertEquals(
                "call 0xffffffffa0503f58",
                commands.decode("e8", "0f", "62", "03", "00", "--address", "0xffffffffa04cdd44"));
    }

    @Test
    void decodeAsJsonQuotesTheText() {
        assertEquals(
                "[{\"address\":\"10\",\"bytes\":\"0f 0b\",\"text\":\"ud2\"}]",
                commands.decode("0f0b", "--address", "10", "--json"));
    }

    @Test
    void decodeRejectsBadBytesAndAddressesNamingThem() {
        CommandFailure odd = assertThrows(CommandFailure.class, () -> commands.decode("e8:0f:6"));
        assertEquals(2, odd.status());
        assertTrue(odd.getMessage().contains("e8:0f:6"), odd.getMessage());
        CommandFailure address = assertThrows(CommandFailure.class, () -> commands.decode("90", "--address", "xyz"));
        assertTrue(address.getMessage().contains("xyz"), address.getMessage());
        assertThrows(CommandFailure.class, () -> commands.decode("90", "--address"));
        assertThrows(CommandFailure.class, () -> commands.decode());
    }

    @Test
    void incidentsOfTheSeedLogShowTaskTaintGuessesAndTheFtraceCall(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("seed.log");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kernel/seed-blog-2012-04-11.log")) {
            Files.write(log, in.readAllBytes());
        }
        String report = commands.incidents(log.toString());
        assertTrue(report.startsWith(log + ": 1 incident(s), 21 lines, 0 unplaced line(s)"), report);
        assertTrue(report.contains("task: insmod pid 2350, kernel 3.3.1-3.fc17.x86_64"), report);
        assertTrue(report.contains("P: proprietary module was loaded"), report);
        assertTrue(report.contains("dtracedrv(OP+)"), report);
        assertTrue(report.contains("GUESSED            ctf_hash_size+0x4/0x20 [dtracedrv]"), report);
        assertTrue(report.contains("call 0x36214"), report);
    }

    @Test
    void incidentsOfAMissingFileNamesIt() {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> commands.incidents("/no/such/kernel.log"));
        assertEquals("no such file: /no/such/kernel.log", failure.getMessage());
    }
}
