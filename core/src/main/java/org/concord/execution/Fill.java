package org.concord.execution;

import org.concord.model.Symbol;

/**
 * One execution.
 *
 * @param price the fill price including slippage
 * @param fee   in the quote currency, always >= 0
 */
public record Fill(long fillId, long orderId, String clientOrderId, Symbol symbol, OrderSide side, double quantity,
                   double price, double fee, Liquidity liquidity, long time, String book) {
    public Fill {
        if (symbol == null || side == null || liquidity == null || clientOrderId == null) {
            throw new IllegalArgumentException("fill symbol, side, liquidity and clientOrderId are required");
        }
        if (!(quantity > 0) || !(price > 0) || !(fee >= 0) || Double.isInfinite(quantity) || Double.isInfinite(price) || Double.isInfinite(fee)) {
            throw new IllegalArgumentException("fill " + fillId + ": quantity and price must be finite > 0 and fee finite >= 0");
        }
    }

    public double notional() {
        return quantity * price;
    }

    public double signedQuantity() {
        return side.sign() * quantity;
    }
}
