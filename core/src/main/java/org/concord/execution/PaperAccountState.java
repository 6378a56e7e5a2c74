package org.concord.execution;

import java.util.List;

/**
 * A stored paper account, as {@link PaperBroker#restore} takes it: the cash it started with, its fills (oldest first:
 * replayed through the ledger, they give cash, positions, average prices, realized P&amp;L and fees) and its orders
 * (oldest first), and the ids to continue from (never below any id the account ever used, archived ones included).
 */
public record PaperAccountState(double initialCash, List<PaperOrderRecord> orders, List<Fill> fills, long nextOrderId, long nextFillId) {
    public PaperAccountState {
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be finite and > 0, got " + initialCash);
        }
        if (orders == null || fills == null || nextOrderId < 1 || nextFillId < 1) {
            throw new IllegalArgumentException("orders and fills are required, next ids >= 1");
        }
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
    }
}
