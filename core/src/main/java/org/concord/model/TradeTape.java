package org.concord.model;

import java.util.Arrays;

/**
 * An immutable, time-ordered column store of one symbol's trades (what a replay plays). Built once, read by
 * index without boxing.
 */
public final class TradeTape {
    private final Symbol symbol;
    private final long[] time;
    private final double[] price;
    private final double[] size;
    private final boolean[] buyerMaker;

    public TradeTape(Symbol symbol, long[] time, double[] price, double[] size, boolean[] buyerMaker) {
        if (symbol == null) {
            throw new IllegalArgumentException("tape symbol is null");
        }
        int n = time.length;
        if (price.length != n || size.length != n || buyerMaker.length != n) {
            throw new IllegalArgumentException("tape columns differ in length");
        }
        for (int i = 1; i < n; i++) {
            if (time[i] < time[i - 1]) {
                throw new IllegalArgumentException("tape not time-ordered at index " + i);
            }
        }
        this.symbol = symbol;
        this.time = time.clone();
        this.price = price.clone();
        this.size = size.clone();
        this.buyerMaker = buyerMaker.clone();
    }

    public Symbol symbol() {
        return symbol;
    }

    public int size() {
        return time.length;
    }

    public long time(int i) {
        return time[i];
    }

    public double price(int i) {
        return price[i];
    }

    public double size(int i) {
        return size[i];
    }

    public boolean buyerMaker(int i) {
        return buyerMaker[i];
    }

    public Trade trade(int i) {
        return new Trade(symbol, time[i], price[i], size[i], buyerMaker[i], i);
    }

    public long firstTime() {
        return time[0];
    }

    public long lastTime() {
        return time[time.length - 1];
    }

    /** First index with time {@code >= t}. */
    public int indexAtOrAfter(long t) {
        int i = Arrays.binarySearch(time, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && time[i - 1] == t) {
            i--;
        }
        return i;
    }

    /** The trades with time in {@code [from, to]}, in order (a copy; empty when none). */
    public TradeTape between(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " after to " + to);
        }
        int a = indexAtOrAfter(from);
        int b = to == Long.MAX_VALUE ? time.length : indexAtOrAfter(to + 1);
        return new TradeTape(symbol, Arrays.copyOfRange(time, a, b), Arrays.copyOfRange(price, a, b), Arrays.copyOfRange(size, a, b),
                Arrays.copyOfRange(buyerMaker, a, b));
    }

    /**
     * The tape repeated {@code times} times back to back, each copy shifted in time by the span of the tape
     * rounded up to whole days plus one day (so bars of every timeframe line up) and, to keep the price path
     * continuous, scaled so that each copy opens at the previous copy's last price. Used to build large
     * benchmark inputs from the real trades; stated wherever a figure is quoted.
     */
    public TradeTape repeated(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        int n = time.length;
        long day = Timeframe.D1.millis();
        long shift = (Math.floorDiv(lastTime() - firstTime(), day) + 2) * day;
        long[] t = new long[n * times];
        double[] p = new double[n * times];
        double[] s = new double[n * times];
        boolean[] b = new boolean[n * times];
        double scale = 1.0;
        for (int k = 0; k < times; k++) {
            for (int i = 0; i < n; i++) {
                int j = k * n + i;
                t[j] = time[i] + k * shift;
                p[j] = price[i] * scale;
                s[j] = size[i];
                b[j] = buyerMaker[i];
            }
            scale *= price[n - 1] / price[0];
        }
        return new TradeTape(symbol, t, p, s, b);
    }
}
