package org.concord.indicators;

/**
 * QQE (Quantitative Qualitative Estimation), as published in the TradingView "QQE MOD" / QQE scripts (after
 * Roman Ignatov's MT4 original). With {@code W = 2·rsiPeriod − 1}:
 * <pre>
 *   rsiMa     = ema(rsi(close, rsiPeriod), smoothing)              (the QQE line)
 *   dar       = ema(ema(|rsiMa' − rsiMa|, W), W) · factor
 *   longBand  = rsiMa' > longBand' and rsiMa > longBand' ? max(longBand', rsiMa − dar) : rsiMa − dar
 *   shortBand = rsiMa' < shortBand' and rsiMa < shortBand' ? min(shortBand', rsiMa + dar) : rsiMa + dar
 *   trend     = cross(rsiMa, shortBand') ? 1 : cross(longBand', rsiMa) ? −1 : trend'   (starts at 1)
 *   trailing  = trend == 1 ? longBand : shortBand                   (the "fast ATR RSI trailing line")
 * </pre>
 * ({@code x'} is the previous bar's value; {@code cross} is either direction, as Pine's {@code ta.cross}.) RSI
 * and EMAs use {@link Seeding#SMA} (Pine's {@code ta.rsi}/{@code ta.ema}); a comparison with an undefined
 * previous value is false, so the bands start plain at their first bar and the first cross can happen two bars
 * later. Unstable bars: {@code rsiPeriod + smoothing + 2W − 2} (71 for 14/5); the QQE line alone:
 * {@code rsiPeriod + smoothing − 1}. ta4j has no QQE.
 */
public final class Qqe extends AbstractSeriesIndicator {
    private final int rsiPeriod;
    private final int smoothing;
    private final double factor;
    private final int maStart;
    private final int bandStart;
    private final Rsi rsi;
    private final Ema rsiMa;
    private final Ema atrRsi;
    private final Ema dar;
    private double ma = Double.NaN;
    private double prevMa = Double.NaN;
    private double longBand = Double.NaN;
    private double shortBand = Double.NaN;
    private double prevLong = Double.NaN;
    private double prevShort = Double.NaN;
    private double prev2Long = Double.NaN;
    private double prev2Short = Double.NaN;
    private int trend = 1;
    private int prevTrend = 1;

    public Qqe() {
        this(14, 5, 4.238);
    }

    public Qqe(int rsiPeriod, int smoothing, double factor) {
        this(rsiPeriod, smoothing, factor, Price.CLOSE);
    }

    public Qqe(int rsiPeriod, int smoothing, double factor, Price price) {
        super(price);
        this.rsiPeriod = Outputs.requirePeriod("QQE RSI period", rsiPeriod, 1);
        this.smoothing = Outputs.requirePeriod("QQE smoothing", smoothing, 1);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("QQE factor must be positive and finite, got " + factor);
        }
        this.factor = factor;
        int w = 2 * rsiPeriod - 1;
        this.rsi = new Rsi(rsiPeriod);
        this.rsiMa = new Ema(smoothing);
        this.atrRsi = new Ema(w);
        this.dar = new Ema(w);
        this.maStart = rsiPeriod + smoothing - 1;
        this.bandStart = maStart + 2 * w - 1;
    }

    @Override
    protected void commit() {
        prevMa = ma;
        prev2Long = prevLong;
        prev2Short = prevShort;
        prevLong = longBand;
        prevShort = shortBand;
        prevTrend = trend;
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        rsi.feed(x, newBar);
        if (index < rsiPeriod) {
            return;
        }
        rsiMa.feed(rsi.value(), newBar);
        if (index < maStart) {
            return;
        }
        ma = rsiMa.value();
        if (index == maStart) {
            return;
        }
        atrRsi.feed(Math.abs(prevMa - ma), newBar);
        int w = atrRsi.period();
        if (index < maStart + w) {
            return;
        }
        dar.feed(atrRsi.value(), newBar);
        if (index < bandStart) {
            return;
        }
        double delta = dar.value() * factor;
        double newLong = ma - delta;
        double newShort = ma + delta;
        boolean hasPrev = index > bandStart;
        longBand = hasPrev && prevMa > prevLong && ma > prevLong ? Math.max(prevLong, newLong) : newLong;
        shortBand = hasPrev && prevMa < prevShort && ma < prevShort ? Math.min(prevShort, newShort) : newShort;
        trend = prevTrend;
        if (index >= bandStart + 2) {
            if (cross(ma, prevShort, prevMa, prev2Short)) {
                trend = 1;
            } else if (cross(prevLong, ma, prev2Long, prevMa)) {
                trend = -1;
            }
        }
    }

    /** Pine's {@code ta.cross(a, b)}: a crossed b in either direction between the previous and this bar. */
    private static boolean cross(double a, double b, double aPrev, double bPrev) {
        return (a > b && aPrev <= bPrev) || (a < b && aPrev >= bPrev);
    }

    @Override
    protected void clear() {
        rsi.reset();
        rsiMa.reset();
        atrRsi.reset();
        dar.reset();
        ma = Double.NaN;
        prevMa = Double.NaN;
        longBand = Double.NaN;
        shortBand = Double.NaN;
        prevLong = Double.NaN;
        prevShort = Double.NaN;
        prev2Long = Double.NaN;
        prev2Short = Double.NaN;
        trend = 1;
        prevTrend = 1;
    }

    private boolean bandsReady() {
        return count() - 1 >= bandStart;
    }

    /** The QQE line: the smoothed RSI. */
    @Override
    public double value() {
        return count() - 1 >= maStart ? ma : Double.NaN;
    }

    public double rsiMa() {
        return value();
    }

    /** The trailing level: the long band in an up trend, the short band in a down trend. */
    public double trailingLine() {
        return bandsReady() ? (trend == 1 ? longBand : shortBand) : Double.NaN;
    }

    /** +1 or −1; 0 during warm-up. */
    public int trend() {
        return bandsReady() ? trend : 0;
    }

    public double longBand() {
        return bandsReady() ? longBand : Double.NaN;
    }

    public double shortBand() {
        return bandsReady() ? shortBand : Double.NaN;
    }

    /** The underlying RSI. */
    public double rsi() {
        return rsi.value();
    }

    @Override
    public int unstableBars() {
        return bandStart;
    }

    @Override
    public int outputCount() {
        return 5;
    }

    private static final String[] NAMES = {"rsiMa", "trailing", "trend", "longBand", "shortBand"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return rsiMa();
            case 1: return trailingLine();
            case 2: return bandsReady() ? trend : Double.NaN;
            case 3: return longBand();
            case 4: return shortBand();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "QQE(" + rsiPeriod + "," + smoothing + "," + factor + "," + price() + ")";
    }
}
