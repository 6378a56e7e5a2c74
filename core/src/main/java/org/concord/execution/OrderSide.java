package org.concord.execution;

import org.concord.model.Action;

/** The side of an order or fill. */
public enum OrderSide {
    BUY, SELL;

    /** +1 for BUY, -1 for SELL: multiply a quantity by it to get the signed position change. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The side that moves a position by a signed quantity ({@code delta > 0} buys). */
    public static OrderSide of(double delta) {
        if (!(delta != 0) || Double.isNaN(delta)) {
            throw new IllegalArgumentException("no side for a signed quantity of " + delta);
        }
        return delta > 0 ? BUY : SELL;
    }

    /** BUY for {@link Action#BUY}, SELL for {@link Action#SELL}; HOLD has no side. */
    public static OrderSide of(Action action) {
        if (action == Action.BUY) {
            return BUY;
        }
        if (action == Action.SELL) {
            return SELL;
        }
        throw new IllegalArgumentException("action " + action + " has no order side");
    }
}
