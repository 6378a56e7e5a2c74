package org.concord.indicators;

/**
 * Money flow index, the volume-weighted RSI: with the typical price {@code tp = (h + l + c)/3} and the money flow
 * {@code tp · volume}, {@code positive} = Σ flow over the last {@code n} bars whose tp rose, {@code negative} = Σ
 * flow where it fell (an unchanged tp, to within rounding, counts in neither), {@code mfi = 100 − 100 / (1 + positive / negative)}.
 * Changes start at the second bar, so the first value is at index {@code n} (TradingView {@code ta.mfi(hlc3, n)},
 * ta4j {@code MoneyFlowIndexIndicator}). Edge rules as {@link Rsi}: 50 when both sums are 0, 100 when only the
 * negative one is. ta4j clamps each sum to at least 1 before dividing; on sums of at least 1 the two agree.
 * Unstable bars: {@code n}.
 */
public final class Mfi extends AbstractBarIndicator {
    /** Relative difference below which two typical prices are the same (a few ulps of the sum h + l + c). */
    static final double SAME = 1e-13;
    private final int period;
    private final RollingSum positive;
    private final RollingSum negative;
    private double prevTp;
    private double lastTp;

    public Mfi(int period) {
        this.period = Outputs.requirePeriod("MFI period", period, 1);
        this.positive = new RollingSum(period);
        this.negative = new RollingSum(period);
    }

    @Override
    protected void commit() {
        prevTp = lastTp;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        double tp = (high + low + close) / 3;
        lastTp = tp;
        if (index == 0) {
            return;
        }
        double flow = tp * volume;
        // (h + l + c)/3 of two bars with the same exact typical price can differ in the last bit: a change within
        // rounding is no change (ta4j, in decimals, sees them equal)
        double change = tp - prevTp;
        boolean moved = Math.abs(change) > SAME * Math.max(Math.abs(tp), Math.abs(prevTp));
        double up = moved && change > 0 ? flow : 0;
        double down = moved && change < 0 ? flow : 0;
        if (newBar) {
            positive.add(up);
            negative.add(down);
        } else {
            positive.replaceNewest(up);
            negative.replaceNewest(down);
        }
    }

    @Override
    protected void clear() {
        positive.clear();
        negative.clear();
        prevTp = 0;
        lastTp = 0;
    }

    private boolean ready() {
        return count() > period;
    }

    @Override
    public double value() {
        if (!ready()) {
            return Double.NaN;
        }
        double g = positive.sum();
        double l = negative.sum();
        if (l == 0) {
            return g == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + g / l);
    }

    /** Σ money flow of the rising bars in the window (NaN during warm-up). */
    public double positiveFlow() {
        return ready() ? positive.sum() : Double.NaN;
    }

    /** Σ money flow of the falling bars in the window (NaN during warm-up). */
    public double negativeFlow() {
        return ready() ? negative.sum() : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return period;
    }

    public int period() {
        return period;
    }

    @Override
    public int outputCount() {
        return 3;
    }

    private static final String[] NAMES = {"mfi", "positiveFlow", "negativeFlow"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return value();
            case 1: return positiveFlow();
            case 2: return negativeFlow();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "MFI(" + period + ")";
    }
}
