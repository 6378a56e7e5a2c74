package org.concord.indicators;

/**
 * Average true range: Wilder's average ({@link Rma}) of the true range {@code max(h−l, |h−c'|, |l−c'|)}, where the
 * first bar's true range is {@code h − l} (TradingView {@code ta.atr}, ta4j {@code ATRIndicator}). Seeding as in
 * {@link Rma}: {@link Seeding#SMA} by default, {@link Seeding#FIRST_VALUE} for ta4j. Unstable bars: {@code n − 1}.
 */
public final class Atr extends AbstractBarIndicator {
    private final int period;
    private final Seeding seeding;
    private final Rma average;
    private double prevClose;
    private double lastClose;
    private double trueRange = Double.NaN;

    public Atr(int period) {
        this(period, Seeding.SMA);
    }

    public Atr(int period, Seeding seeding) {
        this.period = Outputs.requirePeriod("ATR period", period, 1);
        this.seeding = seeding;
        this.average = new Rma(period, seeding);
    }

    @Override
    protected void commit() {
        prevClose = lastClose;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        lastClose = close;
        trueRange = index == 0 ? high - low : trueRange(high, low, prevClose);
        average.feed(trueRange, newBar);
    }

    static double trueRange(double high, double low, double prevClose) {
        double tr = high - low;
        double a = Math.abs(high - prevClose);
        double b = Math.abs(low - prevClose);
        if (a > tr) {
            tr = a;
        }
        return b > tr ? b : tr;
    }

    @Override
    protected void clear() {
        average.reset();
        trueRange = Double.NaN;
        prevClose = 0;
        lastClose = 0;
    }

    @Override
    public double value() {
        return average.value();
    }

    /** The average without the warm-up mask (defined from index 0 with {@link Seeding#FIRST_VALUE}). */
    double raw() {
        return average.raw();
    }

    /** The last bar's true range. */
    public double trueRange() {
        return trueRange;
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
        return "ATR(" + period + "," + seeding + ")";
    }
}
