package org.concord.modules.microstructure;

import java.util.Arrays;

/**
 * Volume-synchronized probability of informed trading (Easley, López de Prado, O'Hara), from signed trades.
 *
 * <p>Trades fill buckets of equal volume {@code V}; a trade that overfills a bucket is split, the rest going to the
 * next. Each full bucket records its order imbalance {@code |Vbuy - Vsell|}. VPIN is the mean imbalance of the last
 * {@code n} full buckets divided by {@code V} (in [0, 1]); before {@code n} buckets filled it is the mean over those
 * filled so far ({@link #ready()} false). The side of each trade is its aggressor side as the feed reports it
 * (Binance's flag, or the tick rule for Bitstamp), not bulk-volume classification. Not thread-safe.
 */
public final class Vpin {
    private final double bucketVolume;
    private final double[] imbalances;
    private int filled;
    private int head;
    private double sum;
    private double buy;
    private double sell;

    public Vpin(double bucketVolume, int buckets) {
        if (!(bucketVolume > 0) || Double.isInfinite(bucketVolume) || buckets < 1) {
            throw new IllegalArgumentException("bucketVolume > 0 and buckets >= 1 required, got " + bucketVolume + ", " + buckets);
        }
        this.bucketVolume = bucketVolume;
        this.imbalances = new double[buckets];
    }

    /** Adds a trade of {@code size} whose aggressor bought ({@code buy}) or sold. */
    public void add(double size, boolean buyAggressor) {
        double rest = size;
        while (rest > 0) {
            double room = bucketVolume - (buy + sell);
            double take = Math.min(room, rest);
            if (buyAggressor) {
                buy += take;
            } else {
                sell += take;
            }
            rest -= take;
            if (buy + sell >= bucketVolume * (1 - 1e-12)) {
                close();
            }
        }
    }

    private void close() {
        double imb = Math.abs(buy - sell);
        if (filled == imbalances.length) {
            sum -= imbalances[head];
        } else {
            filled++;
        }
        imbalances[head] = imb;
        sum += imb;
        head = (head + 1) % imbalances.length;
        buy = 0;
        sell = 0;
        if (head == 0) {
            // re-add from scratch once per lap so rounding errors cannot accumulate
            double s = 0;
            for (int i = 0; i < filled; i++) {
                s += imbalances[i];
            }
            sum = s;
        }
    }

    /** VPIN in [0, 1], 0 before the first full bucket. */
    public double value() {
        return filled == 0 ? 0.0 : Math.min(1.0, Math.max(0.0, sum / (filled * bucketVolume)));
    }

    public boolean ready() {
        return filled == imbalances.length;
    }

    public int filledBuckets() {
        return filled;
    }

    public void clear() {
        filled = 0;
        head = 0;
        sum = 0;
        buy = 0;
        sell = 0;
        Arrays.fill(imbalances, 0);
    }
}
