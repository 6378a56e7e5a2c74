package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.List;

/**
 * Agreement across buckets on one symbol. {@code harmony} is in [0, 1] (1: all agree); when at least two buckets
 * agree and harmony reaches the threshold, the agreeing buckets' sizes were multiplied by {@code multiplier}.
 */
public record AlignmentEvent(long time, Symbol symbol, double harmony, double multiplier, int direction, List<Bucket> buckets) {
    public AlignmentEvent {
        buckets = List.copyOf(buckets);
    }
}
