package org.concord.coordination;

import org.concord.model.Action;
import org.concord.orchestrator.Prediction;

/**
 * Adapts an orchestrator {@link Prediction}: its horizon ({@code horizonBars} of its timeframe) picks the bucket by
 * expected holding, the expected holding is the horizon clamped to the bucket's range, confidence and the meta-labeling
 * confidence pass through, and the size is {@code fullSize} (the confidence already scales the strength).
 */
public final class PredictionAdapter implements ModelAdapter<Prediction> {
    private final String sourceId;
    private final double fullSize;

    public PredictionAdapter(String sourceId, double fullSize) {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId is required");
        }
        if (!(fullSize > 0 && fullSize <= 1)) {
            throw new IllegalArgumentException("fullSize must be in (0, 1], got " + fullSize);
        }
        this.sourceId = sourceId;
        this.fullSize = fullSize;
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public Signal adapt(Prediction p, long time) {
        if (p == null) {
            throw new IllegalArgumentException("prediction is null");
        }
        double size = p.action() == Action.HOLD ? 0 : fullSize;
        return Signal.forHolding(sourceId, p.symbol(), time, p.action(), size, p.confidence(), p.timeframe(),
                p.horizonBars() * p.timeframe().millis(), p.metaConfidence());
    }
}
