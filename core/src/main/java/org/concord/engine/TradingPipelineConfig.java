package org.concord.engine;

import org.concord.config.TradingSettings;
import org.concord.coordination.Bucket;
import org.concord.coordination.CoordinationConfig;
import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What shapes a {@link TradingPipeline}: the decision timeframe, the reference symbol (regime), the horizons the
 * orchestrator's fused decision is traded at (one signal source per horizon; the horizon picks the bucket), whether
 * every source also speaks for itself, and the coordination, risk and paper-broker settings. Saved with every
 * backtest report.
 *
 * @param horizons      decision horizons in bars of {@code timeframe}; each must map to a different bucket
 * @param signalSize    share of a bucket's capital a full-confidence decision (or source) asks for, in (0, 1]
 * @param correlationWindow bars of log returns the risk manager's correlation uses
 * @param sourceSignals true (the default): every module and model that voted also trades its own view, in the bucket
 *                      of its own holding period ({@link org.concord.coordination.SourceSignals}); false: only the
 *                      fused decision is traded (the pipeline before per-source signals; an ablation baseline)
 */
public record TradingPipelineConfig(Timeframe timeframe, Symbol reference, List<Integer> horizons, double signalSize,
                                    CoordinationConfig coordination, RiskLimits riskLimits, PaperBrokerConfig broker,
                                    int correlationWindow, int correlationMinPairs, boolean sourceSignals) {
    /** The source id of the fused decision when it is traded at one horizon (as the desk always did). */
    public static final String SOURCE = "orchestrator";

    public TradingPipelineConfig {
        if (timeframe == null || reference == null || coordination == null || riskLimits == null || broker == null) {
            throw new IllegalArgumentException("timeframe, reference symbol, coordination, risk limits and broker config are required");
        }
        if (horizons == null || horizons.isEmpty()) {
            throw new IllegalArgumentException("at least one decision horizon is required");
        }
        horizons = List.copyOf(horizons);
        Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
        for (int h : horizons) {
            if (h < 1) {
                throw new IllegalArgumentException("decision horizons must be >= 1 bar, got " + h);
            }
            if (!seen.add(bucketOf(timeframe, h))) {
                throw new IllegalArgumentException("horizons " + horizons + ": two of them fall in the " + bucketOf(timeframe, h)
                        + " bucket (each horizon must be its own bucket)");
            }
        }
        if (!(signalSize > 0 && signalSize <= 1)) {
            throw new IllegalArgumentException("signalSize must be in (0, 1], got " + signalSize);
        }
        if (coordination.decisionTimeframe() != timeframe) {
            throw new IllegalArgumentException("coordination timeframe " + coordination.decisionTimeframe() + " differs from " + timeframe);
        }
        if (broker.barTimeframe() != timeframe) {
            throw new IllegalArgumentException("paper broker bar timeframe " + broker.barTimeframe() + " differs from " + timeframe);
        }
        if (correlationWindow < 2 || correlationMinPairs < 2 || correlationMinPairs > correlationWindow) {
            throw new IllegalArgumentException("correlation: 2 <= minPairs <= window, got " + correlationMinPairs + "/" + correlationWindow);
        }
    }

    /**
     * The desk's settings: one horizon ({@code horizonBars}, the orchestrator's decision horizon) for the fused view,
     * every source speaking for itself, default coordination on {@code tf} bars, default risk limits, the default
     * paper account filling on {@code tf} bars.
     */
    public static TradingPipelineConfig defaults(Timeframe tf, Symbol reference, int horizonBars) {
        if (tf == null) {
            throw new IllegalArgumentException("timeframe is required");
        }
        return new TradingPipelineConfig(tf, reference, List.of(horizonBars), 1.0, CoordinationConfig.defaults().withDecisionTimeframe(tf),
                RiskLimits.defaults(), PaperBrokerConfig.defaults().withBars(tf), 288, 30, true);
    }

    /** The bucket a decision horizon of {@code bars} bars of {@code tf} is traded in (as the prediction adapter maps it). */
    public static Bucket bucketOf(Timeframe tf, int bars) {
        return Bucket.forHolding(Math.max((double) bars * tf.millis() / Bucket.BAR_MILLIS, 1e-9));
    }

    /** The source id of the signal traded at horizon {@code index}. */
    public String sourceId(int index) {
        return horizons.size() == 1 ? SOURCE : SOURCE + "@" + bucketOf(timeframe, horizons.get(index)).book();
    }

    public TradingPipelineConfig withHorizons(List<Integer> h) {
        return new TradingPipelineConfig(timeframe, reference, h, signalSize, coordination, riskLimits, broker, correlationWindow,
                correlationMinPairs, sourceSignals);
    }

    public TradingPipelineConfig withRiskLimits(RiskLimits r) {
        return new TradingPipelineConfig(timeframe, reference, horizons, signalSize, coordination, r, broker, correlationWindow,
                correlationMinPairs, sourceSignals);
    }

    public TradingPipelineConfig withBroker(PaperBrokerConfig b) {
        return new TradingPipelineConfig(timeframe, reference, horizons, signalSize, coordination, riskLimits, b, correlationWindow,
                correlationMinPairs, sourceSignals);
    }

    public TradingPipelineConfig withSignalSize(double s) {
        return new TradingPipelineConfig(timeframe, reference, horizons, s, coordination, riskLimits, broker, correlationWindow,
                correlationMinPairs, sourceSignals);
    }

    public TradingPipelineConfig withSourceSignals(boolean on) {
        return new TradingPipelineConfig(timeframe, reference, horizons, signalSize, coordination, riskLimits, broker, correlationWindow,
                correlationMinPairs, on);
    }

    public TradingPipelineConfig withCoordination(CoordinationConfig c) {
        return new TradingPipelineConfig(timeframe, reference, horizons, signalSize, c, riskLimits, broker, correlationWindow,
                correlationMinPairs, sourceSignals);
    }

    /** With the risk limits and sizing method a trader set ({@code concord.yaml}'s {@code trading:} section). */
    public TradingPipelineConfig withSettings(TradingSettings s) {
        return withRiskLimits(s.limits()).withCoordination(coordination.withSizing(coordination.sizing().withMethod(s.sizing())));
    }

    /** The buckets the horizons trade in, in horizon order. */
    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        for (int h : horizons) {
            out.add(bucketOf(timeframe, h));
        }
        return out;
    }
}
