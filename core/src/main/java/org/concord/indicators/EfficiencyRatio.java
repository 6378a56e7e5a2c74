package org.concord.indicators;

/**
 * Kaufman's efficiency ratio: {@code |x − x[n]| / Σ_{i=t−n+1..t} |x_i − x_{i−1}|}, net move over the path length
 * in the last {@code n} steps; 1 is a straight line (trend), near 0 is noise (chop). 0 when the path length is 0
 * (no movement at all). The path length is a rolling sum, recomputed exactly every {@code n} bars. Unstable
 * bars: {@code n}. ta4j has no ER indicator (its {@code KAMAIndicator} computes it inside).
 */
public final class EfficiencyRatio extends AbstractSeriesIndicator {
    private final int period;
    private final DelayLine values;
    private final RollingSum path;
    private double prevX;
    private double lastX;

    public EfficiencyRatio(int period) {
        this(period, Price.CLOSE);
    }

    public EfficiencyRatio(int period, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("efficiency ratio period", period, 1);
        this.values = new DelayLine(period + 1);
        this.path = new RollingSum(period);
    }

    @Override
    protected void commit() {
        prevX = lastX;
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        lastX = x;
        if (newBar) {
            values.add(x);
        } else {
            values.replaceNewest(x);
        }
        if (index == 0) {
            return;
        }
        double step = Math.abs(x - prevX);
        if (newBar) {
            path.add(step);
        } else {
            path.replaceNewest(step);
        }
    }

    @Override
    protected void clear() {
        values.clear();
        path.clear();
        prevX = 0;
        lastX = 0;
    }

    @Override
    public double value() {
        if (count() <= period) {
            return Double.NaN;
        }
        double length = path.sum();
        return length == 0 ? 0 : Math.abs(values.ago(0) - values.ago(period)) / length;
    }

    @Override
    public int unstableBars() {
        return period;
    }

    @Override
    public String toString() {
        return "ER(" + period + "," + price() + ")";
    }
}
