package dev.trestle.make.internal;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;

/** The external programs a build needs, and how to get them when they are missing. */
final class Tools {
    private Tools() {}

    /** @throws CommandFailure (usage) naming the package to install when strace cannot run here */
    static void requireStrace() throws InterruptedException {
        String install = "install it with 'apt-get install strace' (Debian, Ubuntu) or 'dnf install strace'"
                + " (Fedora), then build under trace again";
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-o", "/dev/null", "true")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) {
                throw CommandFailure.finding("strace is installed but cannot trace here (" + output.strip()
                        + "); it needs ptrace, which containers often forbid");
            }
        } catch (IOException e) {
            throw CommandFailure.usage("strace is not installed: " + install);
        }
    }
}
