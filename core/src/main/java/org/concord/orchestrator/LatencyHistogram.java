package org.concord.orchestrator;

import java.util.Arrays;

/**
 * Call durations in a log-linear histogram (8 sub-buckets per power of two: ±6% resolution), so a p99 costs no
 * allocation and no sorting on the decision thread. Written by one thread; readers get an approximate snapshot.
 */
final class LatencyHistogram {
    private static final int SUB = 8;
    private final long[] counts = new long[64 * SUB];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(1, nanos))]++;
        total++;
    }

    static int index(long v) {
        int msb = 63 - Long.numberOfLeadingZeros(v);
        if (msb < 3) {
            return (int) v;
        }
        int sub = (int) ((v >>> (msb - 3)) & (SUB - 1));
        return msb * SUB + sub;
    }

    /** Upper bound of a bucket, in nanos. */
    static long upper(int idx) {
        int msb = idx / SUB;
        int sub = idx % SUB;
        if (msb < 3) {
            return idx;
        }
        return ((long) (SUB + sub + 1) << (msb - 3)) - 1;
    }

    /** The {@code p}-th percentile in nanos (bucket upper bound), 0 when empty. */
    long percentile(double p) {
        long n = total;
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(counts.length - 1);
    }

    void clear() {
        Arrays.fill(counts, 0);
        total = 0;
    }

    long total() {
        return total;
    }
}
