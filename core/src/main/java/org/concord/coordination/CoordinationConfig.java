package org.concord.coordination;

import org.concord.execution.SizingConfig;
import org.concord.model.Timeframe;

/**
 * Everything that shapes the coordination layer's decisions, in one value that results are saved with.
 *
 * <p>The regime, the bucket returns and the allocation count their parameters in 5-minute bars (a day's half-life is
 * 288, a week's drawdown window 2,016, 105,120 a year, an update every 12 is hourly). With a shorter decision timeframe
 * they run on the 5-minute clock ({@link #statisticsPeriod()}: a period ends with the decision bar that closes on it),
 * so that a desk deciding every minute keeps the day, the week and the hour they are written for (on 1m bars they were
 * 4.8 hours, 1.4 days and 12 minutes, and the Sharpe ratios were annualized as 5-minute ones).
 *
 * @param decisionTimeframe   bars of this timeframe drive the marks, the equity curve and slices, and make up the
 *                            statistics periods
 * @param allocationEveryBars allocation updates happen every this many statistics periods (5-minute bars, or decision
 *                            bars when those are longer)
 */
public record CoordinationConfig(Timeframe decisionTimeframe, int allocationEveryBars, double minAllocation, double maxAllocation,
                                 double maxAllocationStep, double allocationTemperature, AllocationConfig allocation,
                                 int regimeWindow, int regimeLongHalfLife, RegimeDetector.Config regime,
                                 UcbWeightLearner.Config learner, PositionCoordinator.Config coordinator,
                                 double alignThreshold, double alignBoost, int alignMinBuckets,
                                 SizingConfig sizing, TradeScheduler.Config scheduler) {
    public CoordinationConfig {
        if (decisionTimeframe == null || allocation == null || regime == null || learner == null || coordinator == null
                || sizing == null || scheduler == null) {
            throw new IllegalArgumentException("coordination config parts are required");
        }
        if (allocationEveryBars < 1) {
            throw new IllegalArgumentException("allocationEveryBars must be >= 1, got " + allocationEveryBars);
        }
        // the parts validate themselves on construction; build them once here to fail early
        new AllocationOptimizer(minAllocation, maxAllocation, maxAllocationStep, allocationTemperature);
        new SignalAlignment(alignThreshold, alignBoost, alignMinBuckets);
        new EfficiencyRatioMeasure(regimeWindow, regimeLongHalfLife);
    }

    /**
     * 5-minute decisions, allocation every hour within [10%, 50%] moving at most 0.1 per update, softmax temperature 5
     * (annualized Sharpe ratios of 5-minute returns are large numbers: a gentler softmax keeps allocations from
     * swinging to the bounds on noise), and the defaults of every part.
     */
    public static CoordinationConfig defaults() {
        return new CoordinationConfig(Timeframe.M5, 12, 0.10, 0.50, 0.10, 5.0, AllocationConfig.defaults(), 20, 500,
                RegimeDetector.Config.defaults(), UcbWeightLearner.Config.defaults(), PositionCoordinator.Config.defaults(),
                0.8, 0.5, 2, SizingConfig.defaults(), TradeScheduler.Config.defaults());
    }

    public CoordinationConfig withCoordinator(PositionCoordinator.Config c) {
        return new CoordinationConfig(decisionTimeframe, allocationEveryBars, minAllocation, maxAllocation, maxAllocationStep,
                allocationTemperature, allocation, regimeWindow, regimeLongHalfLife, regime, learner, c, alignThreshold, alignBoost,
                alignMinBuckets, sizing, scheduler);
    }

    public CoordinationConfig withSizing(SizingConfig s) {
        return new CoordinationConfig(decisionTimeframe, allocationEveryBars, minAllocation, maxAllocation, maxAllocationStep,
                allocationTemperature, allocation, regimeWindow, regimeLongHalfLife, regime, learner, coordinator, alignThreshold, alignBoost,
                alignMinBuckets, s, scheduler);
    }

    public CoordinationConfig withLearner(UcbWeightLearner.Config l) {
        return new CoordinationConfig(decisionTimeframe, allocationEveryBars, minAllocation, maxAllocation, maxAllocationStep,
                allocationTemperature, allocation, regimeWindow, regimeLongHalfLife, regime, l, coordinator, alignThreshold, alignBoost,
                alignMinBuckets, sizing, scheduler);
    }

    public CoordinationConfig withScheduler(TradeScheduler.Config s) {
        return new CoordinationConfig(decisionTimeframe, allocationEveryBars, minAllocation, maxAllocation, maxAllocationStep,
                allocationTemperature, allocation, regimeWindow, regimeLongHalfLife, regime, learner, coordinator, alignThreshold, alignBoost,
                alignMinBuckets, sizing, s);
    }

    /** The bar the statistics' parameters are written in: one statistics period is at least this long. */
    public static final Timeframe STATISTICS_BAR = Timeframe.M5;

    /**
     * The statistics period: the 5-minute bar (on the clock, as the data layer resamples it) for decision bars shorter
     * than that, or the decision bar itself.
     */
    public Timeframe statisticsPeriod() {
        return decisionTimeframe.millis() < STATISTICS_BAR.millis() ? STATISTICS_BAR : decisionTimeframe;
    }

    public CoordinationConfig withDecisionTimeframe(Timeframe tf) {
        return new CoordinationConfig(tf, allocationEveryBars, minAllocation, maxAllocation, maxAllocationStep,
                allocationTemperature, allocation, regimeWindow, regimeLongHalfLife, regime, learner, coordinator, alignThreshold, alignBoost,
                alignMinBuckets, sizing, scheduler);
    }

    AllocationOptimizer optimizer() {
        return new AllocationOptimizer(minAllocation, maxAllocation, maxAllocationStep, allocationTemperature);
    }

    SignalAlignment alignment() {
        return new SignalAlignment(alignThreshold, alignBoost, alignMinBuckets);
    }

    MarketStateMeasure measure() {
        return new EfficiencyRatioMeasure(regimeWindow, regimeLongHalfLife);
    }
}
