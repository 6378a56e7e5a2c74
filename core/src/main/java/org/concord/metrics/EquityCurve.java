package org.concord.metrics;

import org.concord.model.TimeColumns;

/**
 * An account's equity sampled over time (columnar, primitive: {@link TimeColumns}; append without allocation except a
 * new chunk). Times must not go backwards; a sample at the same time as the last replaces it.
 */
public final class EquityCurve {
    private static final int EQUITY = 0;
    private static final int EXPOSURE = 1;
    private final TimeColumns rows;

    public EquityCurve() {
        this(1024);
    }

    public EquityCurve(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        rows = new TimeColumns(2, capacity);
    }

    /**
     * @param grossExposure gross position notional over equity at that time (0 when flat)
     */
    public void add(long t, double e, double grossExposure) {
        if (!Double.isFinite(e)) {
            throw new IllegalArgumentException("equity must be finite, got " + e + " at " + t);
        }
        int n = rows.size();
        if (n > 0 && t < rows.time(n - 1)) {
            throw new IllegalArgumentException("equity sample at " + t + " before the last one at " + rows.time(n - 1));
        }
        int i = n > 0 && t == rows.time(n - 1) ? n - 1 : rows.append(t);
        rows.set(EQUITY, i, e);
        rows.set(EXPOSURE, i, Double.isFinite(grossExposure) ? grossExposure : 0);
    }

    public void add(long t, double e) {
        add(t, e, 0);
    }

    public int size() {
        return rows.size();
    }

    public long time(int i) {
        check(i);
        return rows.time(i);
    }

    public double equity(int i) {
        check(i);
        return rows.get(EQUITY, i);
    }

    public double exposure(int i) {
        check(i);
        return rows.get(EXPOSURE, i);
    }

    private void check(int i) {
        if (i < 0 || i >= rows.size()) {
            throw new IndexOutOfBoundsException("index " + i + " outside [0," + rows.size() + ")");
        }
    }

    /** Copies for saving (JSON: parallel arrays). */
    public Data data() {
        int n = rows.size();
        return new Data(rows.times(0, n), rows.column(EQUITY, 0, n), rows.column(EXPOSURE, 0, n));
    }

    /** The curve as parallel arrays. */
    public record Data(long[] time, double[] equity, double[] exposure) {
    }
}
