package org.concord.execution;

import org.concord.model.Symbol;

/**
 * A net position in one instrument: {@code quantity > 0} long, {@code < 0} short.
 *
 * @param averagePrice  average entry price of the open quantity (0 when flat)
 * @param realizedPnl   profit realized by reducing the position, before fees
 * @param fees          fees paid on this instrument
 * @param markPrice     the last price seen (0 before any)
 */
public record Position(Symbol symbol, double quantity, double averagePrice, double realizedPnl, double fees, double markPrice) {
    public double notional() {
        return quantity * markPrice;
    }

    public double unrealizedPnl() {
        return quantity == 0 ? 0 : quantity * (markPrice - averagePrice);
    }

    public boolean isFlat() {
        return quantity == 0;
    }
}
