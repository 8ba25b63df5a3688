package dev.trestle.trace.ltrace;

/** One thing ltrace reported. Every event knows its line, so a view can jump back to the log. */
public sealed interface LtraceEvent permits LtraceCall, LtraceSignal, LtraceExit, LtraceExec, LtraceCount {
    /** The line the event ended on: a joined call's {@code resumed} line. */
    long lineNumber();
}
