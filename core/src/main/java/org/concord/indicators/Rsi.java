package org.concord.indicators;

/**
 * Wilder's relative strength index: {@code 100 − 100 / (1 + avgGain/avgLoss)} with Wilder's average ({@link Rma})
 * of the gains and losses. With {@link Seeding#SMA} (Wilder, TradingView {@code ta.rsi}) the changes start at the
 * second value and the first averages are simple means of the first n changes; with {@link Seeding#FIRST_VALUE}
 * (ta4j {@code RSIIndicator}) the first change is 0 and the averages start there. When both averages are 0 (no
 * movement at all) the RSI is 50 (ta4j says 0, TradingView 100; neither is meaningful); when only the loss is 0,
 * 100. Unstable bars: {@code n}.
 */
public final class Rsi extends AbstractSeriesIndicator {
    private final int period;
    private final Seeding seeding;
    private final Rma gain;
    private final Rma loss;
    private double prevX;
    private double lastX;

    public Rsi(int period) {
        this(period, Seeding.SMA, Price.CLOSE);
    }

    public Rsi(int period, Seeding seeding) {
        this(period, seeding, Price.CLOSE);
    }

    public Rsi(int period, Seeding seeding, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("RSI period", period, 1);
        this.seeding = seeding;
        this.gain = new Rma(period, seeding);
        this.loss = new Rma(period, seeding);
    }

    @Override
    protected void commit() {
        prevX = lastX;
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        lastX = x;
        if (index == 0) {
            if (seeding == Seeding.FIRST_VALUE) {
                gain.feed(0, newBar);
                loss.feed(0, newBar);
            }
            return;
        }
        double change = x - prevX;
        gain.feed(change > 0 ? change : 0, newBar);
        loss.feed(change < 0 ? -change : 0, newBar);
    }

    @Override
    protected void clear() {
        gain.reset();
        loss.reset();
        prevX = 0;
        lastX = 0;
    }

    @Override
    public double value() {
        if (count() <= period) {
            return Double.NaN;
        }
        double g = gain.raw();
        double l = loss.raw();
        if (l == 0) {
            return g == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + g / l);
    }

    /** Wilder's average gain for the last bar (NaN during warm-up). */
    public double averageGain() {
        return count() > period ? gain.raw() : Double.NaN;
    }

    /** Wilder's average loss for the last bar, as a positive number (NaN during warm-up). */
    public double averageLoss() {
        return count() > period ? loss.raw() : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return period;
    }

    public int period() {
        return period;
    }

    @Override
    public String toString() {
        return "RSI(" + period + "," + seeding + "," + price() + ")";
    }
}
