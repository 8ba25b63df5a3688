package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LexersTest {
    @Test
    void cKeywordsTypesPreprocessorStringsCharsCommentsAndNumbers() throws Exception {
        String code =
                "#include <stdio.h>\nstatic int f(void) { /* say \"hi\" */ return puts(\"a/*b\") + 'x' + 0x1fUL; }\n";
        List<String> tokens = Tokens.of(Language.C, code);
        assertTrue(tokens.contains("PREPROCESSOR:#include <stdio.h>"), tokens.toString());
        assertTrue(tokens.contains("KEYWORD:static"), tokens.toString());
        assertTrue(tokens.contains("TYPE:int"), tokens.toString());
        assertTrue(tokens.contains("COMMENT:/* say \"hi\" */"), tokens.toString());
        assertTrue(tokens.contains("STRING:\"a/*b\""), "a comment opener inside a string stays a string: " + tokens);
        assertTrue(tokens.contains("CHAR:'x'"), tokens.toString());
        assertTrue(tokens.contains("NUMBER:0x1fUL"), tokens.toString());
        assertTrue(tokens.contains("PLAIN:puts"), tokens.toString());
    }

    @Test
    void keywordInsideAnIdentifierIsNotColoured() throws Exception {
        assertEquals(Style.PLAIN, Tokens.styleOf(Language.C, "int do_if_return;", "do_if_return"));
    }

    @Test
    void blockCommentSpansLinesAndContinuedMacroStaysPreprocessor() throws Exception {
        List<String> tokens = Tokens.of(Language.C, "/* one\n two */ x;\n#define M(a) \\\n  (a)\nint y;");
        assertTrue(tokens.contains("COMMENT:/* one\n two */"), tokens.toString());
        assertTrue(tokens.contains("PREPROCESSOR:#define M(a) \\\n  (a)"), tokens.toString());
        assertTrue(tokens.contains("TYPE:int"), tokens.toString());
    }

    @Test
    void objectiveCAndCppKeywords() throws Exception {
        assertEquals(Style.KEYWORD, Tokens.styleOf(Language.C, "@interface Foo : NSObject\n@end", "@interface"));
        assertEquals(Style.KEYWORD, Tokens.styleOf(Language.C, "template <typename T> class X;", "typename"));
    }

    @Test
    void javaKeywordsAnnotationsAndTextBlocks() throws Exception {
        List<String> tokens = Tokens.of(Language.JAVA, "@Override public String s() { return \"\"\"\n  x\n  \"\"\"; }");
        assertTrue(tokens.contains("PREPROCESSOR:@Override"), tokens.toString());
        assertTrue(tokens.contains("KEYWORD:public"), tokens.toString());
        assertTrue(tokens.contains("TYPE:String"), tokens.toString());
        assertTrue(tokens.contains("STRING:\"\"\"\n  x\n  \"\"\""), tokens.toString());
    }

    @Test
    void makefileVariablesTargetsDirectivesAndComments() throws Exception {
        List<String> tokens = Tokens.of(
                Language.MAKE, "ifeq ($(CC),gcc)\nall: $(patsubst %.c,%.o,$(SRC)) # build\n\t$(CC) -o $@ $^\nendif\n");
        assertTrue(tokens.contains("KEYWORD:ifeq"), tokens.toString());
        assertTrue(tokens.contains("VARIABLE:$(patsubst %.c,%.o,$(SRC))"), tokens.toString());
        assertTrue(tokens.contains("TYPE:all"), tokens.toString());
        assertTrue(tokens.contains("COMMENT:# build"), tokens.toString());
        assertTrue(tokens.contains("VARIABLE:$@"), tokens.toString());
        assertTrue(tokens.contains("KEYWORD:endif"), tokens.toString());
    }

    @Test
    void shellCommentsAreNotConfusedWithArgumentCount() throws Exception {
        List<String> tokens = Tokens.of(Language.SHELL, "if [ $# -gt 0 ]; then echo \"${1:-x}\" # say\nfi");
        assertTrue(tokens.contains("KEYWORD:if"), tokens.toString());
        assertTrue(tokens.contains("VARIABLE:$#"), tokens.toString());
        assertTrue(tokens.contains("STRING:\"${1:-x}\""), tokens.toString());
        assertTrue(tokens.contains("COMMENT:# say"), tokens.toString());
        assertTrue(tokens.contains("KEYWORD:fi"), tokens.toString());
    }

    @Test
    void straceSyscallsErrorsAndSignals() throws Exception {
        String log = "1234  openat(AT_FDCWD, \"/etc/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n"
                + "1234  --- SIGCHLD {si_signo=SIGCHLD} ---\n1234  +++ exited with 0 +++\n"
                + "1235  read(3, <unfinished ...>\n";
        List<String> tokens = Tokens.of(Language.STRACE, log);
        assertTrue(tokens.contains("SYSCALL:openat"), tokens.toString());
        assertTrue(tokens.contains("STRING:\"/etc/x\""), tokens.toString());
        assertTrue(tokens.contains("ERROR:= -1"), tokens.toString());
        assertTrue(tokens.contains("ERROR:ENOENT"), tokens.toString());
        assertTrue(tokens.contains("SIGNAL:--- SIGCHLD {si_signo=SIGCHLD} ---"), tokens.toString());
        assertTrue(tokens.contains("SIGNAL:+++ exited with 0 +++"), tokens.toString());
        assertTrue(tokens.contains("COMMENT:<unfinished ...>"), tokens.toString());
        assertEquals(Style.PLAIN, Tokens.styleOf(Language.STRACE, "x(O_RDONLY)", "O_RDONLY"));
    }

    @Test
    void kernelLogWarningsBugsFramesAndAddresses() throws Exception {
        String log = "[   12.345678] WARNING: CPU: 1 PID: 42 at drivers/x.c:12 probe+0x12/0x40\n"
                + "[   12.345679] Call Trace:\n[   12.345680]  ? __warn+0x81/0x130\n"
                + "[   12.345681]  do_one+0x1a/0x40\n[   13.000000] BUG: kernel NULL pointer dereference\n"
                + "[   13.000001] RIP: 0010:ffffffffc0a01234\n";
        List<String> tokens = Tokens.of(Language.KERNEL_LOG, log);
        assertTrue(tokens.contains("NUMBER:[   12.345678]"), tokens.toString());
        assertTrue(
                tokens.contains("WARNING:WARNING: CPU: 1 PID: 42 at drivers/x.c:12 probe+0x12/0x40"),
                tokens.toString());
        assertTrue(tokens.contains("KEYWORD:Call Trace:"), tokens.toString());
        assertTrue(tokens.contains("COMMENT:? __warn+0x81/0x130"), tokens.toString());
        assertTrue(tokens.contains("SYSCALL:do_one"), tokens.toString());
        assertTrue(tokens.contains("ADDRESS:0x1a"), tokens.toString());
        assertTrue(tokens.contains("ERROR:BUG: kernel NULL pointer dereference"), tokens.toString());
        assertTrue(tokens.contains("ADDRESS:ffffffffc0a01234"), tokens.toString());
    }

    @Test
    void scannerFedOneCharacterAtATimeAgreesWithTheWholeLine() throws Exception {
        // the reconciler re-scans damaged lines: scanning a prefix must never swallow the text after it
        String line = "int x = 0x10; // c";
        for (int end = 1; end <= line.length(); end++) {
            List<String> tokens = Tokens.of(Language.C, line.substring(0, end));
            assertTrue(String.join("", tokens).length() > 0, "tokens of " + line.substring(0, end));
        }
    }

    @Test
    void fileNamesChooseTheLanguage() {
        assertEquals(Language.C, Language.of(Path.of("src/main.c")));
        assertEquals(Language.C, Language.of(Path.of("x/View.mm")));
        assertEquals(Language.C, Language.of(Path.of("include/wordfreq.h")));
        assertEquals(Language.MAKE, Language.of(Path.of("Makefile")));
        assertEquals(Language.MAKE, Language.of(Path.of("rules.mk")));
        assertEquals(Language.SHELL, Language.of(Path.of("configure.sh")));
        assertEquals(Language.JAVA, Language.of(Path.of("A.java")));
        assertEquals(Language.STRACE, Language.of(Path.of("run.strace")));
        assertEquals(Language.KERNEL_LOG, Language.of(Path.of("dmesg.txt")));
        assertEquals(Language.TEXT, Language.of(Path.of("README")));
        assertEquals(Language.TEXT, Language.of(Path.of("build.log")));
        assertNull(Language.of(Path.of("logo.png")));
    }
}
