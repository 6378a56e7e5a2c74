package org.concord.execution;

/**
 * The exits a bracket order gets once it is done, for the quantity it filled: a stop at its stop-loss and a limit at
 * its take-profit, on the other side, good till cancelled. Their client ids extend the parent's and stay within the
 * venue's 36 characters.
 */
final class BracketExits {
    private BracketExits() {
    }

    /** The stop-loss exit of {@code parent}, or null when it has none. */
    static OrderRequest stopLoss(WorkingOrder parent) {
        OrderRequest r = parent.request;
        return r.stopLoss() > 0 ? exit(parent, "-sl", OrderType.STOP, 0, r.stopLoss()) : null;
    }

    /** The take-profit exit of {@code parent}, or null when it has none. */
    static OrderRequest takeProfit(WorkingOrder parent) {
        OrderRequest r = parent.request;
        return r.takeProfit() > 0 ? exit(parent, "-tp", OrderType.LIMIT, r.takeProfit(), 0) : null;
    }

    private static OrderRequest exit(WorkingOrder parent, String suffix, OrderType type, double limit, double stop) {
        OrderRequest r = parent.request;
        String id = r.clientOrderId();
        String childId = id.length() + suffix.length() <= 36 ? id + suffix : "x" + parent.orderId + suffix;
        return new OrderRequest(childId, r.symbol(), r.side().opposite(), type, parent.filled, limit, stop, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.BRACKET, r.book(), false);
    }
}
