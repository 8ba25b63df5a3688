package dev.trestle.trace.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    @SuppressWarnings("unchecked")
    void incidentsAsJsonCarryTaskTaintFramesGradesAndTheDecodedFtraceBytes(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("seed \"quoted\".log");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kernel/seed-blog-2012-04-11.log")) {
            Files.write(log, in.readAllBytes());
        }
        String text = commands.incidents(log.toString(), "--json");
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(text);
        assertEquals(log.toString(), report.get("file"));
        assertEquals(21L, report.get("lines"));
        assertEquals(List.of(), report.get("unplaced"));
        List<Map<String, Object>> incidents = (List<Map<String, Object>>) report.get("incidents");
        assertEquals(1, incidents.size());
        Map<String, Object> incident = incidents.get(0);
        assertEquals("WARNING", incident.get("kind"));
        assertTrue(((String) incident.get("headline")).contains("ftrace_bug"), text);

        Map<String, Object> task = (Map<String, Object>) incident.get("task");
        assertEquals("insmod", task.get("comm"));
        assertEquals(2350L, task.get("pid"));
        assertEquals("3.3.1-3.fc17.x86_64", task.get("kernel"));
        Map<String, Object> taint = (Map<String, Object>) task.get("taint");
        assertEquals(true, taint.get("tainted"));
        List<Map<String, Object>> flags = (List<Map<String, Object>>) taint.get("flags");
        assertTrue(
                flags.stream()
                        .anyMatch(f -> f.get("letter").equals("P")
                                && f.get("meaning").equals("proprietary module was loaded")),
                text);
        assertTrue(((List<String>) taint.get("explained")).contains("P: proprietary module was loaded"), text);

        Map<String, Object> dtracedrv = ((List<Map<String, Object>>) incident.get("modules"))
                .stream()
                        .filter(m -> m.get("name").equals("dtracedrv"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(List.of("P", "O"), dtracedrv.get("taints"), "in the kernel's bit order");
        assertEquals(true, dtracedrv.get("loading"));

        List<Map<String, Object>> frames = (List<Map<String, Object>>) incident.get("frames");
        assertFalse(frames.isEmpty());
        Map<String, Object> guessed = frames.stream()
                .filter(f -> "ctf_hash_size+0x4/0x20".equals(f.get("symbol")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(text));
        assertEquals("GUESSED", guessed.get("grade"));
        assertEquals("dtracedrv", guessed.get("module"));
        assertFalse(((String) guessed.get("reason")).isBlank());
        assertTrue(frames.stream().allMatch(f -> f.get("grade") != null && f.get("reason") != null));

        List<Map<String, Object>> bugs = (List<Map<String, Object>>) incident.get("ftraceBugs");
        assertEquals(1, bugs.size());
        Map<String, Object> bug = bugs.get(0);
        assertEquals("e8 0f 62 03 00", bug.get("actual"));
        List<Map<String, Object>> decoded = (List<Map<String, Object>>) bug.get("actualDecoded");
        assertEquals(1, decoded.size());
        assertEquals("e8 0f 62 03 00", decoded.get(0).get("bytes"));
        assertTrue(((String) decoded.get(0).get("text")).startsWith("call 0x"), text);

        assertEquals(
                2,
                assertThrows(CommandFailure.class, () -> commands.incidents(log.toString(), "--xml"))
                        .status());
        assertThrows(CommandFailure.class, () -> commands.incidents("--json"));
    }

    @Test
    void incidentsOfAMissingFileNamesIt() {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> commands.incidents("/no/such/kernel.log"));
        assertEquals("no such file: /no/such/kernel.log", failure.getMessage());
    }
}
