package dev.trestle.trace.ui.internal;

import dev.trestle.trace.Detection;
import dev.trestle.trace.TraceFormat;
import dev.trestle.trace.TraceFormats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Sends an opened log to the view that reads its format, decided by content rather than by file name: strace logs
 * have no conventional extension. Views register while their widgets exist; the newest one of a format gets the log.
 * Called on the display thread only.
 */
@Component(service = TraceLogs.class)
public final class TraceLogs {
    /** A view that shows logs of one format. */
    @FunctionalInterface
    interface Viewer {
        void open(Path file);
    }

    private final Map<TraceFormat, Deque<Viewer>> viewers = new EnumMap<>(TraceFormat.class);

    Runnable register(TraceFormat format, Viewer viewer) {
        viewers.computeIfAbsent(format, f -> new ArrayDeque<>()).addLast(viewer);
        return () -> viewers.get(format).remove(viewer);
    }

    /** Shows {@code file} in its view; otherwise returns what to tell the user. */
    Optional<String> open(Path file) {
        Detection detection;
        try (InputStream in = Files.newInputStream(file)) {
            detection = TraceFormats.detect(in);
        } catch (IOException e) {
            return Optional.of("Cannot read " + file + ": " + e.getMessage());
        }
        TraceFormat format = detection.format();
        if (format == TraceFormat.UNKNOWN) {
            return Optional.of(file.getFileName() + " is not a trace log Trestle recognises: " + detection.reason());
        }
        Viewer viewer = viewers.getOrDefault(format, new ArrayDeque<>()).peekLast();
        if (viewer == null) {
            return Optional.of(
                    file.getFileName() + " is " + describe(format) + " (" + detection.reason() + "). "
                            + (shown(format)
                                    ? "Open its view from the View menu first."
                                    : "Trestle reads it from the command line ('trestle trace'), but its view is not there yet."));
        }
        viewer.open(file);
        return Optional.empty();
    }

    private static boolean shown(TraceFormat format) {
        return format == TraceFormat.STRACE || format == TraceFormat.KERNEL_LOG;
    }

    static String describe(TraceFormat format) {
        return switch (format) {
            case STRACE -> "an strace log";
            case LTRACE -> "an ltrace log";
            case FTRACE -> "an ftrace text trace";
            case TRACE_CMD -> "a trace-cmd report";
            case DTRACE -> "DTrace output";
            case BPFTRACE -> "bpftrace output";
            case KERNEL_LOG -> "a kernel log";
            case UNKNOWN -> "in no known format";
        };
    }
}
