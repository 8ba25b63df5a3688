package dev.trestle.trace.ltrace;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calls and time per function, computed from the events of a trace; what {@code ltrace -c} prints. Like ltrace, it
 * counts a call when it returns, so {@code _exit} and {@code exec} calls are not counted. Time is only known with
 * {@code -T}. Memory grows with the number of distinct functions, not with the log. Not thread-safe.
 */
public final class LtraceSummary implements Consumer<LtraceEvent> {
    /** @param microseconds the sum of {@code -T} times, 0 without {@code -T} */
    public record FunctionStats(String function, long calls, long microseconds) {}

    private final Map<String, long[]> byFunction = new HashMap<>();

    @Override
    public void accept(LtraceEvent event) {
        if (event instanceof LtraceCall call && call.returned()) {
            long[] stats = byFunction.computeIfAbsent(call.function(), f -> new long[2]);
            stats[0]++;
            stats[1] += Math.max(0, call.durationMicros());
        }
    }

    public long calls(String function) {
        long[] stats = byFunction.get(function);
        return stats == null ? 0 : stats[0];
    }

    public long totalCalls() {
        return byFunction.values().stream().mapToLong(s -> s[0]).sum();
    }

    /** Most time first, then most calls, then by name, as {@code ltrace -c} orders its table. */
    public List<FunctionStats> functions() {
        return byFunction.entrySet().stream()
                .map(e -> new FunctionStats(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(FunctionStats::microseconds)
                        .thenComparingLong(FunctionStats::calls)
                        .reversed()
                        .thenComparing(FunctionStats::function))
                .toList();
    }
}
