package dev.trestle.trace.dtrace;

/** One thing dtrace or bpftrace printed. */
public sealed interface DtraceEvent permits DtraceProbe, DtraceAggregation, DtraceHistogram {
    long lineNumber();
}
