package dev.trestle.trace.strace;

import dev.trestle.trace.ParseProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of one stretch of a log, counted straight from the scanned lines without making events: what {@link
 * SyscallSummary} would count from the events {@link EventAssembler} makes of the same lines. It also keeps what a
 * stretch that does not start the log cannot know by itself, for {@link ChunkedSummary} to settle in order: how each
 * pid's first unfinished/resumed/exit line meets a call left unfinished before, and whether leading {@code -k} frames
 * follow a call.
 */
final class CallCounter implements LineScanner.Parts {
    /** The head of a pid whose first part-line was not a resumed one: it ends an outside call without joining it. */
    static final String NOT_RESUMED = "";

    final CallTable counts = new CallTable();
    /** Per pid, the name of its first resumed line, or {@link #NOT_RESUMED}, when no call of its was pending here. */
    final Map<Integer, String> heads = new HashMap<>();
    /** Per pid, the name of its call still unfinished. */
    final Map<Integer, String> pending = new HashMap<>();

    final List<ParseProblem> problems = new ArrayList<>();
    private final int maxProblems;
    long problemCount;
    /** Lines that make an event; a resumed part joined to its start makes one event of two lines. */
    long eventLines;

    long joins;
    /** Frames are a problem unless a call, signal or exit came before them, as in {@link EventAssembler}. */
    boolean afterProblem = true;

    boolean leadingFrames;
    private boolean started;

    CallCounter(int maxProblems) {
        this.maxProblems = maxProblems;
    }

    @Override
    public void call(
            int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line) {
        event();
        if (result != null && result.returned(b)) {
            count(name, result);
        }
    }

    @Override
    public void unfinished(int pid, long timestamp, String name, byte[] b, int args, int argsEnd, long line) {
        event();
        if (pending.put(pid, name) == null) {
            heads.putIfAbsent(pid, NOT_RESUMED);
        }
    }

    /** Joined or not, the call counts as its last part says: a join happens only when the names agree. */
    @Override
    public void resumed(
            int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line) {
        event();
        String first = pending.remove(pid);
        if (first == null) {
            heads.putIfAbsent(pid, name);
        } else if (first.equals(name)) {
            joins++;
        }
        if (result.returned(b)) {
            count(name, result);
        }
    }

    @Override
    public void event(StraceEvent event) {
        event();
        if (event instanceof ExitEvent && pending.remove(event.pid()) == null) {
            heads.putIfAbsent(event.pid(), NOT_RESUMED);
        }
    }

    @Override
    public void frame(byte[] b, int from, int end, long line) {
        if (!started) {
            leadingFrames = true;
        }
        if (afterProblem) {
            problem(line, "stack frame without a call before it", b, from, end);
        }
    }

    @Override
    public void problem(long line, String reason, byte[] b, int from, int end) {
        started = true;
        afterProblem = true;
        problemCount++;
        if (problems.size() < maxProblems) {
            problems.add(EventAssembler.problemOf(line, reason, b, from, end));
        }
    }

    private void event() {
        started = true;
        afterProblem = false;
        eventLines++;
    }

    /**
     * A complete call named {@code b[from, to)}, read by {@link CompleteCalls}: what {@link #call} does with a result
     * that {@code returned}, {@code failed} and took {@code duration}.
     */
    void completeCall(byte[] b, int from, int to, int hash, boolean returned, boolean failed, long duration) {
        event();
        if (returned) {
            counts.count(b, from, to, hash, failed, duration);
        }
    }

    private void count(String name, ResultScanner result) {
        counts.count(name, result.failed(), result.duration);
    }
}
