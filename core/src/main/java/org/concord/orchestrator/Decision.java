package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;

/**
 * The orchestrator's fused view for a symbol at one bar close. A plain record so that it crosses the event bus
 * as JSON unchanged.
 *
 * @param seq           1, 2, 3, ... per orchestrator run: a gap or a repeat means a lost or doubled decision
 * @param time          close time (epoch ms, exclusive end) of the decision bar: nothing after it was seen
 * @param price         close of the decision bar
 * @param score         fused signed score in [-1, 1]: Σ vote / Σ weight (see {@link DecisionFusion})
 * @param confidence    0..1 ({@code |score|} for the weighted rule)
 * @param fusion        who fused: {@code "rule"}, a fusion module id, or {@code "rule (<id> untrained)"}
 * @param contributions one entry per source that voted, in source order
 */
public record Decision(long seq, Symbol symbol, Timeframe timeframe, long time, double price, Action action,
                       double score, double confidence, String fusion, List<Contribution> contributions) {
    public Decision {
        if (symbol == null || timeframe == null || action == null || fusion == null) {
            throw new IllegalArgumentException("symbol, timeframe, action and fusion are required");
        }
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    /** The contribution of {@code sourceId}, or null when it did not vote in this decision. */
    public Contribution contribution(String sourceId) {
        for (Contribution c : contributions) {
            if (c.sourceId().equals(sourceId)) {
                return c;
            }
        }
        return null;
    }

    /** One deterministic text line (the decision log format used by replays and the determinism tests). */
    public String logLine() {
        StringBuilder sb = new StringBuilder(96);
        sb.append(seq).append(' ').append(symbol).append(' ').append(timeframe).append(' ').append(time)
                .append(' ').append(price).append(' ').append(action).append(' ').append(score)
                .append(' ').append(fusion);
        for (Contribution c : contributions) {
            sb.append(' ').append(c.sourceId()).append('=').append(c.vote());
        }
        return sb.toString();
    }
}
