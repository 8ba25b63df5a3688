package dev.trestle.trace.strace;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The table {@code strace -c} prints, computed from a log: per call name the calls, errors and time. Counts follow
 * strace -c: a call counts once it returned ({@link SyscallEvent#returned()}), so {@code exit_group} and calls cut off
 * by the process's death do not; every errno, {@code ERESTARTSYS} included, is an error. Time is the sum of {@code -T}
 * durations (wall-clock latency, like {@code strace -c -w}); without -T it is zero.
 */
public final class SyscallSummary implements Consumer<StraceEvent> {
    /** One line of the table. */
    public record Row(String syscall, long calls, long errors, long totalMicros, double percentTime) {
        public long microsPerCall() {
            return calls == 0 ? 0 : totalMicros / calls;
        }
    }

    private static final class Counts {
        long calls;
        long errors;
        long micros;
    }

    private final Map<String, Counts> byName = new HashMap<>();

    @Override
    public void accept(StraceEvent event) {
        if (event instanceof SyscallEvent call && call.returned()) {
            Counts counts = byName.computeIfAbsent(call.name(), name -> new Counts());
            counts.calls++;
            if (call.failed()) {
                counts.errors++;
            }
            if (call.durationMicros() > 0) {
                counts.micros += call.durationMicros();
            }
        }
    }

    /** Counts from {@link CallCounter}, which counts the same way without making events. */
    void add(String name, long calls, long errors, long micros) {
        Counts counts = byName.computeIfAbsent(name, n -> new Counts());
        counts.calls += calls;
        counts.errors += errors;
        counts.micros += micros;
    }

    /** Sorted like strace -c: most time first, then most calls, then by name. */
    public List<Row> rows() {
        long total = total().totalMicros();
        return byName.entrySet().stream()
                .map(e -> new Row(
                        e.getKey(),
                        e.getValue().calls,
                        e.getValue().errors,
                        e.getValue().micros,
                        total == 0 ? 0 : 100.0 * e.getValue().micros / total))
                .sorted(Comparator.comparingLong(Row::totalMicros)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Row::calls).reversed())
                        .thenComparing(Row::syscall))
                .toList();
    }

    public Row total() {
        long calls = 0;
        long errors = 0;
        long micros = 0;
        for (Counts counts : byName.values()) {
            calls += counts.calls;
            errors += counts.errors;
            micros += counts.micros;
        }
        return new Row("total", calls, errors, micros, calls == 0 ? 0 : 100);
    }
}
