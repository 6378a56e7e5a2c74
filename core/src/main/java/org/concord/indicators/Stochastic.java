package org.concord.indicators;

/**
 * Stochastic oscillator: {@code raw %K = 100 · (close − lowest low) / (highest high − lowest low)} over
 * {@code period} bars (50 when the range is 0: ta4j gives NaN there, TradingView na), {@code %K = sma(raw %K,
 * smoothK)} ({@code smoothK = 1}: the fast stochastic, ta4j {@code StochasticOscillatorKIndicator}),
 * {@code %D = sma(%K, dPeriod)} (ta4j {@code StochasticOscillatorDIndicator}). Unstable bars:
 * {@code period + smoothK + dPeriod − 3} (%K alone: {@code period + smoothK − 2}).
 */
public final class Stochastic extends AbstractBarIndicator {
    private final int period;
    private final int smoothK;
    private final int dPeriod;
    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma k;
    private final Sma d;

    public Stochastic() {
        this(14, 1, 3);
    }

    public Stochastic(int period, int smoothK, int dPeriod) {
        this.period = Outputs.requirePeriod("stochastic period", period, 1);
        this.smoothK = Outputs.requirePeriod("stochastic %K smoothing", smoothK, 1);
        this.dPeriod = Outputs.requirePeriod("stochastic %D period", dPeriod, 1);
        this.highest = RollingExtreme.max(period);
        this.lowest = RollingExtreme.min(period);
        this.k = new Sma(smoothK);
        this.d = new Sma(dPeriod);
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
        if (index < period - 1) {
            return;
        }
        double hh = highest.value();
        double ll = lowest.value();
        double raw = hh == ll ? 50 : 100 * (close - ll) / (hh - ll);
        k.feed(raw, newBar);
        if (index >= period + smoothK - 2) {
            d.feed(k.value(), newBar);
        }
    }

    @Override
    protected void clear() {
        highest.clear();
        lowest.clear();
        k.reset();
        d.reset();
    }

    /** %K. */
    @Override
    public double value() {
        return Outputs.mask(count() - 1, period + smoothK - 2, k.value());
    }

    public double k() {
        return value();
    }

    public double d() {
        return Outputs.mask(count() - 1, unstableBars(), d.value());
    }

    @Override
    public int unstableBars() {
        return period + smoothK + dPeriod - 3;
    }

    @Override
    public int outputCount() {
        return 2;
    }

    @Override
    public String outputName(int i) {
        Outputs.check(this, i);
        return i == 0 ? "k" : "d";
    }

    @Override
    public double output(int i) {
        Outputs.check(this, i);
        return i == 0 ? k() : d();
    }

    @Override
    public String toString() {
        return "Stochastic(" + period + "," + smoothK + "," + dPeriod + ")";
    }
}
