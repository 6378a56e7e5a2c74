package org.concord.indicators;

/** Simple moving average of the last {@code period} values. Unstable bars: {@code period - 1}. */
public final class Sma extends AbstractSeriesIndicator {
    private final int period;
    private final RollingSum sum;

    public Sma(int period) {
        this(period, Price.CLOSE);
    }

    public Sma(int period, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("SMA period", period, 1);
        this.sum = new RollingSum(period);
    }

    @Override
    protected void commit() {
        // the rolling sum keeps its own final part
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        if (newBar) {
            sum.add(x);
        } else {
            sum.replaceNewest(x);
        }
    }

    @Override
    protected void clear() {
        sum.clear();
    }

    @Override
    public double value() {
        return count() >= period ? sum.sum() / period : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    public int period() {
        return period;
    }

    @Override
    public String toString() {
        return "SMA(" + period + "," + price() + ")";
    }
}
