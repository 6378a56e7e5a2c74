package org.concord.execution;

/**
 * Fees in basis points of the fill's notional: makers (resting limit orders) pay {@code makerBps}, takers
 * (market, triggered stop, marketable limit) {@code takerBps}. Negative (rebates) are not modelled.
 */
public record FeeModel(double makerBps, double takerBps) {
    public static final FeeModel ZERO = new FeeModel(0, 0);

    public FeeModel {
        if (!(makerBps >= 0) || !(takerBps >= 0) || makerBps > 1000 || takerBps > 1000) {
            throw new IllegalArgumentException("fees must be in [0, 1000] bps, got maker " + makerBps + " taker " + takerBps);
        }
    }

    /** Binance spot's base tier: 10 bps maker and taker. */
    public static FeeModel binanceSpot() {
        return new FeeModel(10, 10);
    }

    public double fee(double notional, Liquidity liquidity) {
        return Math.abs(notional) * (liquidity == Liquidity.MAKER ? makerBps : takerBps) * 1e-4;
    }
}
