package org.concord.coordination;

import org.concord.model.Fmt;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves opposite signals on one symbol by the configured {@link ConflictPolicy}. */
public final class ConflictResolver {
    private final ConflictPolicy policy;

    public ConflictResolver(ConflictPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("conflict policy is null");
        }
        this.policy = policy;
    }

    public ConflictPolicy policy() {
        return policy;
    }

    /** Drops or scales intents when both directions are present; returns the event, or null when no conflict. */
    public ConflictEvent resolve(long time, Symbol symbol, List<BucketIntent> intents) {
        List<Bucket> buyers = new ArrayList<>();
        List<Bucket> sellers = new ArrayList<>();
        Set<String> buySources = new LinkedHashSet<>();
        Set<String> sellSources = new LinkedHashSet<>();
        double buy = 0;
        double sell = 0;
        for (BucketIntent i : intents) {
            if (i.dropped()) {
                continue;
            }
            if (i.direction() > 0) {
                buyers.add(i.bucket());
                i.signals().forEach(x -> buySources.add(x.sourceId()));
                buy += i.confidence();
            } else if (i.direction() < 0) {
                sellers.add(i.bucket());
                i.signals().forEach(x -> sellSources.add(x.sourceId()));
                sell += i.confidence();
            }
        }
        if (buyers.isEmpty() || sellers.isEmpty()) {
            return null;
        }
        if (policy == ConflictPolicy.NETTING) {
            for (BucketIntent i : intents) {
                if (i.direction() != 0 && !i.dropped()) {
                    i.note("conflict netted: both sides keep their books, the account holds the net");
                }
            }
            return new ConflictEvent(time, symbol, policy, buyers, sellers, buy, sell, 0, 1, Double.NaN, Double.NaN,
                    "netted: " + buyers + " buy vs " + sellers + " sell, each book keeps its target",
                    List.copyOf(buySources), List.copyOf(sellSources));
        }
        int winner = buy > sell ? 1 : buy < sell ? -1 : 0;
        double w = Math.max(buy, sell);
        double l = Math.min(buy, sell);
        double scale = winner == 0 ? 0 : policy == ConflictPolicy.PARTIAL ? (w - l) / w : 1;
        for (BucketIntent i : intents) {
            if (i.direction() == 0 || i.dropped()) {
                continue;
            }
            if (i.direction() != winner) {
                i.drop(winner == 0 ? "conflict tie: no trade" : "conflict lost to the " + (winner > 0 ? "buy" : "sell") + " side (" + policy + ")");
            } else if (scale < 1) {
                i.scale(i.scale() * scale);
                i.note(Fmt.fixed(new StringBuilder(40).append("conflict won partially: size x"), scale, 3).toString());
            }
        }
        String outcome = winner == 0 ? "tie: neither side trades"
                : (winner > 0 ? "buy" : "sell") + " side wins" + (policy == ConflictPolicy.PARTIAL
                ? Fmt.fixed(new StringBuilder(32).append(" with "), scale * 100, 1).append("% of its size") : "");
        return new ConflictEvent(time, symbol, policy, buyers, sellers, buy, sell, winner, scale, Double.NaN, Double.NaN, outcome,
                List.copyOf(buySources), List.copyOf(sellSources));
    }
}
