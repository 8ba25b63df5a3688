package dev.trestle.trace.ftrace;

/** One thing an ftrace text trace reported. */
public sealed interface FtraceEvent
        permits FtraceHeader, FtraceEntry, FtraceFunction, FtraceStack, FtraceGraph, FtraceLost {
    long lineNumber();
}
