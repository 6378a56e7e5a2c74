package org.concord.coordination;

/**
 * The deepest peak-to-trough fall of the last {@code window} values of a curve (a bucket's cumulative return level),
 * in [0, 1] while the curve stays positive. Added per bar and read at every allocation update, so a read must not
 * walk the whole window: values are kept in blocks of {@value #BLOCK}, each summarised once when it fills (its max,
 * its min and its own deepest fall); a read scans the partial blocks at the two ends and folds the full ones with the
 * running peak P (a block's fall under an earlier, higher peak is max(own fall, 1 − min / P) for non-negative
 * values; a block holding a negative value is scanned). A read costs O(window / 64 + 128) instead of O(window) and
 * gives exactly what a scan of the window gives. Allocation-free.
 */
final class RollingDrawdown {
    static final int BLOCK = 64;

    private final int window;
    private final double[] values; // by absolute index % window
    private final int blocks;
    private final double[] blockMax; // by block id % blocks
    private final double[] blockMin;
    private final double[] blockFall;
    private long count;

    RollingDrawdown(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2, got " + window);
        }
        this.window = window;
        this.values = new double[window];
        this.blocks = window / BLOCK + 2;
        this.blockMax = new double[blocks];
        this.blockMin = new double[blocks];
        this.blockFall = new double[blocks];
    }

    void add(double v) {
        values[(int) (count % window)] = v;
        count++;
        if (count % BLOCK == 0 && window >= BLOCK) {
            summarize(count / BLOCK - 1);
        }
    }

    private double at(long n) {
        return values[(int) (n % window)];
    }

    private void summarize(long id) {
        double peak = 0;
        double min = Double.POSITIVE_INFINITY;
        double fall = 0;
        for (long n = id * BLOCK, end = n + BLOCK; n < end; n++) {
            double v = at(n);
            peak = Math.max(peak, v);
            min = Math.min(min, v);
            if (peak > 0) {
                fall = Math.max(fall, 1 - v / peak);
            }
        }
        int k = (int) (id % blocks);
        blockMax[k] = peak;
        blockMin[k] = min;
        blockFall[k] = fall;
    }

    /** The deepest fall within the window (0 with fewer than two values or a curve that never fell). */
    double max() {
        long end = count;
        long n = Math.max(0, count - window);
        double peak = 0;
        double worst = 0;
        long firstFull = window >= BLOCK ? Math.min(end, (n + BLOCK - 1) / BLOCK * BLOCK) : end;
        for (; n < firstFull; n++) {
            double v = at(n);
            peak = Math.max(peak, v);
            if (peak > 0) {
                worst = Math.max(worst, 1 - v / peak);
            }
        }
        for (; n + BLOCK <= end; n += BLOCK) {
            int k = (int) (n / BLOCK % blocks);
            if (blockMin[k] < 0) {
                for (long i = n; i < n + BLOCK; i++) {
                    double v = at(i);
                    peak = Math.max(peak, v);
                    if (peak > 0) {
                        worst = Math.max(worst, 1 - v / peak);
                    }
                }
                continue;
            }
            if (peak > 0) {
                worst = Math.max(worst, 1 - blockMin[k] / peak);
            }
            worst = Math.max(worst, blockFall[k]);
            peak = Math.max(peak, blockMax[k]);
        }
        for (; n < end; n++) {
            double v = at(n);
            peak = Math.max(peak, v);
            if (peak > 0) {
                worst = Math.max(worst, 1 - v / peak);
            }
        }
        return worst;
    }
}
