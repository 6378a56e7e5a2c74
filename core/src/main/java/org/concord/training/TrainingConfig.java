package org.concord.training;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.models.StaleGuard;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of one trained model (one symbol) under the {@link TrainingCoordinator}.
 *
 * @param includeHistory           also train on triple-barrier labels over the stored bars (besides matured
 *                                 inference frames and annotations)
 * @param historyStride            one history sample every this many base bars
 * @param maxHistoryBars           at most this many of the newest base bars are used
 * @param monitorWindow            matured predictions in the {@link RetrainMonitor}'s rolling window
 * @param retrainDropPoints        accuracy drop (points) below the baseline that triggers a retrain
 *
 * <p>Which new version may be swapped in is not configured here: every activation goes through the
 * {@link org.concord.training.eval.PromotionGate} (see {@code ModelRepository.activate}).
 */
public record TrainingConfig(String modelId, Symbol symbol, FrameSpec spec, BarrierConfig barriers, TrainingLoop.Config loop,
                             StaleGuard staleGuard, boolean includeHistory, int historyStride, int maxHistoryBars, int monitorWindow,
                             double retrainDropPoints) {
    public TrainingConfig {
        if (modelId == null || symbol == null || spec == null || barriers == null || loop == null || staleGuard == null) {
            throw new IllegalArgumentException("modelId, symbol, spec, barriers, loop and staleGuard are required");
        }
        if (historyStride < 1 || maxHistoryBars < 1 || monitorWindow < 1 || !(retrainDropPoints > 0)) {
            throw new IllegalArgumentException("training config values out of range: " + this);
        }
        if (loop.labelHorizonBars() != barriers.horizonBars()) {
            throw new IllegalArgumentException("loop label horizon " + loop.labelHorizonBars() + " != barrier horizon " + barriers.horizonBars());
        }
    }

    /** Defaults: model {@code cnn-<symbol>}, 1m/5m/1h × 60 bars, default barriers, loop and guard. */
    public static TrainingConfig defaults(Symbol symbol) {
        return new TrainingConfig("cnn-" + symbol.lower(), symbol, FrameSpec.of(60, Timeframe.M1, Timeframe.M5, Timeframe.H1),
                BarrierConfig.DEFAULT, TrainingLoop.Config.DEFAULT, StaleGuard.DEFAULT, true, 2, 300_000, 200, 10.0);
    }

    /**
     * Defaults for a symbol whose shortest bars are {@code base} (the bundled ETHUSD: 5m, AAPL: 1d): the frame is
     * {@code base} and up to two longer timeframes among 5m/1h/1d ({@code 5m, 1h, 1d} for 5m; {@code 1d} alone for
     * 1d); {@code 1m} gives {@link #defaults(Symbol)}.
     */
    public static TrainingConfig defaults(Symbol symbol, Timeframe base) {
        if (base == Timeframe.M1) {
            return defaults(symbol);
        }
        List<Timeframe> tfs = new ArrayList<>(List.of(base));
        for (Timeframe t : new Timeframe[] {Timeframe.M5, Timeframe.H1, Timeframe.D1}) {
            if (t.millis() > base.millis() && tfs.size() < 3) {
                tfs.add(t);
            }
        }
        TrainingConfig d = defaults(symbol);
        return d.withSpec(FrameSpec.of(d.spec().window(), tfs.toArray(Timeframe[]::new)));
    }

    /** The same settings for another model id (a second model of the symbol, e.g. one trained on pivots). */
    public TrainingConfig withModelId(String id) {
        return new TrainingConfig(id, symbol, spec, barriers, loop, staleGuard, includeHistory, historyStride, maxHistoryBars, monitorWindow,
                retrainDropPoints);
    }

    public TrainingConfig withSpec(FrameSpec s) {
        return new TrainingConfig(modelId, symbol, s, barriers, loop, staleGuard, includeHistory, historyStride, maxHistoryBars, monitorWindow,
                retrainDropPoints);
    }

    public TrainingConfig withLoop(TrainingLoop.Config l) {
        return new TrainingConfig(modelId, symbol, spec, barriers, l, staleGuard, includeHistory, historyStride, maxHistoryBars, monitorWindow,
                retrainDropPoints);
    }

    public TrainingConfig withHistory(boolean include, int stride) {
        return new TrainingConfig(modelId, symbol, spec, barriers, loop, staleGuard, include, stride, maxHistoryBars, monitorWindow,
                retrainDropPoints);
    }

    public TrainingConfig withMonitor(int window, double dropPoints) {
        return new TrainingConfig(modelId, symbol, spec, barriers, loop, staleGuard, includeHistory, historyStride, maxHistoryBars, window,
                dropPoints);
    }

    public TrainingConfig withStaleGuard(StaleGuard g) {
        return new TrainingConfig(modelId, symbol, spec, barriers, loop, g, includeHistory, historyStride, maxHistoryBars, monitorWindow,
                retrainDropPoints);
    }
}
