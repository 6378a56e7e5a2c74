package org.concord.risk;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The adjusted plan (items clipped or dropped, deleveraging items added) and every event that explains it.
 */
public record RiskCheckResult(TradePlan plan, List<RiskEvent> events) {
    private static final RiskCheckResult NOTHING = new RiskCheckResult(TradePlan.EMPTY, List.of());

    public RiskCheckResult {
        if (plan == null || events == null) {
            throw new IllegalArgumentException("plan and events are required");
        }
        events = List.copyOf(events);
    }

    /** {@code plan} passed as it is, nothing to explain; the idle decision's {@link TradePlan#EMPTY} gets one shared result. */
    public static RiskCheckResult unchanged(TradePlan plan) {
        return plan == TradePlan.EMPTY ? NOTHING : new RiskCheckResult(plan, List.of());
    }

    /** The rules that changed the plan. */
    public Set<RiskRule> limitsHit() {
        Set<RiskRule> s = EnumSet.noneOf(RiskRule.class);
        for (RiskEvent e : events) {
            s.add(e.rule());
        }
        return s;
    }

    public boolean unchanged() {
        return events.isEmpty();
    }
}
