package org.concord.risk;

import java.util.List;

/**
 * What the coordination layer wants to do at one decision, in priority order: the risk check gives capacity to
 * earlier items first, and the adjusted plan keeps that order. The decision's time travels beside it
 * ({@link UnifiedRiskManager#check(long, TradePlan, AccountBooks, MarketView)}), so the plan of an idle decision is
 * one shared {@link #EMPTY}.
 */
public record TradePlan(List<PlannedOrder> orders) {
    /** The plan with nothing to do: most decisions of a signal strategy. */
    public static final TradePlan EMPTY = new TradePlan(List.of());

    public TradePlan {
        if (orders == null) {
            throw new IllegalArgumentException("plan orders list is null");
        }
        orders = List.copyOf(orders);
    }

    /** A plan of {@code orders}; {@link #EMPTY} when there are none. */
    public static TradePlan of(List<PlannedOrder> orders) {
        return orders.isEmpty() ? EMPTY : new TradePlan(orders);
    }

    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
