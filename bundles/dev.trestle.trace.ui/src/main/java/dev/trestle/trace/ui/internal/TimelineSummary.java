package dev.trestle.trace.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events per process over time, downsampled while the log is read: {@value #BUCKETS} buckets a lane, at most {@value
 * #MAX_LANES} lanes (later processes share the last one), so it costs at most about 1.3 MB whatever the log's length.
 * When an event falls past the last bucket the buckets double in width and neighbours merge. The axis is the
 * timestamp, or the line number for logs written without one. Filled by one thread, then only read.
 */
final class TimelineSummary {
    static final int BUCKETS = 512;
    static final int MAX_LANES = 128;
    /** The pid of the lane that collects the processes past {@link #MAX_LANES}. */
    static final int OTHERS = -1;

    /** One process's buckets. */
    static final class Lane {
        final int pid;
        final int[] count = new int[BUCKETS];
        final int[] errors = new int[BUCKETS];
        final long[] longest = new long[BUCKETS];
        /** The index of the first event in the bucket, -1 in an empty one. */
        final int[] first = new int[BUCKETS];

        Lane(int pid) {
            this.pid = pid;
            Arrays.fill(first, -1);
        }

        private void halve() {
            for (int b = 0; b < BUCKETS / 2; b++) {
                int l = 2 * b;
                int r = l + 1;
                count[b] = count[l] + count[r];
                errors[b] = errors[l] + errors[r];
                longest[b] = Math.max(longest[l], longest[r]);
                first[b] = first[l] >= 0 ? first[l] : first[r];
            }
            Arrays.fill(count, BUCKETS / 2, BUCKETS, 0);
            Arrays.fill(errors, BUCKETS / 2, BUCKETS, 0);
            Arrays.fill(longest, BUCKETS / 2, BUCKETS, 0);
            Arrays.fill(first, BUCKETS / 2, BUCKETS, -1);
        }
    }

    private final Map<Integer, Lane> byPid = new HashMap<>();
    private final List<Lane> lanes = new ArrayList<>();
    private boolean byTime = true;
    private boolean started;
    private long origin;
    private long width = 1;
    private long last;
    private int maxCount;

    /** {@code time} may be {@link dev.trestle.trace.strace.StraceEvent#NO_TIME}; then {@code line} is the axis. */
    void add(int event, int pid, long time, long line, boolean failed, long duration) {
        if (!started) {
            started = true;
            byTime = time >= 0;
            origin = byTime ? time : line;
        }
        long value = byTime ? Math.max(time, origin) : line;
        long bucket = (value - origin) / width;
        while (bucket >= BUCKETS) {
            width *= 2;
            lanes.forEach(Lane::halve);
            bucket = (value - origin) / width;
        }
        last = Math.max(last, value);
        int b = (int) Math.max(bucket, 0);
        Lane lane = lane(pid);
        lane.count[b]++;
        maxCount = Math.max(maxCount, lane.count[b]);
        if (failed) {
            lane.errors[b]++;
        }
        lane.longest[b] = Math.max(lane.longest[b], duration);
        if (lane.first[b] < 0) {
            lane.first[b] = event;
        }
    }

    private Lane lane(int pid) {
        Lane lane = byPid.get(pid);
        if (lane == null) {
            if (lanes.size() >= MAX_LANES - 1) {
                lane = byPid.computeIfAbsent(OTHERS, Lane::new);
                if (!lanes.contains(lane)) {
                    lanes.add(lane);
                }
            } else {
                lane = new Lane(pid);
                lanes.add(lane);
            }
            byPid.put(pid, lane);
        }
        return lane;
    }

    List<Lane> lanes() {
        return lanes;
    }

    boolean byTime() {
        return byTime;
    }

    long origin() {
        return origin;
    }

    /** The axis units a bucket covers. */
    long width() {
        return width;
    }

    /** The largest axis value seen. */
    long last() {
        return last;
    }

    /** How many buckets hold anything: the rest of the axis is empty. */
    int usedBuckets() {
        return (int) Math.min(BUCKETS, (last - origin) / width + 1);
    }

    int maxCount() {
        return maxCount;
    }

    /** The first event of the non-empty bucket of {@code lane} nearest to {@code bucket}, or -1. */
    int nearestEvent(int lane, int bucket) {
        if (lane < 0 || lane >= lanes.size()) {
            return -1;
        }
        int[] first = lanes.get(lane).first;
        int at = Math.clamp(bucket, 0, BUCKETS - 1);
        for (int d = 0; d < BUCKETS; d++) {
            if (at - d >= 0 && first[at - d] >= 0) {
                return first[at - d];
            }
            if (at + d < BUCKETS && first[at + d] >= 0) {
                return first[at + d];
            }
        }
        return -1;
    }
}
