package dev.trestle.workbench.internal;

import java.util.function.Supplier;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Shows a failure to the user and logs it, from any thread. A failure never propagates into the event loop: the
 * workbench must outlive a broken contribution.
 */
final class ErrorReporter {
    private final Display display;
    private final Supplier<Shell> shell;
    private final Supplier<IStatusLineManager> statusLine;
    private boolean dialogs = true;
    private boolean dialogOpen;
    private volatile String lastMessage;

    ErrorReporter(Display display, Supplier<Shell> shell, Supplier<IStatusLineManager> statusLine) {
        this.display = display;
        this.shell = shell;
        this.statusLine = statusLine;
    }

    void report(String message, Throwable cause) {
        WorkbenchLog.error(message, cause);
        lastMessage = message;
        if (display.isDisposed()) {
            return;
        }
        if (Display.getCurrent() == display) {
            show(message, cause);
        } else {
            display.asyncExec(() -> show(message, cause));
        }
    }

    /** Automated runs cannot answer a modal dialog; the status line and stderr still tell. */
    void setDialogsEnabled(boolean enabled) {
        dialogs = enabled;
    }

    String lastMessage() {
        return lastMessage;
    }

    private void show(String message, Throwable cause) {
        IStatusLineManager line = statusLine.get();
        if (line != null) {
            line.setErrorMessage(message);
        }
        Shell parent = shell.get();
        // a failure that repeats (a paint listener, say) must not stack one dialog per event
        if (!dialogs || dialogOpen || parent == null || parent.isDisposed()) {
            return;
        }
        dialogOpen = true;
        try {
            MessageDialog.openError(parent, "Trestle", cause == null ? message : message + "\n\n" + describe(cause));
        } finally {
            dialogOpen = false;
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == cause ? text : text + " (" + cause.getClass().getSimpleName() + ")";
    }
}
