package dev.trestle.backup.internal;

import dev.trestle.backup.internal.archive.FileProgress;
import dev.trestle.core.jobs.Progress;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A command's progress on a terminal: one line on standard error, rewritten in place at most a few times a second,
 * with the bytes and files archived, the rate and the time left; then each later step. Cleared when done, so the
 * command's answer stands alone.
 */
final class TerminalProgress implements Progress, FileProgress, AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final LongSupplier nanos;
    private long total = -1;
    private long done;
    private long files;
    private long started;
    private long drawn = Long.MIN_VALUE;
    private String task = "";
    private boolean dirty;

    TerminalProgress(PrintStream out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    /**
     * A command's progress line, for {@code try (TerminalProgress progress = forCommand(json))}: null (which such a
     * {@code try} skips) for {@code --json}, which is for programs, and where standard error is no terminal.
     */
    static TerminalProgress forCommand(boolean json) {
        return json ? null : onStandardErrorIfTerminal();
    }

    /** A progress line on standard error if it is a terminal, else null: a pipe or a file gets only the answer. */
    static TerminalProgress onStandardErrorIfTerminal() {
        if (!standardErrorIsTerminal()) {
            return null;
        }
        // the descriptor itself: the shell that runs a command may have replaced System.err with its session's
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.UTF_8);
        return new TerminalProgress(err, System::nanoTime);
    }

    /** Linux names the terminal behind a descriptor in {@code /proc/self/fd}; Java itself cannot ask about fd 2. */
    static boolean standardErrorIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public void begin(String task, long totalWork) {
        // each task counts from nothing: a verify of a destination begins one for each of its archives
        this.task = task;
        this.total = totalWork;
        this.done = 0;
        this.files = 0;
        this.started = nanos.getAsLong();
        draw(true);
    }

    @Override
    public void worked(long units) {
        done += units;
        draw(false);
    }

    @Override
    public void fileDone() {
        files++;
        draw(false);
    }

    @Override
    public void step(String description) {
        task = description;
        total = -1;
        draw(true);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Removes the line. */
    @Override
    public void close() {
        if (dirty) {
            out.print("\r\033[K");
            out.flush();
            dirty = false;
        }
    }

    private void draw(boolean now) {
        long time = nanos.getAsLong();
        if (!now && time - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = time;
        out.print("\r\033[K" + line(time));
        out.flush();
        dirty = true;
    }

    String line(long time) {
        if (total < 0) {
            return task;
        }
        double seconds = Math.max(1e-9, (time - started) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(task).append(": ");
        line.append(megabytes(done)).append(" of ").append(megabytes(total)).append(" MB");
        if (total > 0) {
            line.append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        line.append(", ").append(files).append(files == 1 ? " file" : " files");
        if (seconds >= 1) {
            line.append(String.format(Locale.ROOT, ", %.0f MB/s", rate / 1e6));
            if (rate > 0 && total > done) {
                line.append(", ")
                        .append(Ages.eta((long) ((total - done) / rate)))
                        .append(" left");
            }
        }
        return line.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** Seconds as "1 min 05 s" or "42 s". */
    static final class Ages {
        private Ages() {}

        static String eta(long seconds) {
            return seconds >= 60
                    ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                    : seconds + " s";
        }
    }
}
