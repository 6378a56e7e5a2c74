package org.concord.indicators;

/**
 * Waddah Attar explosion (the TradingView script by LazyBear): how hard the MACD line moved this bar against how
 * wide the market is.
 * <pre>
 *   t1        = (macd − macd') · sensitivity            macd = ema(close, fast) − ema(close, slow)
 *   trendUp   = t1 ≥ 0 ? t1 : 0                          trendDown = t1 &lt; 0 ? −t1 : 0
 *   explosion = upperBB − lowerBB = 2 · mult · σ(close, channel)   (population σ, as Pine's ta.stdev)
 *   deadZone  = rma(trueRange, deadZonePeriod) · deadZoneMult     (the ATR, first true range h − l)
 * </pre>
 * A bar is an up (down) explosion when {@code trendUp} ({@code trendDown}) exceeds both the explosion line and the
 * dead zone. EMAs and the ATR are SMA-seeded (Pine). Defaults 150, 20, 40, 20, 2.0, 100, 3.7. ta4j has no WAE.
 * Unstable bars: {@code max(slow, channel − 1, deadZonePeriod − 1)} (99 with the defaults).
 */
public final class WaddahAttarExplosion extends AbstractBarIndicator {
    private final double sensitivity;
    private final double deadZoneMult;
    private final int slow;
    private final Macd macd;
    private final BollingerBands bands;
    private final Atr atr;
    private final int unstable;
    private double prevLine = Double.NaN;
    private double line = Double.NaN;
    private double t1 = Double.NaN;

    public WaddahAttarExplosion() {
        this(150, 20, 40, 20, 2.0, 100, 3.7);
    }

    public WaddahAttarExplosion(double sensitivity, int fast, int slow, int channel, double mult, int deadZonePeriod,
                                double deadZoneMult) {
        if (!(sensitivity > 0) || Double.isInfinite(sensitivity)) {
            throw new IllegalArgumentException("WAE sensitivity must be positive and finite, got " + sensitivity);
        }
        if (!(deadZoneMult > 0) || Double.isInfinite(deadZoneMult)) {
            throw new IllegalArgumentException("WAE dead-zone multiplier must be positive and finite, got " + deadZoneMult);
        }
        this.sensitivity = sensitivity;
        this.deadZoneMult = deadZoneMult;
        this.slow = Outputs.requirePeriod("WAE slow period", slow, 2);
        this.macd = new Macd(fast, slow, 1, Seeding.SMA, Price.CLOSE);
        this.bands = new BollingerBands(channel, mult);
        this.atr = new Atr(Outputs.requirePeriod("WAE dead-zone period", deadZonePeriod, 1));
        this.unstable = Math.max(slow, Math.max(channel - 1, deadZonePeriod - 1));
    }

    @Override
    protected void commit() {
        prevLine = line;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        macd.feed(close, newBar);
        bands.feed(close, newBar);
        atr.feed(open, high, low, close, volume, newBar);
        line = macd.macd();
        t1 = index >= slow ? (line - prevLine) * sensitivity : Double.NaN;
    }

    @Override
    protected void clear() {
        macd.reset();
        bands.reset();
        atr.reset();
        prevLine = Double.NaN;
        line = Double.NaN;
        t1 = Double.NaN;
    }

    private boolean ready() {
        return count() > unstable;
    }

    /** The MACD change times the sensitivity, when positive (else 0). */
    public double trendUp() {
        return ready() ? (t1 >= 0 ? t1 : 0) : Double.NaN;
    }

    /** Minus the MACD change times the sensitivity, when the change is negative (else 0). */
    public double trendDown() {
        return ready() ? (t1 < 0 ? -t1 : 0) : Double.NaN;
    }

    /** The explosion line: the Bollinger band width upper − lower. */
    public double explosion() {
        return ready() ? bands.upper() - bands.lower() : Double.NaN;
    }

    public double deadZone() {
        return ready() ? atr.value() * deadZoneMult : Double.NaN;
    }

    /** +1 up explosion, −1 down explosion, 0 neither (NaN during warm-up). */
    public double signal() {
        if (!ready()) {
            return Double.NaN;
        }
        double e = explosion();
        double dz = deadZone();
        double up = trendUp();
        double down = trendDown();
        return up > e && up > dz ? 1 : down > e && down > dz ? -1 : 0;
    }

    /** trendUp. */
    @Override
    public double value() {
        return trendUp();
    }

    @Override
    public int unstableBars() {
        return unstable;
    }

    @Override
    public int outputCount() {
        return 5;
    }

    private static final String[] NAMES = {"trendUp", "trendDown", "explosion", "deadZone", "signal"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return trendUp();
            case 1: return trendDown();
            case 2: return explosion();
            case 3: return deadZone();
            case 4: return signal();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "WAE(" + sensitivity + "," + macd + "," + bands + "," + atr + "," + deadZoneMult + ")";
    }
}
