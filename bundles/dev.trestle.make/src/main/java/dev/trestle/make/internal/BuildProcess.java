package dev.trestle.make.internal;

import dev.trestle.make.generate.MakeInvocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code make -C BUILD_DIR -jN}, optionally under {@code strace -f -o LOG}, with stdout and stderr merged and handed
 * on line by line as they come.
 */
final class BuildProcess {
    record Result(int exitCode, int errors) {}

    private final Path root;
    private final Path makefile;
    private final int jobs;
    private final Path trace;

    BuildProcess(Path root, Path makefile, int jobs, Path trace) {
        this.root = root;
        this.makefile = makefile;
        this.jobs = jobs;
        this.trace = trace;
    }

    List<String> command() {
        return MakeInvocation.command(makefile, jobs, trace, List.of());
    }

    Result run(Consumer<String> output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        int errors = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.accept(line);
                if (line.contains(": error:") || line.contains(": fatal error:")) {
                    errors++;
                }
            }
        } finally {
            if (process.isAlive() && Thread.currentThread().isInterrupted()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        return new Result(process.waitFor(), errors);
    }
}
