package org.concord.indicators;

/**
 * The last {@code capacity} values, newest replaceable: {@code ago(0)} is the newest, {@code ago(k)} the value
 * {@code k} steps back. Used to delay a series (Ichimoku's displaced spans, lookbacks) without allocating.
 */
public final class DelayLine {
    private final double[] buf;
    private int head = -1;
    private int size;

    public DelayLine(int capacity) {
        this.buf = new double[Outputs.requirePeriod("capacity", capacity, 1)];
    }

    public void add(double x) {
        head = head + 1 == buf.length ? 0 : head + 1;
        buf[head] = x;
        if (size < buf.length) {
            size++;
        }
    }

    public void replaceNewest(double x) {
        if (size == 0) {
            throw new IllegalStateException("replaceNewest on an empty delay line");
        }
        buf[head] = x;
    }

    /** The value {@code k} steps back ({@code 0} = newest); requires {@code k < size()}. */
    public double ago(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("ago(" + k + ") outside [0," + size + ")");
        }
        int i = head - k;
        return buf[i < 0 ? i + buf.length : i];
    }

    public int size() {
        return size;
    }

    public void clear() {
        head = -1;
        size = 0;
    }
}
