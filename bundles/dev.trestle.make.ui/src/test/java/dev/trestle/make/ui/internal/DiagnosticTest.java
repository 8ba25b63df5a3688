package dev.trestle.make.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.model.Severity;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
    private static final Path ROOT = Path.of("/p/wordfreq");
    private static final Path BUILD = ROOT.resolve("build/linux-gcc");

    @Test
    void gccErrorRelativeToTheBuildDirectoryBecomesAProjectPath() {
        Diagnostic d = Diagnostic.parse(
                        "../../src/main.c:12:13: error: expected expression before ';' token", BUILD, ROOT)
                .orElseThrow();
        assertEquals(new Diagnostic("src/main.c", 12, Severity.ERROR, "expected expression before ';' token"), d);
    }

    @Test
    void warningsFatalErrorsAbsolutePathsAndNoColumn() {
        assertEquals(
                Severity.WARNING,
                Diagnostic.parse("/p/wordfreq/lib/text/counter.c:3:1: warning: unused", BUILD, ROOT)
                        .orElseThrow()
                        .severity());
        Diagnostic fatal = Diagnostic.parse("../../src/a.c:1:10: fatal error: x.h: No such file", BUILD, ROOT)
                .orElseThrow();
        assertEquals(Severity.ERROR, fatal.severity());
        assertEquals("x.h: No such file", fatal.message());
        assertEquals(
                7,
                Diagnostic.parse("src/b.c:7: error: old style", ROOT, ROOT)
                        .orElseThrow()
                        .line());
    }

    @Test
    void otherLinesAndFilesOutsideTheProjectAreIgnored() {
        assertEquals(Optional.empty(), Diagnostic.parse("gcc -c -o main.o ../../src/main.c", BUILD, ROOT));
        assertEquals(Optional.empty(), Diagnostic.parse("../../src/main.c: In function 'main':", BUILD, ROOT));
        assertEquals(Optional.empty(), Diagnostic.parse("/usr/include/stdio.h:3:1: warning: x", BUILD, ROOT));
        assertTrue(Diagnostic.parse("   12 |     int x = ;", BUILD, ROOT).isEmpty());
    }
}
