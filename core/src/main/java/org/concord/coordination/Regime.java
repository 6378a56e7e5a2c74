package org.concord.coordination;

/**
 * The market's state as the allocation manager sees it: trend, volatility and liquidity. 18 combinations, each
 * with a dense {@link #index()} (the context of the source-weight bandit and of the per-regime bucket scores).
 */
public record Regime(Trend trend, Volatility volatility, Liquidity liquidity) {
    public enum Trend { RANGING, TRENDING }

    public enum Volatility { LOW, MEDIUM, HIGH }

    public enum Liquidity { LOW, NORMAL, HIGH }

    public static final int COUNT = 2 * 3 * 3;
    /** Before enough bars are seen. */
    public static final Regime UNKNOWN = new Regime(Trend.RANGING, Volatility.MEDIUM, Liquidity.NORMAL);

    public Regime {
        if (trend == null || volatility == null || liquidity == null) {
            throw new IllegalArgumentException("regime parts are required");
        }
    }

    public int index() {
        return (trend.ordinal() * 3 + volatility.ordinal()) * 3 + liquidity.ordinal();
    }

    /** The regime of index {@code i} (one shared instance each). */
    public static Regime ofIndex(int i) {
        if (i < 0 || i >= COUNT) {
            throw new IllegalArgumentException("regime index " + i + " outside [0, " + COUNT + ")");
        }
        return ALL[i];
    }

    /** The regime of these parts, one shared instance each: the detector reclassifies every bar, and changes often. */
    public static Regime of(Trend trend, Volatility volatility, Liquidity liquidity) {
        return ALL[(trend.ordinal() * 3 + volatility.ordinal()) * 3 + liquidity.ordinal()];
    }

    /** Every regime and its name by index: an allocation step names its regime, and concatenating it each time showed in profiles. */
    private static final Regime[] ALL = new Regime[COUNT];
    private static final String[] NAMES = new String[COUNT];

    static {
        for (int i = 0; i < COUNT; i++) {
            ALL[i] = new Regime(Trend.values()[i / 9], Volatility.values()[(i / 3) % 3], Liquidity.values()[i % 3]);
            NAMES[i] = ALL[i].trend + "/" + ALL[i].volatility + "-VOL/" + ALL[i].liquidity + "-LIQ";
        }
    }

    @Override
    public String toString() {
        return NAMES[index()];
    }
}
