package dev.trestle.trace.dtrace;

import java.util.List;

/**
 * A dtrace {@code quantize}/{@code lquantize} or a bpftrace {@code hist}/{@code lhist} histogram, reported when its
 * last bucket has been read.
 *
 * @param lineNumber the line of the histogram's header ({@code value  ---- Distribution ---- count}, {@code @hist:})
 * @param map as in {@link DtraceAggregation#map()}
 * @param buckets in the order printed, which is ascending
 */
public record DtraceHistogram(long lineNumber, String map, List<String> keys, List<Bucket> buckets)
        implements DtraceEvent {
    /**
     * @param label as printed: {@code 4} (dtrace; the bucket's lower bound), {@code < 10} or {@code >= 100} (lquantize
     *     ranges), {@code [4, 8)}, {@code [0]} or {@code [8K, 16K)} (bpftrace)
     */
    public record Bucket(String label, long count) {}

    public DtraceHistogram {
        keys = List.copyOf(keys);
        buckets = List.copyOf(buckets);
    }

    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }
}
