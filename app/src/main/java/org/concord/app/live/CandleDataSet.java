package org.concord.app.live;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;

import java.util.Arrays;

/**
 * A ChartFX OHLCV data set (7 dimensions, x in seconds) over {@link CandleColumns}, with rendering decimation:
 * when the visible range holds more bars than the plot has room for, it shows buckets of {@code k} consecutive
 * bars (first open, highest high, lowest low, last close, summed volume), so a 100,000-bar history zoomed out
 * draws about one candle per few pixels. With {@code k = 1} it reads the columns directly (no copy). Appending
 * or replacing the last bar updates only the last bucket. FX thread only.
 */
public final class CandleDataSet extends SortedDataSet<CandleDataSet> {
    private final CandleColumns raw;
    private int bucket = 1;
    private double[] rx = new double[0];
    private double[] ro = new double[0];
    private double[] rh = new double[0];
    private double[] rl = new double[0];
    private double[] rc = new double[0];
    private double[] rv = new double[0];
    private int rn;

    public CandleDataSet(String name, CandleColumns raw) {
        super(name, 7);
        this.raw = raw;
    }

    public int bucket() {
        return bucket;
    }

    /** Sets the bars per shown candle; rebuilds the buckets (O(bars)) only when it changed. */
    public void setBucket(int k) {
        int nk = Math.max(1, k);
        if (nk != bucket) {
            bucket = nk;
            rebuild();
        }
    }

    /** The columns changed from index {@code from} on (an upsert): refresh the buckets that cover it. */
    public void changedFrom(int from) {
        if (bucket == 1) {
            return;
        }
        int firstBucket = Math.max(0, Math.min(from / bucket, rn));
        int need = (raw.size + bucket - 1) / bucket;
        ensure(need);
        for (int b = firstBucket; b < need; b++) {
            fill(b);
        }
        rn = need;
    }

    /** Everything changed (a reload). */
    public void rebuild() {
        if (bucket == 1) {
            rn = 0;
            return;
        }
        int need = (raw.size + bucket - 1) / bucket;
        ensure(need);
        for (int b = 0; b < need; b++) {
            fill(b);
        }
        rn = need;
    }

    private void ensure(int n) {
        if (rx.length < n) {
            int cap = Math.max(n, rx.length * 2);
            rx = Arrays.copyOf(rx, cap);
            ro = Arrays.copyOf(ro, cap);
            rh = Arrays.copyOf(rh, cap);
            rl = Arrays.copyOf(rl, cap);
            rc = Arrays.copyOf(rc, cap);
            rv = Arrays.copyOf(rv, cap);
        }
    }

    private void fill(int b) {
        int from = b * bucket;
        int to = Math.min(raw.size, from + bucket);
        double h = Double.NEGATIVE_INFINITY;
        double l = Double.POSITIVE_INFINITY;
        double v = 0;
        for (int i = from; i < to; i++) {
            h = Math.max(h, raw.high[i]);
            l = Math.min(l, raw.low[i]);
            v += raw.volume[i];
        }
        rx[b] = raw.time[from] / 1000.0;
        ro[b] = raw.open[from];
        rh[b] = h;
        rl[b] = l;
        rc[b] = raw.close[to - 1];
        rv[b] = v;
    }

    @Override
    public double get(int dimIndex, int index) {
        if (bucket == 1) {
            return switch (dimIndex) {
                case DIM_X -> raw.time[index] / 1000.0;
                case OhlcvDataSet.DIM_Y_OPEN -> raw.open[index];
                case OhlcvDataSet.DIM_Y_HIGH -> raw.high[index];
                case OhlcvDataSet.DIM_Y_LOW -> raw.low[index];
                case OhlcvDataSet.DIM_Y_CLOSE -> raw.close[index];
                case OhlcvDataSet.DIM_Y_VOLUME -> raw.volume[index];
                case OhlcvDataSet.DIM_Y_OI -> 0;
                default -> throw new IllegalArgumentException("dimension " + dimIndex + " of 7");
            };
        }
        return switch (dimIndex) {
            case DIM_X -> rx[index];
            case OhlcvDataSet.DIM_Y_OPEN -> ro[index];
            case OhlcvDataSet.DIM_Y_HIGH -> rh[index];
            case OhlcvDataSet.DIM_Y_LOW -> rl[index];
            case OhlcvDataSet.DIM_Y_CLOSE -> rc[index];
            case OhlcvDataSet.DIM_Y_VOLUME -> rv[index];
            case OhlcvDataSet.DIM_Y_OI -> 0;
            default -> throw new IllegalArgumentException("dimension " + dimIndex + " of 7");
        };
    }

    @Override
    public int getDataCount() {
        return bucket == 1 ? raw.size : rn;
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("the candle data set is fed from its columns");
    }
}
