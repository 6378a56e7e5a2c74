package org.concord.coordination;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * Adapts a three-class classifier's output {@code [p(sell), p(hold), p(buy)]} for one symbol and bucket: the
 * action is the most probable class, the confidence its probability, the size {@code |p(buy) - p(sell)|} (how
 * one-sided the model is). An optional fourth element is a meta-labeling probability. The numbers are passed on
 * as they are: a NaN in the model's output makes a signal the coordinator rejects, naming the NaN.
 */
public final class ProbabilityAdapter implements ModelAdapter<double[]> {
    private final String sourceId;
    private final Symbol symbol;
    private final Bucket bucket;
    private final Timeframe timeframe;

    public ProbabilityAdapter(String sourceId, Symbol symbol, Bucket bucket, Timeframe timeframe) {
        if (sourceId == null || sourceId.isBlank() || symbol == null || bucket == null || timeframe == null) {
            throw new IllegalArgumentException("sourceId, symbol, bucket and timeframe are required");
        }
        this.sourceId = sourceId;
        this.symbol = symbol;
        this.bucket = bucket;
        this.timeframe = timeframe;
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public Signal adapt(double[] p, long time) {
        if (p == null || p.length < 3 || p.length > 4) {
            throw new IllegalArgumentException("expected [p(sell), p(hold), p(buy)] or with a 4th meta probability, got "
                    + (p == null ? "null" : p.length + " values"));
        }
        Action a = Action.HOLD;
        double conf = p[1];
        if (p[2] > conf || Double.isNaN(p[2])) {
            a = Action.BUY;
            conf = p[2];
        }
        if (p[0] > conf || Double.isNaN(p[0])) {
            a = Action.SELL;
            conf = p[0];
        }
        double size = a == Action.HOLD ? 0 : Math.abs(p[2] - p[0]);
        Double meta = p.length == 4 ? p[3] : null;
        return new Signal(sourceId, symbol, time, bucket, a, size, conf, bucket.minHoldingBars(), bucket.expectedHoldingBars(),
                bucket.maxHoldingBars(), timeframe, meta, null);
    }
}
