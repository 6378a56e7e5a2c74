package org.concord.execution;

import org.concord.model.Symbol;

/**
 * One order state transition (also each additional partial fill). {@code previous} is null when the order was
 * just created (NEW or REJECTED). Serializable with Jackson.
 */
public record OrderEvent(long time, long orderId, String clientOrderId, Symbol symbol, OrderSide side, OrderType type,
                         OrderState previous, OrderState state, double quantity, double filledQuantity,
                         double lastFillQuantity, double lastFillPrice, String reason) {
}
