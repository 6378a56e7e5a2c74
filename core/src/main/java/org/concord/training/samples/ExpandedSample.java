package org.concord.training.samples;

import org.concord.model.Action;

/**
 * One training sample expanded from an annotation.
 *
 * @param barTime open time (epoch ms) of the bar on the annotation's timeframe
 * @param kind    its role in the trade
 * @param label   the action the model should learn there
 * @param weight  relative class weight (a loss weight, not a number of copies)
 */
public record ExpandedSample(long barTime, SampleKind kind, Action label, double weight) {
    public ExpandedSample {
        if (kind == null || label == null) {
            throw new IllegalArgumentException("sample kind and label are required");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("sample weight must be finite and > 0, got " + weight);
        }
    }
}
