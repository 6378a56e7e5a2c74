package org.concord.indicators;

/**
 * Rolling population standard deviation (divides by n, as ta4j {@code StandardDeviationIndicator} and
 * TradingView {@code ta.stdev}) and mean of the last {@code period} values. Unstable bars: {@code period − 1}.
 */
public final class StdDev extends AbstractSeriesIndicator {
    private final int period;
    private final RollingMoments moments;

    public StdDev(int period) {
        this(period, Price.CLOSE);
    }

    public StdDev(int period, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("standard deviation period", period, 1);
        this.moments = new RollingMoments(period);
    }

    @Override
    protected void commit() {
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        if (newBar) {
            moments.add(x);
        } else {
            moments.replaceNewest(x);
        }
    }

    @Override
    protected void clear() {
        moments.clear();
    }

    /** The standard deviation. */
    @Override
    public double value() {
        return count() >= period ? moments.stdDev() : Double.NaN;
    }

    public double mean() {
        return count() >= period ? moments.mean() : Double.NaN;
    }

    public double variance() {
        return count() >= period ? moments.variance() : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    @Override
    public int outputCount() {
        return 2;
    }

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return k == 0 ? "stdDev" : "mean";
    }

    @Override
    public double output(int k) {
        Outputs.check(this, k);
        return k == 0 ? value() : mean();
    }

    @Override
    public String toString() {
        return "StdDev(" + period + "," + price() + ")";
    }
}
