package org.concord.coordination;

/**
 * The deepest peak-to-trough fall of the last {@code window} values of a curve (a bucket's cumulative return level),
 * in [0, 1] while the curve stays positive. Added per bar and read at every allocation update, so a read must not
 * walk the window. Values are kept in blocks of {@value #BLOCK}; each block is summarised once when it fills (its
 * max, its min, its own deepest fall, and the same three for each of its suffixes), and the block being filled keeps
 * its running summary as values come. A read folds, with the running peak P, the oldest block's suffix still in the
 * window, the full blocks and the block being filled: a part's fall under an earlier, higher peak is
 * max(own fall, 1 − min / P) for non-negative values, since 1 − v / max(a, b) = max(1 − v / a, 1 − v / b) — so the
 * fold gives exactly what a scan of the window gives. A part holding a negative value is scanned. A read costs
 * O(window / {@value #BLOCK}): 8 blocks for the default 2,016 bars; allocation-free.
 */
final class RollingDrawdown {
    static final int BLOCK = 256;

    private final int window;
    private final double[] values; // by slot: absolute index % window
    private final double[] suffixMax; // by slot: of the values from that one to the end of its block
    private final double[] suffixMin;
    private final double[] suffixFall;
    private final int blocks;
    private final double[] blockMax; // by block id % blocks
    private final double[] blockMin;
    private final double[] blockFall;
    private long count;
    private int next; // the slot the next value goes to
    // the block being filled, from its first value: running peak (from 0, as a scan starts), min and deepest fall
    private double fillPeak;
    private double fillMin = Double.POSITIVE_INFINITY;
    private double fillFall;
    private final Walk walk = new Walk();

    RollingDrawdown(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2, got " + window);
        }
        this.window = window;
        this.values = new double[window];
        this.suffixMax = new double[window];
        this.suffixMin = new double[window];
        this.suffixFall = new double[window];
        this.blocks = window / BLOCK + 2;
        this.blockMax = new double[blocks];
        this.blockMin = new double[blocks];
        this.blockFall = new double[blocks];
    }

    void add(double v) {
        values[next] = v;
        next = next + 1 == window ? 0 : next + 1;
        count++;
        fillPeak = Math.max(fillPeak, v);
        fillMin = Math.min(fillMin, v);
        if (fillPeak > 0) {
            fillFall = Math.max(fillFall, 1 - v / fillPeak);
        }
        if (count % BLOCK == 0) {
            if (window >= BLOCK) {
                close(count / BLOCK - 1);
            }
            fillPeak = 0;
            fillMin = Double.POSITIVE_INFINITY;
            fillFall = 0;
        }
    }

    /** Files the block just filled: its summary, and its suffixes' from the last value back. */
    private void close(long id) {
        int k = (int) (id % blocks);
        blockMax[k] = fillPeak;
        blockMin[k] = fillMin;
        blockFall[k] = fillFall;
        int last = slot(id * BLOCK + BLOCK - 1);
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        double fall = 0;
        for (int i = 0, j = last; i < BLOCK; i++, j = j == 0 ? window - 1 : j - 1) {
            double v = values[j];
            max = Math.max(max, v);
            min = Math.min(min, v);
            if (v > 0) {
                fall = Math.max(fall, 1 - min / v); // the suffix's fall with v as its peak, or a later peak's
            }
            suffixMax[j] = max;
            suffixMin[j] = min;
            suffixFall[j] = fall;
        }
    }

    /** The deepest fall within the window (0 with fewer than two values or a curve that never fell). */
    double max() {
        long end = count;
        long n = Math.max(0, count - window);
        Walk w = walk.from(slot(n));
        if (window < BLOCK) {
            w.scan(end - n);
            return w.worst;
        }
        long firstFull = Math.min(end, (n + BLOCK - 1) / BLOCK * BLOCK);
        if (n < firstFull) {
            // the oldest block's suffix still in the window (its block is full: the window spans at least a block)
            int s = w.at;
            if (suffixMin[s] < 0) {
                w.scan(firstFull - n);
            } else {
                w.worst = suffixFall[s];
                w.peak = suffixMax[s];
                w.skip((int) (firstFull - n));
            }
            n = firstFull;
        }
        int k = (int) (n / BLOCK % blocks);
        for (; n + BLOCK <= end; n += BLOCK, k = k + 1 == blocks ? 0 : k + 1) {
            if (blockMin[k] < 0) {
                w.scan(BLOCK);
            } else {
                w.fold(blockMax[k], blockMin[k], blockFall[k]);
                w.skip(BLOCK);
            }
        }
        if (n < end) {
            if (fillMin < 0) {
                w.scan(end - n);
            } else {
                w.fold(fillPeak, fillMin, fillFall);
            }
        }
        return w.worst;
    }

    /** The slot of the value added {@code n}-th (from 0). */
    private int slot(long n) {
        return (int) (n % window);
    }

    /** A read's running peak and deepest fall, and the slot it has reached (one per tracker: reads are not concurrent). */
    private final class Walk {
        int at;
        double peak;
        double worst;

        Walk from(int slot) {
            at = slot;
            peak = 0;
            worst = 0;
            return this;
        }

        /** Takes a summarised part of non-negative values in: its own fall, and its min under the peak so far. */
        void fold(double max, double min, double fall) {
            if (peak > 0) {
                worst = Math.max(worst, 1 - min / peak);
            }
            worst = Math.max(worst, fall);
            peak = Math.max(peak, max);
        }

        void scan(long count) {
            for (long i = 0; i < count; i++) {
                double v = values[at];
                peak = Math.max(peak, v);
                if (peak > 0) {
                    worst = Math.max(worst, 1 - v / peak);
                }
                at = at + 1 == window ? 0 : at + 1;
            }
        }

        void skip(int count) {
            at += count;
            if (at >= window) {
                at -= window;
            }
        }
    }
}
