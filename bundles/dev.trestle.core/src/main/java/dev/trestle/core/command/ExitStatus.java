package dev.trestle.core.command;

/** The exit statuses of {@code ./trestle <area> <command>}. */
public final class ExitStatus {
    /** The command did what was asked and found nothing wrong. */
    public static final int OK = 0;
    /** The command ran and found a problem (a damaged backup, say), or its work failed. */
    public static final int FINDING = 1;
    /** The command line or the input was wrong; nothing was changed. */
    public static final int USAGE = 2;

    private ExitStatus() {}
}
