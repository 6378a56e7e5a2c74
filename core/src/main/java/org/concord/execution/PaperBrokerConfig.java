package org.concord.execution;

import org.concord.model.Timeframe;

/**
 * How a {@link PaperBroker} simulates a venue.
 *
 * @param initialCash      starting cash in {@code quoteAsset}
 * @param fillSource       match orders against closed bars of {@code barTimeframe}, or against the trade stream
 * @param maxParticipation the largest share of a bar's (or trade's) volume this account's fills may take, in
 *                         (0, 1]; orders larger than that fill partially and the rest works on the next bars.
 *                         0 switches the volume cap off.
 * @param allowShort       false: a spot account (buys need cash, sells need the position); true: a margin account
 *                         where only the risk manager's leverage limits apply
 */
public record PaperBrokerConfig(double initialCash, String quoteAsset, FeeModel fees, SlippageModel slippage,
                                FillSource fillSource, Timeframe barTimeframe, double maxParticipation, boolean allowShort) {
    /** What the fills are matched against. */
    public enum FillSource { BARS, TRADES }

    public PaperBrokerConfig {
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initialCash must be finite and > 0, got " + initialCash);
        }
        if (quoteAsset == null || quoteAsset.isBlank() || fees == null || slippage == null || fillSource == null || barTimeframe == null) {
            throw new IllegalArgumentException("quoteAsset, fees, slippage, fillSource and barTimeframe are required");
        }
        if (!(maxParticipation >= 0 && maxParticipation <= 1)) {
            throw new IllegalArgumentException("maxParticipation must be in [0, 1] (0 = no cap), got " + maxParticipation);
        }
    }

    /** 10,000 USD, Binance spot fees (10/10 bps), 2 bps slippage, 5-minute bars, no volume cap, spot. */
    public static PaperBrokerConfig defaults() {
        return new PaperBrokerConfig(10_000, "USD", FeeModel.binanceSpot(), SlippageModel.fixedBps(2), FillSource.BARS,
                Timeframe.M5, 0, false);
    }

    public PaperBrokerConfig withCash(double cash) {
        return new PaperBrokerConfig(cash, quoteAsset, fees, slippage, fillSource, barTimeframe, maxParticipation, allowShort);
    }

    public PaperBrokerConfig withCosts(FeeModel newFees, SlippageModel newSlippage) {
        return new PaperBrokerConfig(initialCash, quoteAsset, newFees, newSlippage, fillSource, barTimeframe, maxParticipation, allowShort);
    }

    public PaperBrokerConfig withBars(Timeframe tf) {
        return new PaperBrokerConfig(initialCash, quoteAsset, fees, slippage, FillSource.BARS, tf, maxParticipation, allowShort);
    }

    public PaperBrokerConfig withTrades() {
        return new PaperBrokerConfig(initialCash, quoteAsset, fees, slippage, FillSource.TRADES, barTimeframe, maxParticipation, allowShort);
    }

    public PaperBrokerConfig withParticipation(double p) {
        return new PaperBrokerConfig(initialCash, quoteAsset, fees, slippage, fillSource, barTimeframe, p, allowShort);
    }

    public PaperBrokerConfig withShorting(boolean allow) {
        return new PaperBrokerConfig(initialCash, quoteAsset, fees, slippage, fillSource, barTimeframe, maxParticipation, allow);
    }
}
