package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * One source's (model's or module's) view for a symbol at a time.
 *
 * @param sourceId     the model or module id
 * @param time         decision time (epoch ms): the close time of the bar the source saw last
 * @param confidence   0..1
 * @param horizonBars  how many bars of {@code timeframe} the prediction is about
 * @param rationale    a short human-readable reason ("close above supertrend 41250.3"); empty where nobody reads it
 *                     (a backtest: {@code ModuleContext.explain()})
 * @param metaConfidence a meta-labeling model's probability that acting on this view pays, in [0, 1], or null when
 *                       the source has none (coordination then gates and sizes on it: docs/coordination.md)
 */
public record Prediction(String sourceId, Symbol symbol, long time, Action action, double confidence,
                         Timeframe timeframe, int horizonBars, String rationale, Double metaConfidence) {
    public Prediction {
        if (sourceId == null || sourceId.isBlank() || symbol == null || action == null || timeframe == null) {
            throw new IllegalArgumentException("sourceId, symbol, action and timeframe are required");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence + " from " + sourceId);
        }
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be >= 1, got " + horizonBars);
        }
        if (metaConfidence != null && !(metaConfidence >= 0 && metaConfidence <= 1)) {
            throw new IllegalArgumentException("metaConfidence must be in [0,1] or absent, got " + metaConfidence + " from " + sourceId);
        }
        rationale = rationale == null ? "" : rationale;
    }

    /** A view without a meta-labeling confidence (every module's). */
    public Prediction(String sourceId, Symbol symbol, long time, Action action, double confidence, Timeframe timeframe,
                      int horizonBars, String rationale) {
        this(sourceId, symbol, time, action, confidence, timeframe, horizonBars, rationale, null);
    }
}
