package org.concord.coordination;

import org.concord.bus.EventBus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits the capital between the buckets: tracks each bucket's performance overall and per regime, scores the
 * buckets for the current regime, and moves the allocation toward the optimizer's target at most
 * {@code maxStep} per update, always within [min, max] and summing to 1. Every update is an
 * {@link AllocationUpdate} on {@link CoordinationTopics#ALLOCATIONS} and in {@link #history()}.
 */
public final class CapitalAllocationManager {
    private final AllocationConfig config;
    private final AllocationOptimizer optimizer;
    private final RegimeDetector regimes;
    private final RegimeScores regimeScores;
    private final BucketPerformanceTracker[] trackers = new BucketPerformanceTracker[Bucket.COUNT];
    private final EventBus bus;
    private final List<AllocationUpdate> history = new ArrayList<>();
    private Retention retention = Retention.ALL;
    private final double[] allocation;
    // an update's scores and target, and the optimizer's temporaries: one writer, kept between updates
    private final double[] scores = new double[Bucket.COUNT];
    private final double[] target = new double[Bucket.COUNT];
    private final AllocationOptimizer.Work work = new AllocationOptimizer.Work();

    public CapitalAllocationManager(AllocationConfig config, AllocationOptimizer optimizer, RegimeDetector regimes,
                                    RegimeScores regimeScores, EventBus bus) {
        if (config == null || optimizer == null || regimes == null || regimeScores == null) {
            throw new IllegalArgumentException("config, optimizer, regimes and regimeScores are required");
        }
        this.config = config;
        this.optimizer = optimizer;
        this.regimes = regimes;
        this.regimeScores = regimeScores;
        this.bus = bus;
        for (Bucket b : Bucket.ALL) {
            trackers[b.ordinal()] = BucketPerformanceTracker.defaults(b);
        }
        this.allocation = optimizer.equal();
    }

    public static CapitalAllocationManager defaults(EventBus bus) {
        return new CapitalAllocationManager(AllocationConfig.defaults(), AllocationOptimizer.defaults(),
                new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults()), new RegimeScores(288, 100), bus);
    }

    /** A closed bar of the reference market (drives the regime). */
    public Regime onMarketBar(double close, double volume) {
        return regimes.onBar(close, volume);
    }

    public Regime regime() {
        return regimes.current();
    }

    public RegimeDetector regimeDetector() {
        return regimes;
    }

    /** One bar's return of each bucket's capital (bucket order), observed in the current regime. */
    public void onBucketReturns(double[] returns) {
        if (returns == null || returns.length != Bucket.COUNT) {
            throw new IllegalArgumentException("one return per bucket expected");
        }
        Regime r = regimes.current();
        for (int i = 0; i < Bucket.COUNT; i++) {
            trackers[i].onPeriodReturn(returns[i]);
            regimeScores.observe(r, Bucket.at(i), returns[i]);
        }
    }

    /** A closed trade of {@code bucket}. */
    public void onTradeClosed(Bucket bucket, double realizedReturn, Double predictedReturn) {
        trackers[bucket.ordinal()].onTradeClosed(realizedReturn, predictedReturn);
    }

    public BucketPerformanceTracker tracker(Bucket b) {
        return trackers[b.ordinal()];
    }

    /** Re-scores the buckets and takes one smoothed step toward the target. */
    public AllocationUpdate update(long time) {
        Regime r = regimes.current();
        double ann = Math.sqrt(config.periodsPerYear());
        for (int i = 0; i < Bucket.COUNT; i++) {
            BucketPerformanceTracker t = trackers[i];
            scores[i] = config.sharpeWeight() * t.sharpe() + config.regimeWeight() * regimeScores.score(r, Bucket.at(i)) * ann
                    - config.drawdownPenalty() * t.maxDrawdown();
        }
        optimizer.target(scores, work, target);
        optimizer.smooth(allocation, target, work, allocation);
        AllocationUpdate u = new AllocationUpdate(time, r.toString(), BucketValues.of(scores), BucketValues.of(target), BucketValues.of(allocation));
        history.add(u);
        retention.apply(history);
        if (bus != null) {
            bus.publish(CoordinationTopics.ALLOCATIONS, u);
        }
        return u;
    }

    /** The current share of capital of {@code b}. */
    public double allocation(Bucket b) {
        return allocation[b.ordinal()];
    }

    /** A copy of the current allocation, bucket order. */
    public double[] allocations() {
        return allocation.clone();
    }

    /** How many updates {@link #history} keeps (every one unless told otherwise). */
    public void keep(Retention r) {
        if (r == null) {
            throw new IllegalArgumentException("retention is required");
        }
        retention = r;
        r.apply(history);
    }

    public List<AllocationUpdate> history() {
        return Collections.unmodifiableList(history);
    }
}
