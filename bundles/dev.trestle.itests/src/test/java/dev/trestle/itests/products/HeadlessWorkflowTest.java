package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow headless, as the shipped script runs it with {@code ./trestle} commands only: generate, build,
 * a dependency broken on purpose, build under strace, the audit's finding and its fix, a clean rebuild, backup and
 * verify, a clean behind the safety net, and the saved versions of an edited file.
 */
class HeadlessWorkflowTest {
    private static final Path SCRIPT = TrestleProcess.REPOSITORY.resolve("product/workflow/headless-workflow.sh");

    @TempDir
    Path home;

    @Test
    void theWorkflowScriptRunsToTheEndOnTheDemoProject() throws Exception {
        Process probe = new ProcessBuilder("strace", "-f", "-o", "/dev/null", "true")
                .redirectErrorStream(true)
                .start();
        assumeTrue(probe.waitFor() == 0, "strace cannot trace here (no ptrace); the workflow builds under strace");

        Path output = home.resolve("workflow.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", SCRIPT.toString(), home.resolve("work").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        builder.environment().put("TRESTLE_NO_BUILD", "1");
        builder.environment().put("TRESTLE_JAVA_OPTIONS", "-Dtrestle.backup.staging=" + home.resolve("staging"));
        Process workflow = builder.start();
        boolean ended = workflow.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            workflow.descendants().forEach(ProcessHandle::destroyForcibly);
            workflow.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the workflow did not end in 300 s:\n" + log);
        assertEquals(0, workflow.exitValue(), log);
        for (String expected : List.of(
                "missing: src/main.c opened vendor/wordfreq_banner.h, not declared by build/linux-gcc/Makefile",
                "applied fix: add 'vendor' to the include paths of target main",
                "0 missing dependencies",
                "read back from the device",
                "is older than the last change: 1 changed since (src/options.c)",
                "workflow complete")) {
            assertTrue(log.contains(expected), "no '" + expected + "' in:\n" + log);
        }
        Path project = home.resolve("work/demo");
        assertTrue(Files.isRegularFile(project.resolve("src/options.c")));
        assertTrue(Files.isRegularFile(project.resolve("build/linux-gcc/Makefile")), "clean keeps the makefile");
    }
}
