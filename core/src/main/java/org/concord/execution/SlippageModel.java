package org.concord.execution;

/**
 * How far a taker fill lands from the reference price (bar open, triggered stop level or trade price), always
 * against the order: buys pay more, sells receive less. Limit orders filling at their limit get none.
 */
@FunctionalInterface
public interface SlippageModel {
    /**
     * @param quantity        the fill quantity
     * @param referencePrice  the price the fill would get with no slippage
     * @param marketVolume    volume of the bar or trade the fill is matched against (0 when unknown)
     * @return slippage in basis points, >= 0
     */
    double slippageBps(double quantity, double referencePrice, double marketVolume);

    SlippageModel NONE = (q, p, v) -> 0;

    /** A constant cost per fill. */
    static SlippageModel fixedBps(double bps) {
        if (!(bps >= 0) || bps > 1000) {
            throw new IllegalArgumentException("slippage must be in [0, 1000] bps, got " + bps);
        }
        return (q, p, v) -> bps;
    }

    /**
     * A base cost plus a square-root market-impact term in the share of the market's volume taken:
     * {@code base + impact * sqrt(quantity / volume)}, capped at {@code maxBps} (also when the volume is unknown).
     */
    static SlippageModel volumeImpact(double baseBps, double impactBps, double maxBps) {
        if (!(baseBps >= 0) || !(impactBps >= 0) || !(maxBps >= baseBps) || maxBps > 1000) {
            throw new IllegalArgumentException("need 0 <= base <= max <= 1000 bps and impact >= 0, got "
                    + baseBps + "/" + impactBps + "/" + maxBps);
        }
        return (q, p, v) -> v > 0 ? Math.min(maxBps, baseBps + impactBps * Math.sqrt(q / v)) : maxBps;
    }

    /** The price after slippage for a taker fill on {@code side}. */
    default double apply(OrderSide side, double referencePrice, double quantity, double marketVolume) {
        double bps = slippageBps(quantity, referencePrice, marketVolume);
        return referencePrice * (1 + side.sign() * bps * 1e-4);
    }
}
