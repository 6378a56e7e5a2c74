package org.concord.coordination;

/**
 * The three numbers regime detection needs, behind an interface so that the shared indicator library (ADX for the
 * trend, ATR ratios for the volatility) can replace the default {@link EfficiencyRatioMeasure}.
 */
public interface MarketStateMeasure {
    /** One closed bar. */
    void update(double close, double volume);

    /** Whether enough bars were seen for the values to mean something. */
    boolean ready();

    /** Trend strength in [0, 1]: 0 pure noise, 1 a straight line (efficiency ratio; ADX/100 would fit too). */
    double trendStrength();

    /** Recent volatility over its long-run level (1 = usual). */
    double volatilityRatio();

    /** Recent volume over its long-run level (1 = usual). */
    double liquidityRatio();
}
