package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.List;

/**
 * One conflict resolution on a symbol (opposite signals), or one application of the per-symbol net-exposure limit
 * ({@code policy} is then null and {@code outcome} says so).
 *
 * @param buyScore   sum of the buying buckets' confidences
 * @param sellScore  sum of the selling buckets' confidences
 * @param winner     +1 buy side, -1 sell side, 0 none (tie, or netting)
 * @param scale      what the surviving targets were multiplied by
 * @param netBefore  the symbol's net target exposure over equity before the net limit
 * @param netAfter   after it
 * @param buySources the sources whose signals made the buying buckets' intents (empty for the net limit)
 * @param sellSources the same for the selling buckets
 */
public record ConflictEvent(long time, Symbol symbol, ConflictPolicy policy, List<Bucket> buyers, List<Bucket> sellers,
                            double buyScore, double sellScore, int winner, double scale, double netBefore, double netAfter,
                            String outcome, List<String> buySources, List<String> sellSources) {
    public ConflictEvent {
        buyers = List.copyOf(buyers);
        sellers = List.copyOf(sellers);
        buySources = buySources == null ? List.of() : List.copyOf(buySources);
        sellSources = sellSources == null ? List.of() : List.copyOf(sellSources);
    }
}
