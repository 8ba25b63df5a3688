package dev.trestle.make.ui.internal;

import dev.trestle.core.jobs.Job;
import dev.trestle.core.jobs.Progress;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.generate.MakeInvocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs {@code make -C DIR -j2 [GOAL]} with stdout and stderr merged, handing each line to {@code output} as it
 * comes and collecting the compiler diagnostics. Cancelling the job kills make and everything it started.
 */
final class MakeRun implements Job<MakeRun.Outcome> {
    /** How make ended and what the compiler complained about. */
    record Outcome(int exitCode, List<Diagnostic> diagnostics) {}

    private final Path root;
    private final Path directory;
    private final List<String> goals;
    private final Consumer<String> output;

    MakeRun(Path root, Path directory, List<String> goals, Consumer<String> output) {
        this.root = root;
        this.directory = directory;
        this.goals = List.copyOf(goals);
        this.output = output;
    }

    List<String> command() {
        return MakeInvocation.command(directory.resolve(Backend.MAKE.fileName()), 2, null, goals);
    }

    @Override
    public Outcome run(Progress progress) throws Exception {
        progress.begin(String.join(" ", command()), -1);
        output.accept("$ " + String.join(" ", command()));
        Process process = new ProcessBuilder(command())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        Thread watcher = Thread.ofVirtual().name("make-cancel-watch").start(() -> watch(process, progress));
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(line);
                progress.step(line);
                Diagnostic.parse(line, directory, root).ifPresent(diagnostics::add);
            }
        } catch (IOException e) {
            if (!progress.isCancelled()) {
                throw e;
            }
        } finally {
            watcher.interrupt();
        }
        int exit = process.waitFor();
        if (progress.isCancelled()) {
            output.accept("make was cancelled");
            throw new CancellationException("cancelled");
        }
        output.accept("make exited with status " + exit);
        return new Outcome(exit, diagnostics);
    }

    private static void watch(Process process, Progress progress) {
        try {
            while (process.isAlive()) {
                if (progress.isCancelled()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
