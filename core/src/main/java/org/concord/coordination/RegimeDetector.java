package org.concord.coordination;

/**
 * Classifies the market from a {@link MarketStateMeasure}: trending when the trend strength reaches
 * {@code trendThreshold}; high / low volatility when the volatility ratio is at or above {@code highVolatility} /
 * at or below {@code lowVolatility}; high / low liquidity likewise.
 */
public final class RegimeDetector {
    /** Thresholds of the classification. */
    public record Config(double trendThreshold, double highVolatility, double lowVolatility, double highLiquidity, double lowLiquidity) {
        public Config {
            if (!(trendThreshold > 0 && trendThreshold < 1) || !(lowVolatility > 0 && lowVolatility < highVolatility)
                    || !(lowLiquidity > 0 && lowLiquidity < highLiquidity)) {
                throw new IllegalArgumentException("need 0 < trend < 1, 0 < low < high for volatility and liquidity, got " + this);
            }
        }

        /** Trending at an efficiency ratio of 0.3; volatility high at 1.25x / low at 0.8x; liquidity high at 1.5x / low at 0.5x. */
        public static Config defaults() {
            return new Config(0.3, 1.25, 0.8, 1.5, 0.5);
        }
    }

    private final MarketStateMeasure measure;
    private final Config config;
    private Regime current = Regime.UNKNOWN;

    public RegimeDetector(MarketStateMeasure measure, Config config) {
        if (measure == null || config == null) {
            throw new IllegalArgumentException("measure and config are required");
        }
        this.measure = measure;
        this.config = config;
    }

    /** Feeds one closed bar and returns the regime after it. */
    public Regime onBar(double close, double volume) {
        measure.update(close, volume);
        if (measure.ready()) {
            current = classify(measure.trendStrength(), measure.volatilityRatio(), measure.liquidityRatio());
        }
        return current;
    }

    public Regime current() {
        return current;
    }

    public MarketStateMeasure measure() {
        return measure;
    }

    Regime classify(double trend, double vol, double liq) {
        Regime.Trend t = trend >= config.trendThreshold() ? Regime.Trend.TRENDING : Regime.Trend.RANGING;
        Regime.Volatility v = vol >= config.highVolatility() ? Regime.Volatility.HIGH
                : vol <= config.lowVolatility() ? Regime.Volatility.LOW : Regime.Volatility.MEDIUM;
        Regime.Liquidity l = liq >= config.highLiquidity() ? Regime.Liquidity.HIGH
                : liq <= config.lowLiquidity() ? Regime.Liquidity.LOW : Regime.Liquidity.NORMAL;
        return Regime.of(t, v, l);
    }
}
