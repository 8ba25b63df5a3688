package dev.trestle.trace.kernel;

/** What opened an incident. A later header refines {@link #CUT_HERE} and {@link #FTRACE_BUG} (see the parser). */
public enum IncidentKind {
    /** {@code WARNING: ...}: the kernel carried on. */
    WARNING,
    /** {@code BUG: ...} or {@code kernel BUG at FILE:LINE!}. */
    BUG,
    /** {@code Oops: ...} on its own. */
    OOPS,
    /** {@code general protection fault ...}. */
    GENERAL_PROTECTION_FAULT,
    /** {@code Kernel panic - not syncing: ...}. */
    PANIC,
    /** {@code ------------[ ftrace bug ]------------} with no warning after it. */
    FTRACE_BUG,
    /** {@code ------------[ cut here ]------------} and no header after it (a cut log). */
    CUT_HERE
}
