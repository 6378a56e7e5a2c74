package org.concord.metrics;

import java.util.Arrays;

/**
 * An account's equity sampled over time (columnar, primitive; append without allocation except growth).
 * Times must not go backwards; a sample at the same time as the last replaces it.
 */
public final class EquityCurve {
    private long[] time;
    private double[] equity;
    private double[] exposure;
    private int size;

    public EquityCurve() {
        this(1024);
    }

    public EquityCurve(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        time = new long[capacity];
        equity = new double[capacity];
        exposure = new double[capacity];
    }

    /**
     * @param grossExposure gross position notional over equity at that time (0 when flat)
     */
    public void add(long t, double e, double grossExposure) {
        if (!Double.isFinite(e)) {
            throw new IllegalArgumentException("equity must be finite, got " + e + " at " + t);
        }
        if (size > 0 && t < time[size - 1]) {
            throw new IllegalArgumentException("equity sample at " + t + " before the last one at " + time[size - 1]);
        }
        if (size > 0 && t == time[size - 1]) {
            equity[size - 1] = e;
            exposure[size - 1] = grossExposure;
            return;
        }
        if (size == time.length) {
            int c = size * 2;
            time = Arrays.copyOf(time, c);
            equity = Arrays.copyOf(equity, c);
            exposure = Arrays.copyOf(exposure, c);
        }
        time[size] = t;
        equity[size] = e;
        exposure[size] = Double.isFinite(grossExposure) ? grossExposure : 0;
        size++;
    }

    public void add(long t, double e) {
        add(t, e, 0);
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        check(i);
        return time[i];
    }

    public double equity(int i) {
        check(i);
        return equity[i];
    }

    public double exposure(int i) {
        check(i);
        return exposure[i];
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside [0," + size + ")");
        }
    }

    /** Copies for saving (JSON: parallel arrays). */
    public Data data() {
        return new Data(Arrays.copyOf(time, size), Arrays.copyOf(equity, size), Arrays.copyOf(exposure, size));
    }

    /** The curve as parallel arrays. */
    public record Data(long[] time, double[] equity, double[] exposure) {
    }
}
