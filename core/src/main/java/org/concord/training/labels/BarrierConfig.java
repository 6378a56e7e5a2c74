package org.concord.training.labels;

/**
 * Triple-barrier parameters. The barriers sit {@code profitTake·σ_h} above and {@code stopLoss·σ_h} below the
 * entry price, where {@code σ_h = σ·√horizonBars} and σ is the standard deviation of one-bar log returns over the
 * {@code volLookback} bars that closed at or before the window end (never after), floored at
 * {@code minWidthPct} percent. The time limit is {@code horizonBars} bars of the labelling timeframe.
 */
public record BarrierConfig(int horizonBars, double profitTake, double stopLoss, int volLookback, double minWidthPct) {
    /** 15 bars, symmetric 1σ_h barriers, 60-bar volatility, at least 0.05 %. */
    public static final BarrierConfig DEFAULT = new BarrierConfig(15, 1.0, 1.0, 60, 0.05);

    public BarrierConfig {
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be >= 1, got " + horizonBars);
        }
        if (!(profitTake > 0) || !(stopLoss > 0) || Double.isInfinite(profitTake) || Double.isInfinite(stopLoss)) {
            throw new IllegalArgumentException("profitTake and stopLoss multipliers must be finite and > 0");
        }
        if (volLookback < 2) {
            throw new IllegalArgumentException("volLookback must be >= 2, got " + volLookback);
        }
        if (!(minWidthPct >= 0)) {
            throw new IllegalArgumentException("minWidthPct must be >= 0");
        }
    }
}
