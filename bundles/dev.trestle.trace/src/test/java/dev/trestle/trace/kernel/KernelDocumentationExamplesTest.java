package dev.trestle.trace.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.kernel.DocumentationExamples.Block;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example oopses, warnings and splats in {@code Documentation/} of Debian's {@code linux-source-6.1}, fetched and
 * cached by {@link KernelDocumentation} (skipped where that cannot be done).
 */
class KernelDocumentationExamplesTest {
    private static List<Block> reports;

    private static synchronized List<Block> reports() {
        if (reports == null) {
            Path root = KernelDocumentation.documentation();
            reports = DocumentationExamples.reports(root);
            long files = reports.stream().map(Block::file).distinct().count();
            long oopses = reports.stream().filter(Block::oops).count();
            System.out.printf(
                    "kernel Documentation examples: %d blocks with a report in %d files (of %d rst/txt files);"
                            + " %d with a header and frames%n",
                    reports.size(), files, DocumentationExamples.files(root).size(), oopses);
        }
        return reports;
    }

    private static KernelLog parse(Block block) throws IOException {
        return KernelLogParser.parse(new StringReader(block.text()));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleParsesWithoutThrowing() {
        return reports().stream()
                .map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
                    KernelLog log = assertDoesNotThrow(() -> parse(block));
                    assertEquals(block.text().lines().count(), log.lines(), "every line read");
                    System.out.printf(
                            "  %-45s oops=%-5s incidents=%d frames=%s problems=%d other=%d%n",
                            block,
                            block.oops(),
                            log.incidents().size(),
                            log.incidents().stream().map(i -> i.frames().size()).toList(),
                            log.problems().size(),
                            log.otherLines());
                    for (Problem p : log.problems()) {
                        System.out.println("     problem " + p);
                    }
                    if (block.oops()) {
                        assertFalse(log.incidents().isEmpty(), "no incident in " + block);
                        assertTrue(
                                log.incidents().stream()
                                        .anyMatch(i -> !i.frames().isEmpty()),
                                "no incident with frames in " + block);
                    }
                }));
    }

    @Test
    void examplesAreFoundInSeveralFiles() {
        List<Block> all = reports();
        assertTrue(all.stream().map(Block::file).distinct().count() >= 8, "files: " + all);
        assertTrue(all.stream().filter(Block::oops).count() >= 10, "oopses: " + all);
    }

    /** The block of {@code file} whose text contains {@code marker}, parsed. */
    private static KernelLog example(String file, String marker) throws IOException {
        Block block = reports().stream()
                .filter(b -> b.file().equals(file) && b.text().contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no block with '" + marker + "' in " + file));
        return parse(block);
    }

    private static Incident only(KernelLog log) {
        assertEquals(1, log.incidents().size(), () -> "incidents: " + log.incidents());
        return log.incidents().get(0);
    }

    private static List<String> functions(Incident incident) {
        return incident.frames().stream().map(Frame::function).toList();
    }

    /** admin-guide/bug-hunting.rst: the i386 {@code module_put} warning, every one of its 23 frames a guess. */
    @Test
    void bugHuntingWarningOnRmmod() throws IOException {
        KernelLog log = example("admin-guide/bug-hunting.rst", "kernel/module.c:1108 module_put+0x57/0x70");
        assertEquals(List.of(), log.problems(), "the raw stack words before Call Trace: belong to the report");
        Incident warning = only(log);
        assertEquals(IncidentKind.WARNING, warning.kind());
        assertEquals("WARNING: CPU: 1 PID: 28102 at kernel/module.c:1108 module_put+0x57/0x70", warning.headline());
        assertTrue(warning.complete(), "ends with ---[ end trace 6ebc60ef3981792f ]---");
        Task task = warning.task().orElseThrow();
        assertEquals(OptionalInt.of(1), task.cpu());
        assertEquals(28102, task.pid());
        assertEquals("rmmod", task.comm());
        assertEquals("4.8.4-build.1", task.kernelRelease());
        assertEquals(
                EnumSet.of(TaintFlag.PROPRIETARY_MODULE, TaintFlag.WARN, TaintFlag.CRAP, TaintFlag.OOT_MODULE),
                task.taint().flags());
        assertEquals("", task.taint().unknown());
        assertEquals(
                "MSI MS-7309/MS-7309, BIOS V1.12 02/23/2009", warning.hardware().orElseThrow());
        assertEquals(Optional.of("rc_core"), warning.lastUnloaded());
        assertEquals(15, warning.modules().size());
        assertEquals("dvb_usb_gp8psk", warning.modules().get(0).name());
        assertTrue(warning.modules().get(0).unloading(), "dvb_usb_gp8psk(-)");
        assertEquals(23, warning.frames().size());
        assertTrue(warning.frames().stream().allMatch(f -> f.grade() == Reliability.GUESSED), "all 23 are '?'");
        Frame first = warning.frames().get(0);
        assertEquals(OptionalLong.of(0xc12ba080L), first.address());
        assertEquals(Optional.of("dump_stack+0x44/0x64"), first.symbol());
        assertEquals(Optional.of("dvb_usb_gp8psk"), warning.frames().get(6).module());
        assertEquals("sysenter_past_esp", functions(warning).get(22));
        assertEquals(List.of(), warning.registers(), "a warning on i386 4.8 prints no EIP");
        assertEquals(List.of(), warning.code());
    }

    /** admin-guide/tainted-kernels.rst: BUG + Oops of a proprietary test module; RIP, no trace ({@code [...]}). */
    @Test
    void taintedKernelsNullDereference() throws IOException {
        KernelLog log = example("admin-guide/tainted-kernels.rst", "my_oops_init");
        Incident bug = only(log);
        assertEquals(IncidentKind.BUG, bug.kind());
        assertTrue(bug.details().contains("Oops: 0002 [#1] SMP PTI"), "the Oops line joins the BUG");
        assertFalse(bug.complete(), "the example is cut at [...]");
        Task task = bug.task().orElseThrow();
        assertEquals(4424, task.pid());
        assertEquals("insmod", task.comm());
        assertEquals("4.20.0-0.rc6.fc30", task.kernelRelease());
        // the text below the example spells it out: P, W and O
        assertEquals(
                EnumSet.of(TaintFlag.PROPRIETARY_MODULE, TaintFlag.WARN, TaintFlag.OOT_MODULE),
                task.taint().flags());
        assertEquals(1, bug.registers().size());
        assertTrue(bug.registers().get(0).instructionPointer().contains("my_oops_init+0x13/0x1000 [kpanic]"));
        assertEquals(List.of(), bug.frames());
        assertEquals(List.of(), bug.code());
        assertEquals(1, log.problems().size(), "the elision [...] is reported, not thrown");
        assertEquals("[...]", log.problems().get(0).text().strip());
    }

    /** dev-tools/kasan.rst: call trace, user RIP and registers, then the allocation and free stacks. */
    @Test
    void kasanSlabOutOfBounds() throws IOException {
        KernelLog log = example("dev-tools/kasan.rst", "BUG: KASAN: slab-out-of-bounds");
        Incident bug = only(log);
        assertEquals(IncidentKind.BUG, bug.kind());
        assertEquals("BUG: KASAN: slab-out-of-bounds in kmalloc_oob_right+0xa8/0xbc [test_kasan]", bug.headline());
        Task task = bug.task().orElseThrow();
        assertEquals(OptionalInt.of(1), task.cpu());
        assertEquals(2760, task.pid());
        assertEquals("insmod", task.comm());
        assertFalse(task.taint().tainted());
        assertEquals("4.19.0-rc3+", task.kernelRelease());
        // 13 in Call Trace:, 12 under "Allocated by task 2760:", 7 under "Freed by task 815:"
        assertEquals(32, bug.frames().size());
        assertEquals("dump_stack", functions(bug).get(0));
        assertEquals(Optional.of("test_kasan"), bug.frames().get(4).module());
        assertEquals("entry_SYSCALL_64_after_hwframe", functions(bug).get(12));
        assertEquals("save_stack", functions(bug).get(13));
        assertEquals("ret_from_fork", functions(bug).get(31));
        assertTrue(bug.frames().stream().noneMatch(f -> f.grade() == Reliability.GUESSED), "no '?' frames");
        assertTrue(bug.details().contains("Allocated by task 2760:"));
        assertTrue(bug.details().contains("Freed by task 815:"));
        assertEquals(1, bug.registers().size());
        RegisterDump rip = bug.registers().get(0);
        assertEquals("0033:0x7f96443109da", rip.instructionPointer());
        assertEquals("00000000000000af", rip.values().get("ORIG_RAX"));
        assertEquals("0000000000000000", rip.values().get("R15"));
        assertEquals(List.of(), bug.code());
        // shadow-memory dump, object description: KASAN's own lines, counted
        assertTrue(
                log.problems().stream().anyMatch(p -> p.text().contains("Write of size 1 at addr ffff8801f44ec37b")));
    }

    /** dev-tools/kcsan.rst: a data race, two stacks under their access lines, no Call Trace: at all. */
    @Test
    void kcsanDataRace() throws IOException {
        KernelLog log = example("dev-tools/kcsan.rst", "data-race in test_kernel_read / test_kernel_write");
        Incident race = only(log);
        assertEquals(IncidentKind.BUG, race.kind());
        assertEquals(
                List.of(
                        "test_kernel_write",
                        "access_thread",
                        "kthread",
                        "ret_from_fork",
                        "test_kernel_read",
                        "access_thread",
                        "kthread",
                        "ret_from_fork"),
                functions(race));
        assertTrue(race.details().contains("read to 0xffffffffc009a628 of 8 bytes by task 488 on cpu 6:"));
        Task task = race.task().orElseThrow();
        assertEquals(OptionalInt.of(6), task.cpu());
        assertEquals(488, task.pid());
        assertEquals("access_thread", task.comm());
        assertFalse(task.taint().tainted());
        assertEquals(List.of(), race.registers());
    }

    /** dev-tools/kfence.rst: out-of-bounds read, the access stack and the allocation stack. */
    @Test
    void kfenceOutOfBoundsRead() throws IOException {
        KernelLog log = example("dev-tools/kfence.rst", "BUG: KFENCE: out-of-bounds read");
        Incident bug = only(log);
        assertEquals("BUG: KFENCE: out-of-bounds read in test_out_of_bounds_read+0xa6/0x234", bug.headline());
        assertEquals(11, bug.frames().size(), "5 of the access, 6 of the allocation");
        assertEquals("test_out_of_bounds_read", functions(bug).get(0));
        assertEquals("test_alloc", functions(bug).get(5));
        Task task = bug.task().orElseThrow();
        assertEquals(484, task.pid());
        assertEquals("kunit_try_catch", task.comm());
        assertEquals("5.13.0-rc3+", task.kernelRelease());
        assertTrue(log.problems().stream().anyMatch(p -> p.text().startsWith("kfence-#72:")));
    }

    /** core-api/dma-api.rst: a 2.6.28 warning in an interrupt, with lines the doc's author wrapped. */
    @Test
    void dmaDebugWarningInIrq() throws IOException {
        KernelLog log = example("core-api/dma-api.rst", "lib/dma-debug.c:448");
        Incident warning = only(log);
        assertEquals(IncidentKind.WARNING, warning.kind());
        Task task = warning.task().orElseThrow();
        assertEquals(OptionalInt.empty(), task.cpu(), "the old Pid:/comm: form");
        assertEquals(0, task.pid());
        assertEquals("swapper", task.comm());
        assertEquals(EnumSet.of(TaintFlag.WARN), task.taint().flags());
        assertEquals(
                List.of("nfsd", "exportfs", "bridge", "stp", "llc", "r8169"),
                warning.modules().stream().map(LoadedModule::name).toList());
        assertEquals(Optional.of(""), warning.hardware(), "an empty 'Hardware name:'");
        assertEquals(19, warning.frames().size());
        Frame first = warning.frames().get(0);
        assertEquals("warn_slowpath", first.function());
        assertEquals("IRQ", first.stack(), "<IRQ> stands before the first frame on its line");
        assertEquals(OptionalLong.of(0xffffffff80240b22L), first.address());
        assertEquals("ret_from_intr", functions(warning).get(18));
        assertTrue(warning.frames().stream().noneMatch(f -> f.grade() == Reliability.GUESSED));
        // the wrapped continuation lines are the doc's, not the kernel's: reported, never thrown
        assertTrue(log.problems().stream().anyMatch(p -> p.text().strip().equals("check_unmap+0x203/0x490()")));
    }

    /** RCU/lockdep-splat.rst: the doc splits the splat; the header block alone still makes a warning. */
    @Test
    void lockdepSplatHeader() throws IOException {
        KernelLog log = example("RCU/lockdep-splat.rst", "WARNING: suspicious RCU usage");
        Incident warning = only(log);
        assertEquals(IncidentKind.WARNING, warning.kind());
        assertEquals("WARNING: suspicious RCU usage", warning.headline());
        assertEquals(List.of(), warning.frames());
    }
}
