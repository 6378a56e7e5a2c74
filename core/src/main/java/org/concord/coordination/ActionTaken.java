package org.concord.coordination;

import org.concord.model.Action;
import org.concord.model.Symbol;

import java.util.List;

/**
 * What became of a source's signal, handed back to its {@link ModelAdapter}: the action actually taken for its
 * bucket and how much of the wanted change went into the plan (after alignment, conflicts and risk).
 *
 * @param takenFraction the planned change as a share of the change the signal alone asked for (0 when nothing)
 * @param reasons       why it differs (rejection reason, conflict outcome, risk rule, minimum holding)
 */
public record ActionTaken(String sourceId, Symbol symbol, long time, Bucket bucket, Action requested, Action taken,
                          double takenFraction, List<String> reasons) {
    public ActionTaken {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
