package dev.trestle.make.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.jobs.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeRunTest {
    @TempDir
    Path root;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Progress progress = new Progress() {
        @Override
        public void begin(String task, long totalWork) {}

        @Override
        public void worked(long units) {}

        @Override
        public void step(String description) {}

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    };

    @Test
    void streamsLinesAndCollectsDiagnostics() throws Exception {
        Path build = Files.createDirectories(root.resolve("build/linux-gcc"));
        Files.writeString(
                build.resolve("Makefile"), "all:\n\t@echo '../../src/a.c:3:5: warning: unused x'\n\t@echo done\n");
        List<String> lines = new CopyOnWriteArrayList<>();
        MakeRun.Outcome outcome = new MakeRun(root, build, List.of(), lines::add).run(progress);
        assertEquals(0, outcome.exitCode());
        assertEquals(
                List.of(new Diagnostic("src/a.c", 3, dev.trestle.model.Severity.WARNING, "unused x")),
                outcome.diagnostics());
        assertTrue(lines.contains("done"), lines.toString());
        assertTrue(lines.getLast().equals("make exited with status 0"), lines.toString());
    }

    @Test
    void cancellingKillsMakeAndWhatItStarted() throws Exception {
        Path build = Files.createDirectories(root.resolve("build/linux-gcc"));
        Files.writeString(build.resolve("Makefile"), "all:\n\techo sleeping; sleep 60\n");
        List<String> lines = new CopyOnWriteArrayList<>();
        MakeRun run = new MakeRun(root, build, List.of(), lines::add);
        CompletableFuture<MakeRun.Outcome> result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run(progress);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!lines.contains("sleeping") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(lines.contains("sleeping"), lines.toString());
        long start = System.nanoTime();
        cancelled.set(true);
        Throwable failure = assertThrows(Exception.class, () -> result.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof CancellationException, failure.toString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "killed promptly");
        assertTrue(
                ProcessHandle.current()
                        .descendants()
                        .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 60")),
                "no sleep left behind");
    }
}
