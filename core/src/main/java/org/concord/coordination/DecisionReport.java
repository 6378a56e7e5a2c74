package org.concord.coordination;

import org.concord.risk.RiskCheckResult;
import org.concord.risk.TradePlan;

import java.util.List;

/**
 * Everything one decision did: the plan and why, the risk check, the orders queued and those sent now. The caller
 * knows the decision's time; an idle decision (nothing planned, checked, queued or sent) gets the one shared
 * {@link #IDLE}, so a strategy that is silent on most bars allocates nothing for them here.
 */
public record DecisionReport(PositionCoordinator.PlanResult plan, RiskCheckResult risk, List<TradeScheduler.Slice> queued,
                             List<String> submitted) {
    public static final DecisionReport IDLE = new DecisionReport(PositionCoordinator.PlanResult.IDLE,
            RiskCheckResult.unchanged(TradePlan.EMPTY), List.of(), List.of());

    public DecisionReport {
        queued = List.copyOf(queued);
        submitted = List.copyOf(submitted);
    }

    static DecisionReport of(PositionCoordinator.PlanResult plan, RiskCheckResult risk, List<TradeScheduler.Slice> queued,
                             List<String> submitted) {
        boolean idle = plan == IDLE.plan && risk == IDLE.risk && queued.isEmpty() && submitted.isEmpty();
        return idle ? IDLE : new DecisionReport(plan, risk, queued, submitted);
    }
}
