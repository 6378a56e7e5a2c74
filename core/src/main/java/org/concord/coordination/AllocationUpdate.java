package org.concord.coordination;

import java.util.Map;

/** One allocation step: the regime, each bucket's score, the target and the (smoothed) allocation. */
public record AllocationUpdate(long time, String regime, Map<Bucket, Double> scores, Map<Bucket, Double> target,
                               Map<Bucket, Double> allocation) {
    public AllocationUpdate {
        scores = immutable(scores);
        target = immutable(target);
        allocation = immutable(allocation);
    }

    /** {@link BucketValues} are immutable already (the allocation manager's, every step): kept as they are. */
    private static Map<Bucket, Double> immutable(Map<Bucket, Double> m) {
        return m instanceof BucketValues ? m : Map.copyOf(m);
    }
}
