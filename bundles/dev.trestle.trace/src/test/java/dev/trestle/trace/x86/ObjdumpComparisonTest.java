package dev.trestle.trace.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * binutils is the reference: a random corpus of every covered instruction form is disassembled by
 * {@code objdump -D -b binary -mi386:x86-64} and by {@link X86Decoder}, and every instruction must agree (boundaries
 * and text, whitespace normalised).
 */
class ObjdumpComparisonTest {
    private static final Path OBJDUMP = Path.of("/usr/bin/objdump");
    private static final long VMA = 0xffffffffa04cd000L;
    /** {@code   1000:\te8 0f 62 03 00       \tcall   0x37214}; long instructions continue on a line without text. */
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f ]+?)\\s*(?:\\t(.*))?$");

    @TempDir
    Path dir;

    @Test
    void everyCoveredFormDecodesAsObjdumpDecodesIt() throws Exception {
        assumeTrue(Files.isExecutable(OBJDUMP), "objdump (binutils) is not installed at " + OBJDUMP);
        InstructionCorpus corpus = new InstructionCorpus(20120411L);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        corpus.instances(300).forEach(code::writeBytes);
        byte[] bytes = code.toByteArray();
        Path file = dir.resolve("corpus.bin");
        Files.write(file, bytes);

        Map<Long, String> expected = objdump(file);
        List<Instruction> ours = X86Decoder.decode(bytes, VMA);

        List<String> mismatches = new ArrayList<>();
        for (Instruction instruction : ours) {
            String theirs = expected.get(instruction.address());
            String mine = instruction.hex() + " | " + normalise(instruction.text());
            if (theirs == null || !theirs.equals(mine)) {
                mismatches.add("objdump: " + theirs + "\n   ours: " + mine);
            }
        }
        assertTrue(
                mismatches.isEmpty(),
                mismatches.size() + " of " + ours.size() + " instructions differ, e.g.\n"
                        + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
        assertEquals(expected.size(), ours.size(), "instruction count");
        assertTrue(ours.size() > 30 * corpus.formCount(), "corpus too small: " + ours.size());
    }

    @Test
    void ftracePatchSiteOfTheSeedLogMatchesObjdump() throws Exception {
        assumeTrue(Files.isExecutable(OBJDUMP), "objdump (binutils) is not installed at " + OBJDUMP);
        Path file = dir.resolve("ftrace.bin");
        Files.write(file, InstructionCorpus.hex("e8 0f 62 03 00"));
        String theirs = objdump(file, 0xffffffffa04cdd44L).get(0xffffffffa04cdd44L);
        assertEquals("e8 0f 62 03 00 | call 0xffffffffa0503f58", theirs);
    }

    private static Map<Long, String> objdump(Path file) throws IOException, InterruptedException {
        return objdump(file, VMA);
    }

    /** Address → "hex bytes | normalised text", continuation lines folded into their instruction. */
    private static Map<Long, String> objdump(Path file, long vma) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        OBJDUMP.toString(),
                        "-D",
                        "-b",
                        "binary",
                        "-mi386:x86-64",
                        "--adjust-vma=0x" + Long.toHexString(vma),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "objdump did not finish");
        assertEquals(0, process.exitValue(), output);
        Map<Long, String[]> parts = new LinkedHashMap<>();
        Long last = null;
        for (String line : output.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (m.group(3) == null && last != null) {
                parts.get(last)[0] += " " + m.group(2).trim();
                continue;
            }
            last = Long.parseUnsignedLong(m.group(1), 16);
            parts.put(last, new String[] {m.group(2).trim(), normalise(m.group(3))});
        }
        Map<Long, String> result = new LinkedHashMap<>();
        parts.forEach((address, p) -> result.put(address, p[0] + " | " + p[1]));
        return result;
    }

    static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }
}
