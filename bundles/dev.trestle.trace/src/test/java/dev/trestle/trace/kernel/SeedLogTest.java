package dev.trestle.trace.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.x86.Instruction;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The log quoted in the blog post of 2012-04-11 ("dtrace, ftrace, ltrace, strace"), verbatim. The blog's HTML lost
 * every {@code <ffffffff...>}, so frames and the ftrace call site show {@code []}: the address is unknown.
 */
class SeedLogTest {
    static final String SEED = "kernel/seed-blog-2012-04-11.log";

    static String resource(String name) throws IOException {
        try (InputStream in = SeedLogTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static KernelLog parse(String text) throws IOException {
        return KernelLogParser.parse(new StringReader(text));
    }

    @Test
    void seedLogIsOneCompleteWarningWithNothingLeftOver() throws IOException {
        KernelLog log = parse(resource(SEED));
        assertEquals(1, log.incidents().size());
        assertEquals(List.of(), log.problems());
        assertEquals(0, log.otherLines());
        Incident incident = log.incidents().get(0);
        assertEquals(IncidentKind.WARNING, incident.kind());
        assertEquals("WARNING: at kernel/trace/ftrace.c:1509 ftrace_bug+0x28f/0x2e0()", incident.headline());
        assertTrue(incident.complete());
        assertEquals(1, incident.firstLine());
        assertEquals(21, incident.lastLine(), "the ftrace lines after the end marker belong to it");
        assertEquals("VirtualBox", incident.hardware().orElseThrow());
    }

    @Test
    void seedLogNamesTheTaskAndExplainsProprietaryAndOutOfTreeTaint() throws IOException {
        Task task = parse(resource(SEED)).incidents().get(0).task().orElseThrow();
        assertEquals(2350, task.pid());
        assertEquals("insmod", task.comm());
        assertEquals("3.3.1-3.fc17.x86_64", task.kernelRelease());
        assertEquals(
                EnumSet.of(TaintFlag.PROPRIETARY_MODULE, TaintFlag.OOT_MODULE),
                task.taint().flags());
        assertEquals(
                List.of("P: proprietary module was loaded", "O: externally-built (\"out-of-tree\") module was loaded"),
                task.taint().explained());
    }

    @Test
    void seedLogModuleListKeepsTheLoadingProprietaryModule() throws IOException {
        Incident incident = parse(resource(SEED)).incidents().get(0);
        assertEquals(42, incident.modules().size());
        LoadedModule dtrace = incident.modules().get(0);
        assertEquals("dtracedrv", dtrace.name());
        assertEquals(EnumSet.of(TaintFlag.PROPRIETARY_MODULE, TaintFlag.OOT_MODULE), dtrace.taints());
        assertTrue(dtrace.loading());
        assertEquals("uinput", incident.modules().get(41).name());
        assertEquals("scsi_wait_scan", incident.lastUnloaded().orElseThrow());
    }

    @Test
    void seedLogFlagsTheThreeQuestionMarkFramesAsGuessed() throws IOException {
        List<Frame> frames = parse(resource(SEED)).incidents().get(0).frames();
        assertEquals(13, frames.size());
        assertEquals(
                List.of("__probe_kernel_read", "ctf_hash_size", "ctf_hash_size"),
                frames.stream()
                        .filter(f -> f.grade() == Reliability.GUESSED)
                        .map(Frame::function)
                        .toList());
        assertEquals(
                10,
                frames.stream().filter(f -> f.grade() == Reliability.RELIABLE).count());
        assertEquals("dtracedrv", frames.get(2).module().orElseThrow());
        assertEquals("warn_slowpath_common+0x7f/0xc0", frames.get(0).symbol().orElseThrow());
        assertTrue(frames.stream().allMatch(f -> f.address().isEmpty()), "the blog lost every address");
    }

    /** The blog's own objdump line reads {@code call 0x00036214}: the same bytes decoded at address 0. */
    @Test
    void seedLogFtraceBugDecodesRelativeToAnUnknownAddress() throws IOException {
        FtraceBug bug = parse(resource(SEED)).incidents().get(0).ftraceBugs().get(0);
        assertEquals(20, bug.line());
        assertEquals(OptionalLong.empty(), bug.address());
        assertEquals("ctf_hash_size+0x4/0x20 [dtracedrv]", bug.symbol().orElseThrow());
        assertEquals("e8 0f 62 03 00", bug.actual());
        assertEquals(List.of("call 0x36214"), texts(bug.actualDecoded()));
    }

    /**
     * With the address the HTML stripped put back (ffffffffa04cdd44, the site the blog's reader quotes from his
     * log), the call resolves to its absolute target.
     */
    @Test
    void seedLogWithItsAddressRestoredYieldsTheAbsoluteCallTarget() throws IOException {
        String restored =
                resource(SEED).replace("ftrace failed to modify [] ", "ftrace failed to modify [<ffffffffa04cdd44>] ");
        FtraceBug bug = parse(restored).incidents().get(0).ftraceBugs().get(0);
        assertEquals(OptionalLong.of(0xffffffffa04cdd44L), bug.address());
        assertEquals(List.of("call 0xffffffffa0503f58"), texts(bug.actualDecoded()));
    }

    @Test
    void signExtendedExpectedBytesTakeTheLowByte() throws IOException {
        String text = resource(SEED) + "[  357.679916]  expected: ffffffe9:ffffff8f:00:00:00\n";
        FtraceBug bug = parse(text).incidents().get(0).ftraceBugs().get(0);
        assertEquals("e9 8f 00 00 00", bug.expected());
        assertEquals(List.of("jmp 0x94"), texts(bug.expectedDecoded()));
    }

    @Test
    void seedLogReadOneCharacterAtATimeGivesTheSameIncident() throws IOException {
        String seed = resource(SEED);
        assertEquals(parse(seed), KernelLogParser.parse(new OneCharReader(seed)));
    }

    @Test
    void quotedSyslogAndCrlfFormsGiveTheSameIncident() throws IOException {
        String seed = resource(SEED);
        KernelLog plain = parse(seed);
        String quoted = seed.lines().map(l -> "> > " + l).collect(Collectors.joining("\n"));
        String syslog =
                seed.lines().map(l -> "Apr 11 21:09:56 fc17 kernel: " + l).collect(Collectors.joining("\r\n"));
        String bare = seed.lines().map(l -> l.substring(l.indexOf(']') + 2)).collect(Collectors.joining("\n"));
        for (String variant : List.of(quoted, syslog, bare, ">>" + quoted.replace("\n", "\n>>"))) {
            assertEquals(plain.incidents(), parse(variant).incidents(), variant.substring(0, 60));
            assertEquals(List.of(), parse(variant).problems());
        }
    }

    @Test
    void logCutMidLineKeepsTheIncidentAndReportsTheStump() throws IOException {
        String seed = resource(SEED);
        String cut = seed.substring(0, seed.indexOf("sys_init_module+0x10a3") + 7);
        KernelLog log = KernelLogParser.parse(new OneCharReader(cut));
        Incident incident = log.incidents().get(0);
        assertFalse(incident.complete());
        assertEquals(11, incident.frames().size());
        assertEquals(1, log.problems().size());
        assertEquals(17, log.problems().get(0).line());
    }

    @Test
    void garbageInsideAnIncidentIsCountedWithItsLineNumber() throws IOException {
        String seed = resource(SEED);
        String withGarbage =
                "random noise before\n" + seed.replace("[  357.679883]", "%%% not a kernel line %%%\n[  357.679883]");
        KernelLog log = parse(withGarbage);
        assertEquals(1, log.otherLines());
        assertEquals(1, log.problems().size());
        assertEquals(11, log.problems().get(0).line());
        assertEquals("%%% not a kernel line %%%", log.problems().get(0).text());
        assertEquals(13, log.incidents().get(0).frames().size());
    }

    static List<String> texts(List<Instruction> instructions) {
        return instructions.stream().map(Instruction::text).toList();
    }

    /** okio's trick: a source that hands out one character per read finds buffering bugs. */
    static final class OneCharReader extends Reader {
        private final String text;
        private int pos;

        OneCharReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos >= text.length()) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            buffer[offset] = text.charAt(pos++);
            return 1;
        }

        @Override
        public void close() {}
    }
}
