package dev.trestle.trace.strace;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** The N calls with the longest {@code -T} durations, kept in a heap of N so the log can be any size. */
public final class SlowestCalls implements Consumer<StraceEvent> {
    private static final Comparator<SyscallEvent> BY_DURATION =
            Comparator.comparingLong(SyscallEvent::durationMicros).thenComparing(c -> -c.lineNumber());

    private final int limit;
    private final PriorityQueue<SyscallEvent> fastestFirst = new PriorityQueue<>(BY_DURATION);

    public SlowestCalls(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public void accept(StraceEvent event) {
        if (event instanceof SyscallEvent call && call.durationMicros() >= 0) {
            fastestFirst.add(call);
            if (fastestFirst.size() > limit) {
                fastestFirst.poll();
            }
        }
    }

    /** Slowest first; of equal durations, the earlier line first. */
    public List<SyscallEvent> calls() {
        return fastestFirst.stream().sorted(BY_DURATION.reversed()).toList();
    }
}
