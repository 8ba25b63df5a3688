package dev.trestle.workbench.internal;

/** The workbench's log: stderr, because the launcher captures it and there is no log service to rely on. */
final class WorkbenchLog {
    private WorkbenchLog() {}

    static void error(String message, Throwable cause) {
        System.err.println("[trestle.workbench] ERROR " + message + (cause == null ? "" : ": " + cause));
        if (cause != null) {
            cause.printStackTrace(System.err);
        }
    }
}
