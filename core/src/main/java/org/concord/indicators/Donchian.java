package org.concord.indicators;

/**
 * Donchian channel over the last {@code period} bars, the current bar included (ta4j
 * {@code DonchianChannel*Indicator}, TradingView): {@code upper} = highest high, {@code lower} = lowest low,
 * {@code middle} = their mean. A breakout rule ("close above the prior n-bar high") compares with the previous
 * bar's {@code upper}. Rolling extremes by monotonic deques: O(1) amortized. Unstable bars: {@code period − 1}.
 */
public final class Donchian extends AbstractBarIndicator {
    private final int period;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;

    public Donchian(int period) {
        this.period = Outputs.requirePeriod("Donchian period", period, 1);
        this.highest = RollingExtreme.max(period);
        this.lowest = RollingExtreme.min(period);
    }

    @Override
    protected void commit() {
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        if (newBar) {
            highest.add(high);
            lowest.add(low);
        } else {
            highest.replaceNewest(high);
            lowest.replaceNewest(low);
        }
    }

    @Override
    protected void clear() {
        highest.clear();
        lowest.clear();
    }

    private boolean ready() {
        return count() >= period;
    }

    public double upper() {
        return ready() ? highest.value() : Double.NaN;
    }

    public double lower() {
        return ready() ? lowest.value() : Double.NaN;
    }

    public double middle() {
        return ready() ? (highest.value() + lowest.value()) / 2 : Double.NaN;
    }

    /** The middle line. */
    @Override
    public double value() {
        return middle();
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    @Override
    public int outputCount() {
        return 3;
    }

    private static final String[] NAMES = {"middle", "upper", "lower"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return middle();
            case 1: return upper();
            case 2: return lower();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "Donchian(" + period + ")";
    }
}
