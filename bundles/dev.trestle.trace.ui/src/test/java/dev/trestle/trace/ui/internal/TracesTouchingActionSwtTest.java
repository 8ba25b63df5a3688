package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the file in the editor to the newest traced build that touched it, shown in the Trace view. */
class TracesTouchingActionSwtTest {
    @TempDir
    Path temp;

    @Test
    void theNewestTraceThatOpenedTheActiveFileOpensInTheTraceView() throws Exception {
        Path project = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        Path header = project.resolve("lib/text/counter.h");
        Path traces = Files.createDirectories(project.resolve("build/traces"));
        Path log = traces.resolve("build-20261126-120000.strace");
        Files.writeString(
                log,
                "4242  execve(\"/usr/bin/cc\", [\"cc\", \"-c\", \"lib/text/counter.c\"], 0x7ffd /* 20 vars */) = 0\n"
                        + "4242  openat(AT_FDCWD, \"" + header + "\", O_RDONLY|O_NOCTTY) = 3\n"
                        + "4242  +++ exited with 0 +++\n");
        TraceLogs logs = new TraceLogs();
        TraceView view = new TraceView(logs);
        TracesTouchingAction action = new TracesTouchingAction(logs);
        try (WorkbenchFixture window = WorkbenchFixture.open(temp.resolve("state"), view, action)) {
            window.openProject(project);
            window.showView(view);
            window.openFile(project.resolve("src/options.c"), 0);
            action.run(window.context());
            assertTrue(window.lastError().startsWith("No trace in "), window.lastError());

            window.openFile(header, 0);
            action.run(window.context());
            assertEquals(List.of(log), action.lastFound());
            window.pumpUntil(
                    () -> view.panel().headerText().contains(log.getFileName().toString())
                            && !view.panel().headerText().startsWith("Reading"),
                    "the log in the Trace view");
        }
    }
}
