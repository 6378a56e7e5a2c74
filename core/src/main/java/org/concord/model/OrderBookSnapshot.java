package org.concord.model;

import java.util.Arrays;

/**
 * Top-of-book depth at one instant: bids best (highest) first, asks best (lowest) first. Arrays are copied in
 * and never exposed, so a snapshot is immutable and safe to hand across threads.
 */
public final class OrderBookSnapshot {
    private final Symbol symbol;
    private final long time;
    private final double[] bidPrices;
    private final double[] bidSizes;
    private final double[] askPrices;
    private final double[] askSizes;

    public OrderBookSnapshot(Symbol symbol, long time, double[] bidPrices, double[] bidSizes,
                             double[] askPrices, double[] askSizes) {
        if (symbol == null) {
            throw new IllegalArgumentException("book symbol is null");
        }
        if (bidPrices.length != bidSizes.length || askPrices.length != askSizes.length) {
            throw new IllegalArgumentException("book price/size arrays differ in length");
        }
        checkSide("bid", bidPrices, bidSizes, true);
        checkSide("ask", askPrices, askSizes, false);
        if (bidPrices.length > 0 && askPrices.length > 0 && bidPrices[0] >= askPrices[0]) {
            throw new IllegalArgumentException("crossed book: best bid " + bidPrices[0] + " >= best ask " + askPrices[0]);
        }
        this.symbol = symbol;
        this.time = time;
        this.bidPrices = bidPrices.clone();
        this.bidSizes = bidSizes.clone();
        this.askPrices = askPrices.clone();
        this.askSizes = askSizes.clone();
    }

    private static void checkSide(String side, double[] px, double[] sz, boolean descending) {
        for (int i = 0; i < px.length; i++) {
            if (!BarChecks.finitePositive(px[i]) || !(sz[i] >= 0) || Double.isInfinite(sz[i])) {
                throw new IllegalArgumentException(side + " level " + i + " invalid: " + px[i] + " x " + sz[i]);
            }
            if (i > 0 && (descending ? px[i] >= px[i - 1] : px[i] <= px[i - 1])) {
                throw new IllegalArgumentException(side + " levels not strictly " + (descending ? "descending" : "ascending") + " at " + i);
            }
        }
    }

    public Symbol symbol() {
        return symbol;
    }

    public long time() {
        return time;
    }

    public int bidDepth() {
        return bidPrices.length;
    }

    public int askDepth() {
        return askPrices.length;
    }

    public double bidPrice(int level) {
        return bidPrices[level];
    }

    public double bidSize(int level) {
        return bidSizes[level];
    }

    public double askPrice(int level) {
        return askPrices[level];
    }

    public double askSize(int level) {
        return askSizes[level];
    }

    public double bestBid() {
        return bidPrices.length == 0 ? Double.NaN : bidPrices[0];
    }

    public double bestAsk() {
        return askPrices.length == 0 ? Double.NaN : askPrices[0];
    }

    public double mid() {
        return (bestBid() + bestAsk()) / 2.0;
    }

    public double spread() {
        return bestAsk() - bestBid();
    }

    /** Total size on one side over the best {@code levels} levels. */
    public double bidVolume(int levels) {
        return sum(bidSizes, levels);
    }

    public double askVolume(int levels) {
        return sum(askSizes, levels);
    }

    /** (bidVol - askVol) / (bidVol + askVol) over the best {@code levels}; 0 for an empty book. */
    public double imbalance(int levels) {
        double b = bidVolume(levels);
        double a = askVolume(levels);
        return b + a == 0 ? 0.0 : (b - a) / (b + a);
    }

    private static double sum(double[] a, int levels) {
        double s = 0;
        for (int i = 0, n = Math.min(levels, a.length); i < n; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "OrderBookSnapshot[" + symbol + " @" + time + " bids=" + Arrays.toString(bidPrices)
                + " asks=" + Arrays.toString(askPrices) + "]";
    }
}
