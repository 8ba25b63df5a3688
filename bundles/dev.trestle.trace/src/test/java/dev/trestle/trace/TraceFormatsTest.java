package dev.trestle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One fixture per format and variant. strace, ltrace and dmesg fixtures are real output captured in the sandbox;
 * ftrace, trace-cmd, dtrace and bpftrace ones are written from the documented formats (see their READMEs).
 */
class TraceFormatsTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "detect/strace-plain.log, STRACE",
        "detect/strace-f.log, STRACE",
        "detect/strace-f-tt-T.log, STRACE",
        "ltrace/demo.log, LTRACE",
        "ltrace/demo-f-stderr.log, LTRACE",
        "ltrace/demo-S.log, LTRACE",
        "ltrace/demo-f-S-tt-T.log, LTRACE",
        "ltrace/demo-i.log, LTRACE",
        "ltrace/demo-c.log, LTRACE",
        "ftrace/nop-sched.trace, FTRACE",
        "ftrace/function.trace, FTRACE",
        "ftrace/function_graph.trace, FTRACE",
        "ftrace/function_graph-proc-abstime.trace, FTRACE",
        "ftrace/stacktrace.trace, FTRACE",
        "ftrace/trace-pipe.txt, FTRACE",
        "ftrace/trace-cmd-report.txt, TRACE_CMD",
        "dtrace/probes.txt, DTRACE",
        "dtrace/quantize.txt, DTRACE",
        "dtrace/bpftrace.txt, BPFTRACE",
        "detect/dmesg.log, KERNEL_LOG",
        "detect/dmesg-t.log, KERNEL_LOG",
        "detect/dmesg-x.log, KERNEL_LOG",
        "detect/syslog-kernel.log, KERNEL_LOG",
        "detect/plain-text.txt, UNKNOWN",
        "detect/c-source.c, UNKNOWN",
        "ltrace/capture.sh, UNKNOWN",
    })
    void detectsTheFormatOfEachFixture(String fixture, TraceFormat expected) throws IOException {
        Detection d = TraceFormats.detect(new ByteArrayInputStream(Fixtures.bytes(fixture)));
        assertEquals(expected, d.format(), fixture + ": " + d.reason());
        assertTrue(d.confidence() > 0.3, fixture + ": " + d);
    }

    @Test
    void binaryGarbageIsUnknown() throws IOException {
        try (InputStream in = TraceFormatsTest.class.getResourceAsStream("/detect/binary.bin")) {
            assertEquals(TraceFormat.UNKNOWN, TraceFormats.detect(in).format());
        }
    }

    @Test
    void ltraceSyscallsAreTellingNotTheSyscallNames() {
        String ltraceS = "SYS_openat(0xffffff9c, 0x7ff82c54d0b1, 0x80000, 0) = 3\nSYS_close(3) = 0\n";
        String strace =
                "openat(AT_FDCWD, \"/etc/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\nclose(3) = 0\n";
        assertEquals(TraceFormat.LTRACE, TraceFormats.detect(ltraceS).format());
        assertEquals(TraceFormat.STRACE, TraceFormats.detect(strace).format());
    }

    @Test
    void aHeaderWinsOverSplicedProgramOutput() {
        String text = "# tracer: function\n" + "program output line\n".repeat(12)
                + "  bash-1  [000] ..... 1.000001: kfree <-do_exit\n";
        Detection d = TraceFormats.detect(text);
        assertEquals(TraceFormat.FTRACE, d.format(), d.reason());
        assertTrue(d.reason().contains("# tracer: function"), d.reason());
    }

    @Test
    void headCutMidLineIsStillRecognised() {
        String log = Fixtures.text("ltrace/demo-f-stderr.log");
        assertEquals(
                TraceFormat.LTRACE,
                TraceFormats.detect(log.substring(0, log.length() / 2)).format());
    }

    @Test
    void emptyInputIsUnknown() {
        assertEquals(TraceFormat.UNKNOWN, TraceFormats.detect("").format());
    }
}
