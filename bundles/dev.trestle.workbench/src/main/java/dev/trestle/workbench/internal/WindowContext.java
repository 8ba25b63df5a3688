package dev.trestle.workbench.internal;

import dev.trestle.core.jobs.JobService;
import dev.trestle.model.Project;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** The workbench as its contributions see it: one per window. */
final class WindowContext implements WorkbenchContext {
    private final WorkbenchWindow window;
    private final Display display;

    WindowContext(WorkbenchWindow window, Display display) {
        this.window = window;
        this.display = display;
    }

    @Override
    public Shell shell() {
        return window.getShell();
    }

    @Override
    public Optional<Project> project() {
        return window.project();
    }

    @Override
    public JobService jobs() {
        return window.services().jobs();
    }

    @Override
    public void openFile(Path file) {
        window.openFile(file, 0);
    }

    @Override
    public void openFile(Path file, int line) {
        window.openFile(file, line);
    }

    @Override
    public Optional<Path> activeFile() {
        return window.activeFile();
    }

    @Override
    public boolean showView(String id) {
        return window.showView(id);
    }

    @Override
    public void showError(String message, Throwable cause) {
        window.errors().report(message, cause);
    }

    @Override
    public void asyncExec(Runnable task) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    window.errors().report("A background update of the window failed", e);
                }
            });
        }
    }
}
