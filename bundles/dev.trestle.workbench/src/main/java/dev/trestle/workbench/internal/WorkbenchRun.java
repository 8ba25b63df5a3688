package dev.trestle.workbench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * One run of the workbench on the current thread: opens the window, the start project, and dispatches events
 * until the window is closed. Failures inside an event are reported and the loop goes on.
 */
final class WorkbenchRun {
    static final String FIRST_WINDOW = "TRESTLE_FIRST_WINDOW";
    private static final int SCREENSHOT_DELAY_MS = 1000;
    /** The exit status for arguments that make no sense, as the launcher script uses it. */
    static final int USAGE = 2;
    /** The exit status when there is no display to open the window on. */
    static final int NO_DISPLAY = 1;

    private static final String HEADLESS_HINT =
            ": run it in a desktop session, or under xvfb-run; the headless commands need none (./trestle help)";

    private final WorkbenchServices services;
    private final LaunchOptions options;
    private final WorkbenchPreferences preferences;
    private volatile Display display;

    WorkbenchRun(WorkbenchServices services, LaunchOptions options, WorkbenchPreferences preferences) {
        this.services = services;
        this.options = options;
        this.preferences = preferences;
    }

    int run() {
        if (options.usageError().isPresent()) {
            System.err.println("trestle: " + options.usageError().get());
            return USAGE;
        }
        // GTK draws on an X11 or Wayland display named in the environment; other SWT platforms need no such name
        Optional<String> missing = "gtk".equals(SWT.getPlatform()) ? missingDisplay(System::getenv) : Optional.empty();
        if (missing.isPresent()) {
            System.err.println(
                    "trestle: no display to open the workbench window on (" + missing.get() + ")" + HEADLESS_HINT);
            return NO_DISPLAY;
        }
        try {
            display = Display.getDefault();
        } catch (SWTError e) {
            System.err.println("trestle: cannot open the workbench window on the display "
                    + describeDisplay(System::getenv) + " (" + e.getMessage() + ")" + HEADLESS_HINT);
            return NO_DISPLAY;
        }
        try {
            WorkbenchWindow window = new WorkbenchWindow(services, preferences);
            window.setBlockOnOpen(false);
            window.open();
            CompletableFuture<?> filled = fill(window, startProject(), options);
            // the auto-close counts from the filled window, so a slow start is measured rather than cut short
            filled.whenComplete((project, failure) -> display.asyncExec(() -> {
                windowFilled(window);
                options.autoCloseMillis()
                        .ifPresent(ms -> display.timerExec((int) Math.min(ms, Integer.MAX_VALUE), () -> {
                            if (window.getShell() != null) {
                                window.close();
                            }
                        }));
            }));
            dispatchUntilClosed(window.getShell(), window.errors());
            return 0;
        } finally {
            display.dispose();
        }
    }

    /** Why there is certainly no display to open a window on, if neither X11's nor Wayland's is named. */
    static Optional<String> missingDisplay(UnaryOperator<String> environment) {
        if (isBlank(environment.apply("DISPLAY")) && isBlank(environment.apply("WAYLAND_DISPLAY"))) {
            return Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set");
        }
        return Optional.empty();
    }

    static String describeDisplay(UnaryOperator<String> environment) {
        String x11 = environment.apply("DISPLAY");
        String wayland = environment.apply("WAYLAND_DISPLAY");
        return isBlank(wayland)
                ? "DISPLAY=" + x11
                : isBlank(x11) ? "WAYLAND_DISPLAY=" + wayland : "WAYLAND_DISPLAY=" + wayland + " or DISPLAY=" + x11;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Asks the loop to end by closing every window; safe from any thread. */
    void stop() {
        Display current = display;
        if (current != null && !current.isDisposed()) {
            current.asyncExec(() -> {
                for (Shell shell : current.getShells()) {
                    shell.close();
                }
            });
        }
    }

    /**
     * Opens the start project, then the file of {@code --open} at its line (also when the project failed to open, so
     * the user still sees the file). Completes on the display thread once both are shown.
     */
    static CompletableFuture<?> fill(WorkbenchWindow window, Optional<Path> project, LaunchOptions options) {
        CompletableFuture<?> shown = project.map(window::openProject).orElse(CompletableFuture.completedFuture(null));
        if (options.openFile().isEmpty()) {
            return shown;
        }
        Path file = options.openFile().get();
        return shown.handle((ignored, failure) -> {
            if (window.getShell() != null && !window.getShell().isDisposed()) {
                window.openFile(file, options.openLine());
            }
            return null;
        });
    }

    private Optional<Path> startProject() {
        if (options.projectDirectory().isPresent()) {
            return options.projectDirectory();
        }
        if (!preferences.reopenLastProject()) {
            return Optional.empty();
        }
        return preferences.recentProjects().stream().filter(Files::isDirectory).findFirst();
    }

    private void windowFilled(WorkbenchWindow window) {
        if (window.getShell() == null || window.getShell().isDisposed()) {
            return;
        }
        long sinceStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(FIRST_WINDOW + " ms_since_jvm_start=" + sinceStart);
        options.screenshot()
                .ifPresent(png -> display.timerExec(SCREENSHOT_DELAY_MS, () -> {
                    if (window.getShell() != null && !window.getShell().isDisposed()) {
                        try {
                            Screenshots.save(window.getShell(), png);
                        } catch (IOException | RuntimeException e) {
                            window.errors().report("Cannot save the screenshot " + png, e);
                        }
                    }
                }));
    }

    private void dispatchUntilClosed(Shell shell, ErrorReporter errors) {
        while (shell != null && !shell.isDisposed()) {
            try {
                if (!display.readAndDispatch()) {
                    display.sleep();
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                errors.report("Unexpected error in the workbench", e);
            }
        }
    }
}
