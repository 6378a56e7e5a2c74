package org.concord.execution;

import org.concord.model.Symbol;

/**
 * A snapshot of one order as the broker sees it (immutable; a new snapshot accompanies every transition).
 *
 * @param orderId          the broker's id
 * @param filledQuantity   quantity filled so far
 * @param averagePrice     volume-weighted fill price (0 before the first fill)
 * @param fees             fees charged so far, in the quote currency
 * @param parentClientId   for a stop-loss / take-profit child, its parent's client id (else null)
 * @param reason           why it was rejected, canceled or expired (empty otherwise)
 */
public record Order(long orderId, OrderRequest request, OrderState state, double filledQuantity, double averagePrice,
                    double fees, long createdTime, long updatedTime, String parentClientId, String reason) {
    public Order {
        if (request == null || state == null) {
            throw new IllegalArgumentException("order request and state are required");
        }
        reason = reason == null ? "" : reason;
    }

    public String clientOrderId() {
        return request.clientOrderId();
    }

    public Symbol symbol() {
        return request.symbol();
    }

    public OrderSide side() {
        return request.side();
    }

    public OrderType type() {
        return request.type();
    }

    public double quantity() {
        return request.quantity();
    }

    public double remainingQuantity() {
        return state.isWorking() ? Math.max(0, request.quantity() - filledQuantity) : 0;
    }
}
