package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.function.ToDoubleFunction;

/**
 * Coordination's statistics on their clock ({@link CoordinationConfig#statisticsPeriod()}): the reference market's
 * decision bars are gathered into periods, and at each period's end the regime sees it as one bar (its last close, its
 * summed volume), the buckets' returns over it are recorded, and every {@code allocationEveryBars} periods the
 * allocation takes a step. Single writer: the engine's decision thread.
 */
final class StatisticsPeriods {
    private static final long NONE = Long.MIN_VALUE;
    private final CapitalAllocationManager allocations;
    private final BucketLedger ledger;
    private final ToDoubleFunction<Symbol> marks;
    private final int allocationEvery;
    private final long periodMillis;
    private final boolean periodIsBar;
    // the period being filled: its index on the clock (NONE before its first bar), the volume so far, the last bar's
    // close and the equity then
    private long period = NONE;
    private double volume;
    private double close;
    private double equity;
    private long periods;
    private final double[] returns = new double[Bucket.COUNT]; // onBucketReturns reads it and keeps nothing
    private final double[] lastPnl = new double[Bucket.COUNT];
    private final double[] lastCapital = new double[Bucket.COUNT];

    StatisticsPeriods(CoordinationConfig config, CapitalAllocationManager allocations, BucketLedger ledger, ToDoubleFunction<Symbol> marks) {
        this.allocations = allocations;
        this.ledger = ledger;
        this.marks = marks;
        this.allocationEvery = config.allocationEveryBars();
        this.periodMillis = config.statisticsPeriod().millis();
        this.periodIsBar = config.statisticsPeriod() == config.decisionTimeframe();
    }

    /**
     * Before the reference bar closing at {@code t} moves the marks: a period whose last bar never came (no trade in
     * that minute) ends here, with the bar before it and the marks then.
     */
    void beforeBar(long t) {
        if (period != NONE && index(t) != period) {
            end();
        }
    }

    /** The reference bar closing at {@code t}, with the broker's equity after it. */
    void onBar(long t, double barClose, double barVolume, double equityNow) {
        period = index(t);
        volume += barVolume;
        close = barClose;
        equity = equityNow;
        if (periodIsBar || t % periodMillis == 0) {
            end();
        }
    }

    private long index(long t) {
        return periodIsBar ? t : Math.floorDiv(t - 1, periodMillis);
    }

    private void end() {
        allocations.onMarketBar(close, volume);
        recordBucketReturns();
        periods++;
        if (periods % allocationEvery == 0) {
            allocations.update(periodIsBar ? period : (period + 1) * periodMillis);
        }
        period = NONE;
        volume = 0;
    }

    private void recordBucketReturns() {
        for (Bucket b : Bucket.ALL) {
            int i = b.ordinal();
            double pnl = ledger.pnl(b, marks);
            returns[i] = lastCapital[i] > 0 ? (pnl - lastPnl[i]) / lastCapital[i] : 0;
            lastPnl[i] = pnl;
            lastCapital[i] = allocations.allocation(b) * equity;
        }
        if (periods > 0) {
            allocations.onBucketReturns(returns);
        }
    }
}
