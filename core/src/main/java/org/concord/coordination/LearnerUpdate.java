package org.concord.coordination;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source-weight learner after one closed bucket trade rewarded the source that led it: the weights every known
 * source has now in that regime (they sum to 1), so a report shows the weights moving with the trade feedback.
 *
 * @param time    the trade's exit time (epoch ms)
 * @param source  the source credited (the opening signal's lead)
 * @param reward  the trade's realized return (clipped to [-1, 1] by the learner)
 * @param weights source id → weight in {@code regime}, in the learner's source order
 */
public record LearnerUpdate(long time, Regime regime, String source, double reward, Map<String, Double> weights) {
    public LearnerUpdate {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights)); // keeps the order: reports compare byte for byte
    }
}
