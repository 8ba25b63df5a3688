package dev.trestle.trace.ui.internal;

import dev.trestle.trace.Detection;
import dev.trestle.trace.TraceFormat;
import dev.trestle.trace.TraceFormats;
import dev.trestle.workbench.WorkbenchContext;
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

    /**
     * Shows {@code file} in its view, bringing the view to the front first (a view registers when its widgets are
     * made, the first time it shows); otherwise returns what to tell the user.
     */
    Optional<String> open(Path file, WorkbenchContext context) {
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
        viewOf(format).ifPresent(context::showView);
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
        return viewOf(format).isPresent();
    }

    /** The id of the view that shows logs of the format, where there is one. */
    private static Optional<String> viewOf(TraceFormat format) {
        return switch (format) {
            case STRACE -> Optional.of(TraceView.ID);
            case KERNEL_LOG -> Optional.of(IncidentsView.ID);
            default -> Optional.empty();
        };
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
