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
final class EventAssembler implements LineScanner.Parts {
    private static final int MAX_FRAMES = 512;

    private record Pending(int pid, long timestamp, String name, String arguments, long line, List<String> frames) {}

    private final Names errnos = new Names();
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

    @Override
    public void call(
            int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line) {
        call(completed(pid, timestamp, name, b, args, argsEnd, result, line));
    }

    private void call(SyscallEvent call) {
        flushHeld();
        held = call;
        frameTarget = heldFrames;
    }

    private SyscallEvent completed(
            int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line) {
        String arguments = LineScanner.text(b, args, argsEnd);
        if (result == null) {
            return new SyscallEvent(
                    pid, timestamp, name, arguments, null, null, null, SyscallEvent.NO_DURATION, line, List.of());
        }
        return new SyscallEvent(
                pid,
                timestamp,
                name,
                arguments,
                LineScanner.text(b, result.resultFrom, result.resultEnd),
                result.failed() ? errnos.of(b, result.errnoFrom, result.errnoEnd) : null,
                result.errnoTextFrom == ResultScanner.NONE
                        ? null
                        : LineScanner.text(b, result.errnoTextFrom, result.errnoTextEnd),
                result.duration,
                line,
                List.of());
    }

    @Override
    public void unfinished(int pid, long timestamp, String name, byte[] b, int args, int argsEnd, long line) {
        String arguments = LineScanner.text(b, args, argsEnd);
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
    @Override
    public void resumed(
            int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line) {
        resumed(completed(pid, timestamp, name, b, args, argsEnd, result, line));
    }

    private void resumed(SyscallEvent rest) {
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

    @Override
    public void frame(byte[] b, int from, int end, long line) {
        if (frameTarget == null) {
            problem(line, "stack frame without a call before it", b, from, end);
        } else if (frameTarget.size() < MAX_FRAMES) {
            frameTarget.add(LineScanner.text(b, from + LineScanner.FRAME.length, end));
        }
    }

    /** Signals and exits are held like calls: -k prints a stack after them too. */
    @Override
    public void event(StraceEvent event) {
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

    @Override
    public void problem(long line, String reason, byte[] b, int from, int end) {
        flushHeld();
        problemCount++;
        if (problems.size() < maxProblems) {
            problems.add(problemOf(line, reason, b, from, end));
        }
    }

    /** The excerpt is cut after decoding, so that it never ends inside a character. */
    static ParseProblem problemOf(long line, String reason, byte[] b, int from, int end) {
        String text = LineScanner.text(b, from, Math.min(end, from + 4 * ParseProblem.EXCERPT_LENGTH));
        String excerpt = text.substring(0, Math.min(text.length(), ParseProblem.EXCERPT_LENGTH));
        return new ParseProblem(line, reason, excerpt);
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
