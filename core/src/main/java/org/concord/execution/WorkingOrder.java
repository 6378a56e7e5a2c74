package org.concord.execution;

/** The paper broker's mutable record of one order (single-threaded; snapshots leave as {@link Order}). */
final class WorkingOrder {
    final long orderId;
    final OrderRequest request;
    final long createdTime;
    /** Market events with a sequence number above this may fill the order (no fill on the event it was sent on). */
    long activeAfterSeq;
    OrderState state;
    double filled;
    double notionalFilled;
    double fees;
    long updatedTime;
    String reason = "";
    String parentClientId;
    /** The other exit of a stop-loss / take-profit pair, or null. */
    WorkingOrder ocoSibling;
    /** Exits only ever shrink a position toward flat. */
    boolean reduceOnly;
    boolean triggered;
    boolean seenMarket;
    /** Cash held for a working buy on a spot account. */
    double reservedCash;

    WorkingOrder(long orderId, OrderRequest request, long createdTime, long activeAfterSeq) {
        this.orderId = orderId;
        this.request = request;
        this.createdTime = createdTime;
        this.updatedTime = createdTime;
        this.activeAfterSeq = activeAfterSeq;
    }

    double remaining() {
        return Math.max(0, request.quantity() - filled);
    }

    double averagePrice() {
        return filled > 0 ? notionalFilled / filled : 0;
    }

    Order snapshot() {
        return new Order(orderId, request, state == null ? OrderState.NEW : state, filled, averagePrice(), fees,
                createdTime, updatedTime, parentClientId, reason);
    }
}
