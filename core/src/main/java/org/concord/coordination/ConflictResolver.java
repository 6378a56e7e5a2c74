package org.concord.coordination;

import org.concord.model.Fmt;
import org.concord.model.Symbol;

import java.util.Arrays;
import java.util.List;

/** Resolves opposite signals on one symbol by the configured {@link ConflictPolicy}. */
public final class ConflictResolver {
    private static final String TIE = "conflict tie: no trade";
    private static final String NETTED = "conflict netted: both sides keep their books, the account holds the net";
    private final ConflictPolicy policy;
    // the notes of a losing side, built once: they are the same on every decision
    private final String lostToBuy;
    private final String lostToSell;

    public ConflictResolver(ConflictPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("conflict policy is null");
        }
        this.policy = policy;
        this.lostToBuy = "conflict lost to the buy side (" + policy + ")";
        this.lostToSell = "conflict lost to the sell side (" + policy + ")";
    }

    public ConflictPolicy policy() {
        return policy;
    }

    /**
     * Drops or scales intents when both directions are present; returns the event, or null when no conflict. Runs on
     * most decisions of a many-module desk: a decision without a conflict allocates nothing, one with a conflict
     * allocates the event and its four lists.
     */
    public ConflictEvent resolve(long time, Symbol symbol, List<BucketIntent> intents) {
        int nBuy = 0;
        int nSell = 0;
        double buy = 0;
        double sell = 0;
        for (int k = 0, n = intents.size(); k < n; k++) {
            BucketIntent i = intents.get(k);
            if (i.dropped()) {
                continue;
            }
            if (i.direction() > 0) {
                nBuy++;
                buy += i.confidence();
            } else if (i.direction() < 0) {
                nSell++;
                sell += i.confidence();
            }
        }
        if (nBuy == 0 || nSell == 0) {
            return null;
        }
        // the sides as they stand before resolution changes the intents
        List<Bucket> buyers = buckets(intents, 1, nBuy);
        List<Bucket> sellers = buckets(intents, -1, nSell);
        List<String> buySources = sources(intents, 1);
        List<String> sellSources = sources(intents, -1);
        if (policy == ConflictPolicy.NETTING) {
            for (int k = 0, n = intents.size(); k < n; k++) {
                BucketIntent i = intents.get(k);
                if (i.direction() != 0 && !i.dropped()) {
                    i.note(NETTED);
                }
            }
            return new ConflictEvent(time, symbol, policy, buyers, sellers, buy, sell, 0, 1, Double.NaN, Double.NaN,
                    "netted: " + buyers + " buy vs " + sellers + " sell, each book keeps its target", buySources, sellSources);
        }
        int winner = buy > sell ? 1 : buy < sell ? -1 : 0;
        double w = Math.max(buy, sell);
        double l = Math.min(buy, sell);
        double scale = winner == 0 ? 0 : policy == ConflictPolicy.PARTIAL ? (w - l) / w : 1;
        String partial = scale < 1 && winner != 0 ? Fmt.fixed(new StringBuilder(40).append("conflict won partially: size x"), scale, 3).toString() : null;
        for (int k = 0, n = intents.size(); k < n; k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() == 0 || i.dropped()) {
                continue;
            }
            if (i.direction() != winner) {
                i.drop(winner == 0 ? TIE : winner > 0 ? lostToBuy : lostToSell);
            } else if (scale < 1) {
                i.scale(i.scale() * scale);
                i.note(partial);
            }
        }
        String outcome = winner == 0 ? "tie: neither side trades"
                : policy == ConflictPolicy.PARTIAL ? Fmt.fixed(new StringBuilder(48).append(winner > 0 ? "buy" : "sell").append(" side wins with "),
                scale * 100, 1).append("% of its size").toString()
                : winner > 0 ? "buy side wins" : "sell side wins";
        return new ConflictEvent(time, symbol, policy, buyers, sellers, buy, sell, winner, scale, Double.NaN, Double.NaN, outcome,
                buySources, sellSources);
    }

    /** The {@code count} buckets of the intents on side {@code dir}, in intent order. */
    private static List<Bucket> buckets(List<BucketIntent> intents, int dir, int count) {
        Bucket[] out = new Bucket[count];
        int n = 0;
        for (int k = 0; k < intents.size(); k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() == dir && !i.dropped()) {
                out[n++] = i.bucket();
            }
        }
        return List.of(out);
    }

    /** The distinct sources of the signals behind side {@code dir}, in first-seen order (a handful: a linear scan). */
    private static List<String> sources(List<BucketIntent> intents, int dir) {
        String[] out = new String[8];
        int n = 0;
        for (int k = 0; k < intents.size(); k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() != dir || i.dropped()) {
                continue;
            }
            List<Signal> sigs = i.signals();
            for (int j = 0; j < sigs.size(); j++) {
                String id = sigs.get(j).sourceId();
                if (indexOf(out, n, id) < 0) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = id;
                }
            }
        }
        return List.of(Arrays.copyOf(out, n));
    }

    private static int indexOf(String[] a, int n, String id) {
        for (int k = 0; k < n; k++) {
            if (a[k].equals(id)) {
                return k;
            }
        }
        return -1;
    }
}
