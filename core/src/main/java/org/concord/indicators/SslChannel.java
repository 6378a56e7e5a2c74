package org.concord.indicators;

/**
 * SSL channel (Semaphore Signal Level, the TradingView "SSL Channel" script): simple averages of the highs and of
 * the lows over {@code n} bars, and a state {@code hlv} that turns +1 when the close is above the high average and
 * −1 when it is below the low average (else it keeps its value; 0 before the first break):
 * <pre>
 *   hlv      = close > smaHigh ? 1 : close < smaLow ? −1 : hlv'
 *   sslUp    = hlv < 0 ? smaLow : smaHigh
 *   sslDown  = hlv < 0 ? smaHigh : smaLow
 * </pre>
 * In an up state the "up" line is the high average (above the "down" line); the lines swap when the state flips.
 * ta4j has no SSL channel. Unstable bars: {@code n − 1}.
 */
public final class SslChannel extends AbstractBarIndicator {
    private final int period;
    private final Sma highs;
    private final Sma lows;
    private int prevState;
    private int state;

    public SslChannel(int period) {
        this.period = Outputs.requirePeriod("SSL period", period, 1);
        this.highs = new Sma(period, Price.HIGH);
        this.lows = new Sma(period, Price.LOW);
    }

    @Override
    protected void commit() {
        prevState = state;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        highs.feed(high, newBar);
        lows.feed(low, newBar);
        if (index < period - 1) {
            state = 0;
            return;
        }
        double h = highs.value();
        double l = lows.value();
        state = close > h ? 1 : close < l ? -1 : prevState;
    }

    @Override
    protected void clear() {
        highs.reset();
        lows.reset();
        prevState = 0;
        state = 0;
    }

    private boolean ready() {
        return count() >= period;
    }

    /** The up line. */
    @Override
    public double value() {
        return up();
    }

    public double up() {
        return ready() ? (state < 0 ? lows.value() : highs.value()) : Double.NaN;
    }

    public double down() {
        return ready() ? (state < 0 ? highs.value() : lows.value()) : Double.NaN;
    }

    /** +1 after a close above the high average, −1 after one below the low average, 0 before either (or warm-up). */
    public int direction() {
        return ready() ? state : 0;
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    @Override
    public int outputCount() {
        return 3;
    }

    private static final String[] NAMES = {"up", "down", "direction"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return up();
            case 1: return down();
            case 2: return ready() ? state : Double.NaN;
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "SSL(" + period + ")";
    }
}
