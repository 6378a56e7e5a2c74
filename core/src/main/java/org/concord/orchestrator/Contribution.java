package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Timeframe;

/**
 * How much one source moved a {@link Decision}, and what the source itself said: coordination trades each source's
 * view on its own (docs/coordination.md, "Every source speaks for itself").
 *
 * @param sourceId       the model or module id
 * @param action         what the source said
 * @param confidence     the source's confidence (0..1)
 * @param weight         the effective weight used (base weight × performance factor when adaptive weights are on)
 * @param vote           signed vote: {@code action.sign() × weight × confidence}
 * @param share          {@code |vote| / Σ|vote|} over all sources of the decision (0 when nobody voted)
 * @param timeframe      the bar timeframe the source works on (its prediction's)
 * @param holdingMillis  how long a position taken on this view is meant to be held: the source's declared holding
 *                       ({@code OrchestratorModule.holding()}, {@code Model.holding()}), else its prediction's horizon
 *                       ({@code horizonBars × timeframe}); it picks the coordination bucket
 * @param metaConfidence the source's meta-labeling confidence, or null when it has none
 */
public record Contribution(String sourceId, Action action, double confidence, double weight, double vote, double share,
                           Timeframe timeframe, long holdingMillis, Double metaConfidence) {
    public Contribution {
        if (sourceId == null || action == null || timeframe == null) {
            throw new IllegalArgumentException("sourceId, action and timeframe are required");
        }
        if (holdingMillis <= 0) {
            throw new IllegalArgumentException("holdingMillis must be > 0, got " + holdingMillis + " for " + sourceId);
        }
    }
}
