package dev.trestle.trace.dtrace;

import java.util.List;
import java.util.OptionalLong;

/**
 * One entry of an aggregation: a dtrace {@code printa} row ({@code   bash      42}) or a bpftrace map entry
 * ({@code @counts[bash, 12]: 42}).
 *
 * @param map the bpftrace map name with its {@code @}; empty for dtrace, which does not print names
 * @param keys the keys in order; empty for a scalar such as {@code @total: 7}
 * @param value as printed; bpftrace prints non-numbers too, e.g. {@code count 3, average 4, total 12} for stats()
 */
public record DtraceAggregation(long lineNumber, String map, List<String> keys, String value) implements DtraceEvent {
    public DtraceAggregation {
        keys = List.copyOf(keys);
    }

    /** The value as a number, if it is one. */
    public OptionalLong count() {
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
