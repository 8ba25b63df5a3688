package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.internal.xref.SymbolIndexServiceImpl;
import dev.trestle.trace.kernel.Frame;
import dev.trestle.trace.kernel.Reliability;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel frame leads to its function's definition in the open project, through the editor's symbol index. */
class FrameSourcesSwtTest {
    @TempDir
    Path temp;

    @Test
    void aFrameOpensTheDefinitionOfItsFunctionAtItsLine() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("linux/kernel/trace"));
        Files.writeString(
                tree.resolve("ftrace.c"),
                "#include <linux/ftrace.h>\n\nstatic int counter;\n\nvoid ftrace_bug(int failed, unsigned long ip)\n"
                        + "{\n\tcounter++;\n}\n");
        FrameSources sources = new FrameSources();
        sources.setSymbols(new SymbolIndexServiceImpl());
        Frame frame = new Frame(
                12,
                OptionalLong.of(0xffffffff810b31c4L),
                Optional.of("ftrace_bug+0x94/0x150"),
                Optional.empty(),
                "",
                Reliability.RELIABLE,
                "");
        try (WorkbenchFixture window = WorkbenchFixture.open(temp.resolve("state"))) {
            window.openProject(temp.resolve("linux"));
            sources.open(frame, window.context());
            window.pumpUntil(
                    () -> window.context().activeFile().isPresent(), "the definition to open", Duration.ofSeconds(30));
            assertEquals(tree.resolve("ftrace.c"), window.context().activeFile().orElseThrow());
            assertEquals("ftrace.c", window.activeTabTitle());

            Frame unknown = new Frame(
                    13,
                    OptionalLong.empty(),
                    Optional.of("no_such_function+0x1/0x2"),
                    Optional.empty(),
                    "",
                    Reliability.GUESSED,
                    "");
            sources.open(unknown, window.context());
            window.pumpUntil(
                    () -> window.lastError() != null && window.lastError().contains("no_such_function"),
                    "the message that the function is not in the project",
                    Duration.ofSeconds(30));
            assertTrue(window.lastError().startsWith("No definition of no_such_function in "), window.lastError());
        }
    }
}
