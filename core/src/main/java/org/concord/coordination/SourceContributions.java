package org.concord.coordination;

import org.concord.model.Action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per source: its signals, the bucket trades it led and their profit, kept by the {@link CoordinationEngine} on its
 * decision thread (signals as they arrive, trades as the ledger closes them). {@link #rows} adds the learner's weight.
 */
public final class SourceContributions {
    private static final class Tally {
        Bucket bucket;
        long signals;
        long trades;
        long wins;
        double pnl;
    }

    private final Map<String, Tally> bySource = new LinkedHashMap<>();

    void onSignals(List<Signal> signals) {
        for (int i = 0; i < signals.size(); i++) { // indexed: no iterator per decision
            Signal s = signals.get(i);
            Tally t = tally(s.sourceId());
            t.bucket = s.bucket();
            if (s.action() != Action.HOLD) {
                t.signals++;
            }
        }
    }

    void onTrade(TradeFeedback fb) {
        if (fb.sourceId() == null || fb.sourceId().isEmpty()) {
            return;
        }
        Tally t = tally(fb.sourceId());
        if (t.bucket == null) {
            t.bucket = fb.bucket();
        }
        t.trades++;
        if (fb.pnl() > 0) {
            t.wins++;
        }
        t.pnl += fb.pnl();
    }

    private Tally tally(String id) {
        return bySource.computeIfAbsent(id, k -> new Tally());
    }

    /** One row per source seen, in order of first appearance, with its weight in {@code regime}. */
    public List<SourceContribution> rows(UcbWeightLearner learner, Regime regime) {
        Map<String, Double> weights = learner.weightMap(regime);
        List<SourceContribution> out = new ArrayList<>(bySource.size());
        for (Map.Entry<String, Tally> e : bySource.entrySet()) {
            Tally t = e.getValue();
            out.add(new SourceContribution(e.getKey(), t.bucket, t.signals, t.trades, t.wins, t.pnl,
                    weights.getOrDefault(e.getKey(), Double.NaN)));
        }
        return out;
    }
}
