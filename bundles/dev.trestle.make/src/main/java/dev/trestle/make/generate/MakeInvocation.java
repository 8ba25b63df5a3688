package dev.trestle.make.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a generated makefile is run: {@code make -C BUILD_DIR -jN [GOAL...]}, under {@code strace -f -o LOG} when the
 * build is to be audited. Shared by the headless command, the Build view and Build Under Trace.
 */
public final class MakeInvocation {
    private MakeInvocation() {}

    /** @param trace where strace writes its log, or null to run make alone */
    public static List<String> command(Path makefile, int jobs, Path trace, List<String> goals) {
        List<String> command = new ArrayList<>();
        if (trace != null) {
            command.addAll(List.of("strace", "-f", "-o", trace.toString(), "--"));
        }
        command.addAll(List.of("make", "-C", makefile.getParent().toString(), "-j" + jobs));
        command.addAll(goals);
        return command;
    }

    /** What a user without strace is told. */
    public static final String STRACE_MISSING = "strace is not installed: install it with 'apt-get install strace'"
            + " (Debian, Ubuntu) or 'dnf install strace' (Fedora), then build under trace again";

    /**
     * Why a build cannot run under strace here, or empty when it can: {@link #STRACE_MISSING}, or strace's own words
     * when it is installed but may not trace (containers often forbid ptrace).
     */
    public static Optional<String> straceProblem() {
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-o", "/dev/null", "true")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return probe.waitFor() == 0
                    ? Optional.empty()
                    : Optional.of("strace is installed but cannot trace here (" + output.strip()
                            + "); it needs ptrace, which containers often forbid");
        } catch (IOException e) {
            return Optional.of(STRACE_MISSING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking strace");
        }
    }
}
