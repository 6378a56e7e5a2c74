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

    SlippageModel NONE = new Fixed(0);

    /** A constant cost per fill. */
    static SlippageModel fixedBps(double bps) {
        return new Fixed(bps);
    }

    /**
     * A base cost plus a square-root market-impact term in the share of the market's volume taken:
     * {@code base + impact * sqrt(quantity / volume)}, capped at {@code maxBps} (also when the volume is unknown).
     */
    static SlippageModel volumeImpact(double baseBps, double impactBps, double maxBps) {
        return new VolumeImpact(baseBps, impactBps, maxBps);
    }

    /** {@link #fixedBps}: a value, so that results can be saved with the configuration that produced them. */
    record Fixed(double bps) implements SlippageModel {
        public Fixed {
            if (!(bps >= 0) || bps > 1000) {
                throw new IllegalArgumentException("slippage must be in [0, 1000] bps, got " + bps);
            }
        }

        @Override
        public double slippageBps(double quantity, double referencePrice, double marketVolume) {
            return bps;
        }
    }

    /** {@link #volumeImpact}. */
    record VolumeImpact(double baseBps, double impactBps, double maxBps) implements SlippageModel {
        public VolumeImpact {
            if (!(baseBps >= 0) || !(impactBps >= 0) || !(maxBps >= baseBps) || maxBps > 1000) {
                throw new IllegalArgumentException("need 0 <= base <= max <= 1000 bps and impact >= 0, got "
                        + baseBps + "/" + impactBps + "/" + maxBps);
            }
        }

        @Override
        public double slippageBps(double q, double p, double v) {
            return v > 0 ? Math.min(maxBps, baseBps + impactBps * Math.sqrt(q / v)) : maxBps;
        }
    }

    /** The price after slippage for a taker fill on {@code side}. */
    default double apply(OrderSide side, double referencePrice, double quantity, double marketVolume) {
        double bps = slippageBps(quantity, referencePrice, marketVolume);
        return referencePrice * (1 + side.sign() * bps * 1e-4);
    }
}
