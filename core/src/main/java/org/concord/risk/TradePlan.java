package org.concord.risk;

import java.util.List;

/**
 * What the coordination layer wants to do at {@code time}, in priority order: the risk check gives capacity to
 * earlier items first, and the adjusted plan keeps that order.
 */
public record TradePlan(long time, List<PlannedOrder> orders) {
    public TradePlan {
        if (orders == null) {
            throw new IllegalArgumentException("plan orders list is null");
        }
        orders = List.copyOf(orders);
    }

    public static TradePlan empty(long time) {
        return new TradePlan(time, List.of());
    }

    public boolean isEmpty() {
        return orders.isEmpty();
    }
}
