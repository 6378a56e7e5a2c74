package org.concord.live;

import org.concord.model.Action;

/**
 * One live inference: what the model said at a bar close, and what the position rules did with it.
 *
 * @param time       close time of the bar (epoch ms)
 * @param price      that bar's close
 * @param transition {@link TwoActionPositionRules.Transition} name ("NONE" when the position did not change)
 */
public record LiveSignal(long time, double price, Action action, double confidence, String modelVersion, String transition) {
    public LiveSignal {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        modelVersion = modelVersion == null ? "" : modelVersion;
        transition = transition == null ? "NONE" : transition;
    }
}
