package dev.trestle.core.command;

/**
 * Thrown by a headless command to end with a given {@link ExitStatus} and a one-line message. The Gogo shell
 * shows the message; {@code ./trestle} prints it and exits with the status.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    private CommandFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Bad command line or bad input: exit status 2. */
    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitStatus.USAGE, message, null);
    }

    /** Bad input detected while reading it, e.g. a malformed file: exit status 2. */
    public static CommandFailure badInput(String message, Throwable cause) {
        return new CommandFailure(ExitStatus.USAGE, message, cause);
    }

    /** A problem found, or work that failed: exit status 1. */
    public static CommandFailure finding(String message) {
        return new CommandFailure(ExitStatus.FINDING, message, null);
    }

    public int status() {
        return status;
    }
}
