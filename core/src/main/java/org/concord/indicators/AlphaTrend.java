package org.concord.indicators;

/**
 * AlphaTrend (Kıvanç Özbilgiç's TradingView script): an ATR trailing line that only ratchets with the momentum.
 * <pre>
 *   atr       = sma(trueRange, n)                    (true range from the second bar, as Pine's ta.tr)
 *   momentum  = useVolume ? mfi(hlc3, n) : rsi(close, n)
 *   line      = momentum ≥ 50 ? max(line', low − coeff·atr) : min(line', high + coeff·atr)
 *   buy       = crossover(line, line[2])             sell = crossunder(line, line[2])
 * </pre>
 * As in the script, a buy is only signalled when the raw signal before it was a sell (or there was none), and a
 * sell only after a buy: signals alternate. {@link #trend()} is the direction of the last signal. One difference
 * from the script: its first line value compares with {@code nz(line') = 0}, which pins the line to 0 while the
 * series starts bearish; here the first value is the band itself. Defaults n = 14, coeff = 1, volume on.
 * The line is defined from index {@code n}, the lagged line from {@code n + 2}, signals from {@code n + 3}.
 * ta4j has no AlphaTrend. Unstable bars: {@code n + 3}.
 */
public final class AlphaTrend extends AbstractBarIndicator {
    private final int period;
    private final double coeff;
    private final boolean useVolume;
    private final Sma atr;
    private final Mfi mfi;
    private final Rsi rsi;
    private double prevClose;
    private double lastClose;
    // committed history of the line: [1], [2], [3] bars ago
    private double l1 = Double.NaN;
    private double l2 = Double.NaN;
    private double l3 = Double.NaN;
    private int lastRaw;
    private int trend;
    // the last bar
    private double line = Double.NaN;
    private int raw;
    private int signal;

    public AlphaTrend() {
        this(14, 1.0, true);
    }

    public AlphaTrend(int period, double coeff, boolean useVolume) {
        this.period = Outputs.requirePeriod("AlphaTrend period", period, 1);
        if (!(coeff > 0) || Double.isInfinite(coeff)) {
            throw new IllegalArgumentException("AlphaTrend coefficient must be positive and finite, got " + coeff);
        }
        this.coeff = coeff;
        this.useVolume = useVolume;
        this.atr = new Sma(period);
        this.mfi = new Mfi(period);
        this.rsi = new Rsi(period);
    }

    @Override
    protected void commit() {
        prevClose = lastClose;
        l3 = l2;
        l2 = l1;
        l1 = line;
        if (raw != 0) {
            lastRaw = raw;
        }
        if (signal != 0) {
            trend = signal;
        }
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        lastClose = close;
        if (useVolume) {
            mfi.feed(open, high, low, close, volume, newBar);
        } else {
            rsi.feed(close, newBar);
        }
        raw = 0;
        signal = 0;
        if (index == 0) {
            return;
        }
        atr.feed(Atr.trueRange(high, low, prevClose), newBar);
        if (index < period) {
            return;
        }
        double momentum = useVolume ? mfi.value() : rsi.value();
        double band = coeff * atr.value();
        if (momentum >= 50) {
            double up = low - band;
            line = !Double.isNaN(l1) && up < l1 ? l1 : up;
        } else {
            double down = high + band;
            line = !Double.isNaN(l1) && down > l1 ? l1 : down;
        }
        if (index < period + 3) {
            return;
        }
        if (line > l2 && l1 <= l3) {
            raw = 1;
        } else if (line < l2 && l1 >= l3) {
            raw = -1;
        }
        if (raw != 0 && raw != lastRaw) {
            signal = raw;
        }
    }

    @Override
    protected void clear() {
        atr.reset();
        mfi.reset();
        rsi.reset();
        prevClose = 0;
        lastClose = 0;
        l1 = Double.NaN;
        l2 = Double.NaN;
        l3 = Double.NaN;
        line = Double.NaN;
        lastRaw = 0;
        trend = 0;
        raw = 0;
        signal = 0;
    }

    private int index() {
        return count() - 1;
    }

    /** The AlphaTrend line. */
    @Override
    public double value() {
        return index() >= period ? line : Double.NaN;
    }

    /** The line two bars ago (the script's second line; a cross of the two is a signal). */
    public double lagged() {
        return index() >= period + 2 ? l2 : Double.NaN;
    }

    /** +1 a buy on this bar, −1 a sell, 0 none (alternating, see the class comment). */
    public int signal() {
        return index() >= period + 3 ? signal : 0;
    }

    /** Direction of the latest signal, this bar's included; 0 before the first. */
    public int trend() {
        if (index() < period + 3) {
            return 0;
        }
        return signal != 0 ? signal : trend;
    }

    /** The momentum the line follows: MFI (volume on) or RSI. */
    public double momentum() {
        return index() >= period ? (useVolume ? mfi.value() : rsi.value()) : Double.NaN;
    }

    /** The ATR (a simple average of the true range). */
    public double atr() {
        return index() >= period ? atr.value() : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return period + 3;
    }

    @Override
    public int outputCount() {
        return 4;
    }

    private static final String[] NAMES = {"alphaTrend", "lagged", "signal", "trend"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        boolean stable = isStable();
        switch (k) {
            case 0: return value();
            case 1: return lagged();
            case 2: return stable ? signal() : Double.NaN;
            case 3: return stable ? trend() : Double.NaN;
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "AlphaTrend(" + period + "," + coeff + "," + (useVolume ? "MFI" : "RSI") + ")";
    }
}
