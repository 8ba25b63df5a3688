package dev.trestle.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.command.ExitStatus;
import dev.trestle.model.store.ProjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The core's Gogo commands, run by Gogo itself inside the framework. */
class GogoCommandsInFrameworkTest {
    private final BundleContext context =
            FrameworkUtil.getBundle(GogoCommandsInFrameworkTest.class).getBundleContext();

    @Test
    void projectInitWritesTheProjectFileAndShowReadsIt() throws Exception {
        Path root = Files.createTempDirectory("trestle gogo $dir");
        Files.writeString(root.resolve("a.c"), "int a;\n");
        try (CommandSession session = session()) {
            session.put("dir", root.toString());

            Object written = session.execute("project:init $dir");
            Object shown = session.execute("project:show $dir");

            assertTrue(Files.isRegularFile(ProjectStore.fileOf(root)));
            assertTrue(written.toString().contains("1 files"), written.toString());
            assertTrue(shown.toString().contains("1 c"), shown.toString());
        }
    }

    @Test
    void showOfADirectoryWithoutProjectIsAUsageFailure() throws Exception {
        Path root = Files.createTempDirectory("trestle-empty");
        try (CommandSession session = session()) {
            session.put("dir", root.toString());

            CommandFailure failure = assertThrows(CommandFailure.class, () -> session.execute("project:show $dir"));

            assertEquals(ExitStatus.USAGE, failure.status());
            assertTrue(failure.getMessage().contains("project init"), failure.getMessage());
        }
    }

    @Test
    void systemCheckFindsTheFrameworkHealthy() throws Exception {
        try (CommandSession session = session()) {
            Object report = session.execute("system:check");
            assertTrue(report.toString().contains("all active and satisfied"), report.toString());
        }
    }

    private CommandSession session() throws InterruptedException {
        ServiceTracker<CommandProcessor, CommandProcessor> tracker =
                new ServiceTracker<>(context, CommandProcessor.class, null);
        tracker.open();
        CommandProcessor processor = tracker.waitForService(5_000);
        assertNotNull(processor, "Gogo runs");
        return processor.createSession(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }
}
