package dev.trestle.trace;

/** The kinds of trace text Trestle can read. */
public enum TraceFormat {
    STRACE,
    LTRACE,
    /** The {@code trace} or {@code trace_pipe} file of tracefs, any tracer. */
    FTRACE,
    /** {@code trace-cmd report} output. */
    TRACE_CMD,
    DTRACE,
    BPFTRACE,
    /** dmesg, journalctl -k or syslog kernel lines. */
    KERNEL_LOG,
    UNKNOWN
}
