package dev.trestle.trace.audit;

import java.util.HashMap;
import java.util.Map;

/** What {@link CompilerReads} knows of one process. */
final class Proc {
    /** The process runs a program that compiles nothing, so it does not inherit its parent's unit. */
    static final String NO_UNIT = "";
    /** The unit is the first source file the process opens. */
    static final String FIRST_OPENED = "\0first";

    int parent;
    long forkLine;
    boolean compiler;
    String firstSource;
    final History<String> cwd = new History<>();
    final History<String> unit = new History<>();
    /** Directories opened with O_DIRECTORY, for fchdir and openat relative to them. */
    final Map<Integer, String> fds = new HashMap<>();
}
