package dev.trestle.trace.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.trace.strace.StraceParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompilerReadsTest {
    private static final Path ROOT = Path.of("/p");

    private static List<CompiledUnit> read(String log) throws IOException {
        CompilerReads reads = new CompilerReads(ROOT);
        StraceParser.create().parse(new StringReader(log), reads);
        return reads.units();
    }

    @Test
    void childOfVforkInheritsTheCwdItsParentChangedToBeforeTheVforkReturned() throws IOException {
        // make -C sub, then gcc; cc1's calls come before gcc's vfork returns, as real logs print them
        String log = """
                10 chdir("sub") = 0
                10 vfork( <unfinished ...>
                11 execve("/usr/bin/gcc", ["gcc", "-c", "a.c"], 0x1 /* 3 vars */) = 0
                11 vfork( <unfinished ...>
                12 execve("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ["/usr/lib/gcc/x86_64-linux-gnu/12"..., "a.c", "-dumpbase", "a.c", "-o", "/tmp/x.s"], 0x1 /* 3 vars */) = 0
                12 openat(AT_FDCWD, "a.c", O_RDONLY|O_NOCTTY) = 3
                12 openat(AT_FDCWD, "inc/a.h", O_RDONLY|O_NOCTTY) = 3
                12 openat(AT_FDCWD, "/usr/include/stdio.h", O_RDONLY|O_NOCTTY) = 3
                12 openat(AT_FDCWD, "missing.h", O_RDONLY|O_NOCTTY) = -1 ENOENT (No such file or directory)
                12 openat(AT_FDCWD, "a.d", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4
                12 +++ exited with 0 +++
                11 <... vfork resumed>) = 12
                11 +++ exited with 0 +++
                10 <... vfork resumed>) = 11
                """;
        List<CompiledUnit> units = read(log);
        assertEquals(1, units.size(), units.toString());
        assertEquals(Path.of("/p/sub/a.c"), units.get(0).unit());
        assertEquals(Set.of(Path.of("/p/sub/inc/a.h")), units.get(0).opened());
        assertEquals(List.of(12), units.get(0).pids());
    }

    @Test
    void argumentCutByStraceFallsBackToTheFirstSourceTheCompilerOpened() throws IOException {
        String log = """
                20 execve("/usr/bin/cc", ["cc", "-c", "/p/a/very/long/directory/name/s"..., "-o", "x.o"], 0x1 /* 3 vars */) = 0
                20 openat(AT_FDCWD, "/p/a/very/long/directory/name/src.c", O_RDONLY) = 3
                20 openat(AT_FDCWD, "/p/h.h", O_RDONLY) = 3
                """;
        List<CompiledUnit> units = read(log);
        assertEquals(
                Path.of("/p/a/very/long/directory/name/src.c"), units.get(0).unit());
        assertEquals(Set.of(Path.of("/p/h.h")), units.get(0).opened());
    }

    @Test
    void driverOfTwoUnitsLeavesEachToItsCompilerChild() throws IOException {
        String log = """
                30 execve("/usr/bin/gcc", ["gcc", "-c", "a.c", "b.c"], 0x1 /* 3 vars */) = 0
                30 openat(AT_FDCWD, "/p/driver.h", O_RDONLY) = 3
                30 vfork() = 31
                31 execve("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ["cc1", "a.c"], 0x1 /* 3 vars */) = 0
                31 openat(AT_FDCWD, "/p/a.h", O_RDONLY) = 3
                30 vfork() = 32
                32 execve("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", ["cc1", "b.c"], 0x1 /* 3 vars */) = 0
                32 openat(AT_FDCWD, "/p/b.h", O_RDONLY) = 3
                30 vfork() = 33
                33 execve("/usr/bin/as", ["as", "-o", "a.o", "/tmp/x.s"], 0x1 /* 3 vars */) = 0
                33 openat(AT_FDCWD, "/p/not-a-header.h", O_RDONLY) = 3
                """;
        List<CompiledUnit> units = read(log);
        assertEquals(2, units.size(), units.toString());
        assertEquals(Set.of(Path.of("/p/a.h")), units.get(0).opened());
        assertEquals(Set.of(Path.of("/p/b.h")), units.get(1).opened());
    }

    @Test
    void decoratedPathsAndDirectoryDescriptorsPlaceRelativeOpens() throws IOException {
        String log = """
                40 openat(AT_FDCWD</p/x>, "dir", O_RDONLY|O_DIRECTORY) = 3</p/x/dir>
                40 fchdir(3</p/x/dir>) = 0
                40 execve("/usr/bin/clang", ["clang", "-c", "m.c"], 0x1 /* 3 vars */) = 0
                40 openat(5, "ignored.h", O_RDONLY) = 4
                40 openat(AT_FDCWD, "m.h", O_RDONLY) = 4
                """;
        CompilerReads reads = new CompilerReads(ROOT);
        StraceParser.create().parse(new StringReader(log), reads);
        List<CompiledUnit> units = reads.units();
        assertEquals(Path.of("/p/x/dir/m.c"), units.get(0).unit());
        assertEquals(Set.of(Path.of("/p/x/dir/m.h")), units.get(0).opened());
        assertEquals(1, reads.unresolvedOpens(), "openat relative to a descriptor the log never opened");
    }

    @Test
    void argvKeepsEscapesAndMarksCutArguments() {
        List<String> argv =
                Argv.parse("\"/bin/cc\", [\"cc\", \"a\\\"b.c\", \"\\303\\251.c\", \"long\"..., \"x\"], 0x1");
        assertEquals(java.util.Arrays.asList("cc", "a\"b.c", "é.c", null, "x"), argv);
    }
}
