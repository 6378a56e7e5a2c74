package org.concord.indicators;

/**
 * How a recursive indicator starts. The definitions differ only at the start; the difference decays by the
 * smoothing factor each bar (see docs/indicators.md for the number of bars after which they agree).
 */
public enum Seeding {
    /**
     * The common definition (Wilder; TA-Lib; TradingView's {@code ta.ema}/{@code ta.rma}/{@code ta.rsi}/
     * {@code ta.atr}/{@code ta.dmi}/{@code ta.supertrend}): an average of period n starts with the simple mean
     * of its first n inputs; differences (RSI gains, directional movement) start at the second bar. The default.
     */
    SMA,
    /**
     * ta4j's definition (ta4j-core 0.18 {@code EMAIndicator}, {@code MMAIndicator} and what is built on them):
     * an average starts with its first input; RSI gains and directional movement are 0 on the first bar;
     * Supertrend starts on the lower band. Kept so that the library can be checked against ta4j exactly.
     */
    FIRST_VALUE
}
