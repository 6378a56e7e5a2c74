package org.concord.coordination;

import org.concord.risk.RiskCheckResult;

import java.util.List;

/** Everything one decision did: the plan and why, the risk check, the orders queued and those sent now. */
public record DecisionReport(long time, PositionCoordinator.PlanResult plan, RiskCheckResult risk, List<TradeScheduler.Slice> queued,
                             List<String> submitted) {
    public DecisionReport {
        queued = List.copyOf(queued);
        submitted = List.copyOf(submitted);
    }
}
