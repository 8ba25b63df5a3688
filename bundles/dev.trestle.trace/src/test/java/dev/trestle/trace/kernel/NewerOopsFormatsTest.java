package dev.trestle.trace.kernel;

import static dev.trestle.trace.kernel.SeedLogTest.parse;
import static dev.trestle.trace.kernel.SeedLogTest.resource;
import static dev.trestle.trace.kernel.SeedLogTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Hand-written fixtures modelled on real reports: a 6.1 NULL dereference in a timer (IRQ stack, interrupted idle
 * task, register dump repeated after the end marker, then the panic) and a 3.2 {@code kernel BUG at} with the old
 * {@code [<addr>]} frames, {@code <IRQ>}/{@code <EOI>} and a {@code Stack:} dump.
 */
class NewerOopsFormatsTest {
    private static final String NULL_DEREF = "kernel/oops-null-deref-irq-6.1.log";
    private static final String OLD_BUG = "kernel/kernel-bug-old-3.2.log";

    @Test
    void nullDereferenceIsABugFollowedByItsPanic() throws IOException {
        KernelLog log = parse(resource(NULL_DEREF));
        assertEquals(List.of(), log.problems());
        assertEquals(2, log.incidents().size());
        Incident oops = log.incidents().get(0);
        assertEquals(IncidentKind.BUG, oops.kind());
        assertEquals("BUG: kernel NULL pointer dereference, address: 0000000000000008", oops.headline());
        assertTrue(oops.complete());
        assertTrue(oops.details().contains("Oops: 0002 [#1] PREEMPT SMP NOPTI"));
        Incident panic = log.incidents().get(1);
        assertEquals(IncidentKind.PANIC, panic.kind());
        assertTrue(panic.complete());
    }

    @Test
    void newerTaskLineGivesCpuCommAndTaint() throws IOException {
        Task task = parse(resource(NULL_DEREF)).incidents().get(0).task().orElseThrow();
        assertEquals(OptionalInt.of(2), task.cpu());
        assertEquals(0, task.pid());
        assertEquals("swapper/2", task.comm());
        assertEquals(
                EnumSet.of(TaintFlag.OOT_MODULE, TaintFlag.UNSIGNED_MODULE),
                task.taint().flags());
        assertEquals(
                "G: only GPL-compatible modules were loaded (no proprietary module)",
                task.taint().explained().get(0));
        assertEquals("6.1.0-13-amd64", task.kernelRelease());
    }

    @Test
    void framesAfterTheIrqStackAreGradedBelowThoseOnIt() throws IOException {
        Incident oops = parse(resource(NULL_DEREF)).incidents().get(0);
        List<Frame> frames = oops.frames();
        assertEquals(List.of("<IRQ>", "</IRQ>", "<TASK>", "</TASK>"), oops.stackSwitches());
        assertEquals(18, frames.size());
        assertEquals(
                5, frames.stream().filter(f -> f.grade() == Reliability.GUESSED).count());
        Frame callTimer = frames.get(5);
        assertEquals("call_timer_fn", callTimer.function());
        assertEquals(Reliability.RELIABLE, callTimer.grade());
        assertEquals("IRQ", callTimer.stack());
        Frame idleCall = frames.get(13);
        assertEquals("default_idle_call", idleCall.function());
        assertEquals(Reliability.AFTER_STACK_SWITCH, idleCall.grade());
        assertEquals("TASK", idleCall.stack());
        Frame unknown = frames.get(12);
        assertEquals(Reliability.UNSYMBOLISED, unknown.grade());
        assertEquals(OptionalLong.of(0xffffffffc0a21000L), unknown.address());
        assertEquals("mydrv", frames.get(4).module().orElseThrow());
    }

    @Test
    void codeBytesDecodeFromTheMarkedByteRelativeToRip() throws IOException {
        Incident oops = parse(resource(NULL_DEREF)).incidents().get(0);
        assertEquals(3, oops.registers().size(), "faulting, interrupted idle task, repeat after the end marker");
        assertEquals(
                "0010:mydrv_timer_fn+0x1d/0x40 [mydrv]", oops.registers().get(0).instructionPointer());
        assertEquals("0000000000000000", oops.registers().get(0).values().get("RAX"));
        assertEquals("0018:ffffb4e2c0154ef0", oops.registers().get(0).values().get("RSP"));
        CodeBytes code = oops.code().get(0);
        assertEquals(42, code.ipOffset());
        assertEquals(OptionalLong.empty(), code.ipAddress());
        assertEquals(
                List.of("movq $0x0,0x8(%rax)", "pop %rbx", "pop %rbp", "jmp 0xf"),
                texts(code.decoded()).subList(0, 4));
        assertEquals(List.of("ret", "int3"), texts(oops.code().get(1).decoded()).subList(0, 2));
    }

    @Test
    void oldKernelBugKeepsAddressesAndDecodesTheUd2AtRip() throws IOException {
        KernelLog log = parse(resource(OLD_BUG));
        assertEquals(List.of(), log.problems());
        Incident bug = log.incidents().get(0);
        assertEquals(IncidentKind.BUG, bug.kind());
        assertEquals("kernel BUG at mm/slab.c:3111!", bug.headline());
        Task task = bug.task().orElseThrow();
        assertEquals("swapper/1", task.comm());
        assertEquals(EnumSet.of(TaintFlag.WARN), task.taint().flags());
        assertEquals(
                OptionalLong.of(0xffffffff810ec7a3L), bug.registers().get(0).address());
        CodeBytes code = bug.code().get(0);
        assertEquals(
                List.of("ud2", "jmp 0xffffffff810ec7a5"), texts(code.decoded()).subList(0, 2));
        assertEquals(List.of("<IRQ>", "<EOI>"), bug.stackSwitches());
        List<Frame> frames = bug.frames();
        assertEquals(7, frames.size());
        assertEquals(OptionalLong.of(0xffffffff810ecb2cL), frames.get(0).address());
        assertEquals(Reliability.UNSYMBOLISED, frames.get(2).grade());
        assertEquals(Reliability.RELIABLE, frames.get(3).grade());
        assertEquals(Reliability.GUESSED, frames.get(4).grade());
        assertEquals(Reliability.AFTER_STACK_SWITCH, frames.get(5).grade());
    }
}
