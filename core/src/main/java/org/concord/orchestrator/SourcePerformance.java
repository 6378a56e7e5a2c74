package org.concord.orchestrator;

/**
 * A source's score on matured predictions (immutable snapshot).
 *
 * @param scored     directional (BUY/SELL) predictions that matured
 * @param holds      HOLD predictions that matured (not scored)
 * @param hits       scored predictions whose direction matched the realized return
 * @param hitRate    hits / scored (0.5 before any)
 * @param ewHitRate  exponentially weighted hit rate (half-life in predictions; starts at 0.5)
 * @param pnl        Σ sign × return × confidence: the confidence-weighted P&amp;L contribution, in return units
 * @param ewPnl      exponentially weighted mean of that per-prediction P&amp;L
 * @param weightFactor what adaptive weighting multiplies the base weight by (1 until enough predictions matured)
 */
public record SourcePerformance(String sourceId, long scored, long holds, long hits, double hitRate, double ewHitRate,
                                double pnl, double ewPnl, double weightFactor) {
}
