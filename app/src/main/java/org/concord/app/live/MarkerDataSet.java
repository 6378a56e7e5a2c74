package org.concord.app.live;

import io.fair_acc.dataset.DataSet;

import java.util.Arrays;

/**
 * Chart markers (x in seconds, y price, a label shown on hover) in plain growable arrays, changed only on the FX
 * thread. Unlike ChartFX's DoubleDataSet it takes no write lock (a lock left held by a renderer stalled the
 * FX thread in clearData).
 */
public final class MarkerDataSet extends SortedDataSet<MarkerDataSet> {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private String[] labels = new String[64];
    private int n;
    private final int max;

    public MarkerDataSet(String name, int max) {
        super(name, 2);
        this.max = max;
    }

    public void add(double xs, double price, String label) {
        if (n == max) { // drop the oldest half: markers far in the past are the least useful
            int keep = max / 2;
            System.arraycopy(x, n - keep, x, 0, keep);
            System.arraycopy(y, n - keep, y, 0, keep);
            System.arraycopy(labels, n - keep, labels, 0, keep);
            n = keep;
        }
        if (n == x.length) {
            x = Arrays.copyOf(x, n * 2);
            y = Arrays.copyOf(y, n * 2);
            labels = Arrays.copyOf(labels, n * 2);
        }
        x[n] = xs;
        y[n] = price;
        labels[n++] = label;
    }

    /** Drops the newest marker (one candle's marker replaced by a later decision in it). */
    public void removeLast() {
        if (n > 0) {
            labels[--n] = null;
        }
    }

    /** The newest marker's x, or NaN when empty. */
    public double lastX() {
        return n == 0 ? Double.NaN : x[n - 1];
    }

    public void clear() {
        n = 0;
    }

    @Override
    public double get(int dimIndex, int index) {
        return dimIndex == DIM_X ? x[index] : y[index];
    }

    @Override
    public int getDataCount() {
        return n;
    }

    @Override
    public String getDataLabel(int index) {
        return index >= 0 && index < n ? labels[index] : null;
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("markers are added one by one");
    }
}
