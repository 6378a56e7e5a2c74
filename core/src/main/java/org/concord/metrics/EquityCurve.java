package org.concord.metrics;

import org.concord.model.TimeColumns;

/**
 * An account's equity sampled over time (columnar, primitive: {@link TimeColumns}; append without allocation except a
 * new chunk). Times must not go backwards; a sample at the same time as the last replaces it. With a row limit
 * ({@link #limitTo}, a live engine's), every other sample goes once the limit is passed, the first and the last kept:
 * the curve still spans the whole run, its older part thinner.
 */
public final class EquityCurve {
    private static final int EQUITY = 0;
    private static final int EXPOSURE = 1;
    private TimeColumns rows;
    private int maxRows = Integer.MAX_VALUE;

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
        if (rows.size() > maxRows) {
            thin();
        }
    }

    /** At most {@code maxRows} samples (at least 3) from now on; see the class comment. */
    public void limitTo(int maxRows) {
        if (maxRows < 3) {
            throw new IllegalArgumentException("an equity curve keeps at least 3 samples, got " + maxRows);
        }
        this.maxRows = maxRows;
        while (rows.size() > maxRows) {
            thin();
        }
    }

    /** Keeps the even rows and the last one (a new set of columns: this happens once per {@code maxRows / 2} samples). */
    private void thin() {
        int n = rows.size();
        TimeColumns kept = new TimeColumns(2, Math.min(TimeColumns.CHUNK, n / 2 + 2));
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0 || i == n - 1) {
                int j = kept.append(rows.time(i));
                kept.set(EQUITY, j, rows.get(EQUITY, i));
                kept.set(EXPOSURE, j, rows.get(EXPOSURE, i));
            }
        }
        rows = kept;
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
