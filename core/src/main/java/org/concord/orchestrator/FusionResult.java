package org.concord.orchestrator;

import org.concord.model.Action;

/**
 * What a fusion step produced: the action, the signed score in [-1, 1], the confidence and who fused.
 */
public record FusionResult(Action action, double score, double confidence, String fusion) {
    public FusionResult {
        if (action == null || fusion == null) {
            throw new IllegalArgumentException("action and fusion are required");
        }
        if (!(score >= -1 && score <= 1) || !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("score must be in [-1,1] and confidence in [0,1], got " + score + ", " + confidence);
        }
    }
}
