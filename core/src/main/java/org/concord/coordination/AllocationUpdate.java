package org.concord.coordination;

import java.util.Map;

/** One allocation step: the regime, each bucket's score, the target and the (smoothed) allocation. */
public record AllocationUpdate(long time, String regime, Map<Bucket, Double> scores, Map<Bucket, Double> target,
                               Map<Bucket, Double> allocation) {
    public AllocationUpdate {
        scores = Map.copyOf(scores);
        target = Map.copyOf(target);
        allocation = Map.copyOf(allocation);
    }
}
