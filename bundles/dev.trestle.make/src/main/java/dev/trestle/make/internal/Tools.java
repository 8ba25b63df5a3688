package dev.trestle.make.internal;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.make.generate.MakeInvocation;

/** The external programs a build needs, and how to get them when they are missing. */
final class Tools {
    private Tools() {}

    /**
     * @throws CommandFailure with status 2 naming the package to install when strace is missing, with status 1 when it
     *     is installed but may not trace here
     */
    static void requireStrace() {
        MakeInvocation.straceProblem().ifPresent(problem -> {
            throw problem.equals(MakeInvocation.STRACE_MISSING)
                    ? CommandFailure.usage(problem)
                    : CommandFailure.finding(problem);
        });
    }
}
