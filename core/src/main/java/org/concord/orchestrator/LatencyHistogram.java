package org.concord.orchestrator;

import java.util.Arrays;

/**
 * Call durations in a log-linear histogram (32 sub-buckets per power of two: a bucket is at most 1/32 of its lower
 * bound wide, ~3%), so a p99 costs no allocation and no sorting on the decision thread. A percentile is the upper bound
 * of the bucket it falls in: never below the true value, at most ~3% above it. With 8 sub-buckets (12.5% wide) the
 * module panel showed several modules with one p99 (the same bucket bound, e.g. 81.9 µs) and read as made up. Written
 * by one thread; readers get an approximate snapshot.
 */
final class LatencyHistogram {
    private static final int SHIFT = 5;
    private static final int SUB = 1 << SHIFT;
    private final long[] counts = new long[64 * SUB];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(1, nanos))]++;
        total++;
    }

    static int index(long v) {
        int msb = 63 - Long.numberOfLeadingZeros(v);
        if (msb < SHIFT) {
            return (int) v;
        }
        int sub = (int) ((v >>> (msb - SHIFT)) & (SUB - 1));
        return msb * SUB + sub;
    }

    /** Upper bound of a bucket, in nanos. */
    static long upper(int idx) {
        int msb = idx / SUB;
        int sub = idx % SUB;
        if (msb < SHIFT) {
            return idx;
        }
        return ((long) (SUB + sub + 1) << (msb - SHIFT)) - 1;
    }

    /** The {@code p}-th percentile in nanos (its bucket's upper bound), 0 when empty. */
    long percentile(double p) {
        long n = total;
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        int highest = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            highest = i;
            seen += counts[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        // a reader racing the writer (or a clear) can count fewer than it was told: the slowest call seen, not the
        // last bucket's bound (2^64 ns)
        return highest < 0 ? 0 : upper(highest);
    }

    void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    long total() {
        return total;
    }
}
