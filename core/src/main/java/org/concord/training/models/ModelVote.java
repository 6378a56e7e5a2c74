package org.concord.training.models;

import org.concord.model.Action;

/**
 * One model decision for a frame.
 *
 * @param confidence     the CNN's probability of {@code action}
 * @param metaConfidence P(the primary side is right) from the meta-model (0.5 when there is none)
 * @param weight         the vote weight the model asks for: 1, less when stale, 0.5·1 at cold start
 * @param note           why the weight is reduced or the model is absent ("" when nothing to say)
 */
public record ModelVote(Action action, double confidence, double metaConfidence, float pBuy, float pSell, float pHold,
                     String modelVersion, boolean coldStart, boolean stale, double weight, String note) {
}
