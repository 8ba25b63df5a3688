package dev.trestle.trace.strace;

import dev.trestle.trace.ParseProblem;
import dev.trestle.trace.ParseReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins the parts of calls and hands finished events on. A complete call is held back for one line because {@code -k}
 * prints its stack on the lines after it; an unfinished call waits, per pid, for its {@code <... resumed>} line. Memory
 * stays bounded by the number of live processes.
 */
final class EventAssembler {
    private static final int MAX_FRAMES = 512;

    private record Pending(int pid, long timestamp, String name, String arguments, long line, List<String> frames) {}

    private final Consumer<? super StraceEvent> sink;
    private final int maxProblems;
    private final Map<Integer, Pending> unfinished = new HashMap<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private StraceEvent held;
    private List<String> heldFrames = new ArrayList<>();
    private List<String> frameTarget;
    private long problemCount;
    private long events;

    EventAssembler(Consumer<? super StraceEvent> sink, int maxProblems) {
        this.sink = sink;
        this.maxProblems = maxProblems;
    }

    void call(SyscallEvent call) {
        flushHeld();
        held = call;
        frameTarget = heldFrames;
    }

    void unfinished(int pid, long timestamp, String name, String arguments, long line) {
        flushHeld();
        Pending previous = unfinished.remove(pid);
        if (previous != null) {
            emitWithoutResult(previous);
        }
        Pending pending = new Pending(pid, timestamp, name, arguments, line, new ArrayList<>());
        unfinished.put(pid, pending);
        frameTarget = pending.frames;
    }

    /** A resumed part whose first part is missing (an -ff file or a -p attach starts mid-call) stands alone. */
    void resumed(SyscallEvent rest) {
        Pending first = unfinished.remove(rest.pid());
        if (first != null && !first.name.equals(rest.name())) {
            emitWithoutResult(first);
            first = null;
        }
        if (first == null) {
            call(rest);
            return;
        }
        flushHeld();
        heldFrames.addAll(first.frames);
        held = new SyscallEvent(
                rest.pid(),
                first.timestamp,
                first.name,
                first.arguments + rest.arguments(),
                rest.result(),
                rest.errno(),
                rest.errnoText(),
                rest.durationMicros(),
                first.line,
                List.of());
        frameTarget = heldFrames;
    }

    void frame(String frame, long line, char[] b, int from, int end) {
        if (frameTarget == null) {
            problem(line, "stack frame without a call before it", b, from, end);
        } else if (frameTarget.size() < MAX_FRAMES) {
            frameTarget.add(frame);
        }
    }

    /** Signals and exits are held like calls: -k prints a stack after them too. */
    void event(StraceEvent event) {
        flushHeld();
        if (event instanceof ExitEvent) {
            Pending inside = unfinished.remove(event.pid());
            if (inside != null) {
                emitWithoutResult(inside);
            }
        }
        held = event;
        frameTarget = heldFrames;
    }

    void problem(long line, String reason, char[] b, int from, int end) {
        flushHeld();
        problemCount++;
        if (problems.size() < maxProblems) {
            String excerpt = new String(b, from, Math.min(end - from, ParseProblem.EXCERPT_LENGTH));
            problems.add(new ParseProblem(line, reason, excerpt));
        }
    }

    /** Ends the input: calls still unfinished are reported without a result, in the order they started. */
    ParseReport finish(long lines) {
        flushHeld();
        unfinished.values().stream()
                .sorted(Comparator.comparingLong(Pending::line))
                .toList()
                .forEach(this::emitWithoutResult);
        unfinished.clear();
        return new ParseReport(lines, events, problemCount, problems);
    }

    private void emitWithoutResult(Pending p) {
        flushHeld();
        emit(new SyscallEvent(
                p.pid, p.timestamp, p.name, p.arguments, null, null, null, SyscallEvent.NO_DURATION, p.line, p.frames));
    }

    private void flushHeld() {
        if (held != null) {
            StraceEvent event = held;
            held = null;
            if (!heldFrames.isEmpty()) {
                event = event.withStack(heldFrames);
                heldFrames = new ArrayList<>();
            }
            emit(event);
        }
        frameTarget = null;
    }

    private void emit(StraceEvent event) {
        events++;
        sink.accept(event);
    }
}
