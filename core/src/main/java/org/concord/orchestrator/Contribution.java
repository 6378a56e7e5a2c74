package org.concord.orchestrator;

import org.concord.model.Action;

/**
 * How much one source moved a {@link Decision}.
 *
 * @param sourceId   the model or module id
 * @param action     what the source said
 * @param confidence the source's confidence (0..1)
 * @param weight     the effective weight used (base weight × performance factor when adaptive weights are on)
 * @param vote       signed vote: {@code action.sign() × weight × confidence}
 * @param share      {@code |vote| / Σ|vote|} over all sources of the decision (0 when nobody voted)
 */
public record Contribution(String sourceId, Action action, double confidence, double weight, double vote, double share) {
    public Contribution {
        if (sourceId == null || action == null) {
            throw new IllegalArgumentException("sourceId and action are required");
        }
    }
}
