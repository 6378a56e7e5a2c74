package org.concord.indicators;

/**
 * Supertrend (Olivier Seban): bands {@code hl2 ± multiplier · ATR(n)} that only ratchet towards price, and a line
 * that follows the lower band in an uptrend and the upper band in a downtrend. The usual rules (TradingView
 * {@code ta.supertrend}, ta4j {@code SuperTrend*Indicator}):
 * <ul>
 *   <li>{@code lower = basicLower > lower' || close' < lower' ? basicLower : lower'};</li>
 *   <li>{@code upper = basicUpper < upper' || close' > upper' ? basicUpper : upper'};</li>
 *   <li>in a downtrend, a close above {@code upper} turns the trend up; in an uptrend, a close below {@code lower}
 *       turns it down.</li>
 * </ul>
 * {@link Seeding#SMA} (TradingView): ATR seeded with a simple mean; the first defined bar (index {@code n − 1})
 * starts in a downtrend with the basic bands. {@link Seeding#FIRST_VALUE} (ta4j): ATR seeded with the first true
 * range, bar 0 has {@code upper = basicUpper}, {@code lower = 0} and starts in an uptrend. Unstable bars:
 * {@code n − 1}. {@link #direction()} is +1 (up, line = lower band) or −1 (down, line = upper band).
 */
public final class Supertrend extends AbstractBarIndicator {
    private final int period;
    private final double multiplier;
    private final Seeding seeding;
    private final Atr atr;
    private double prevUpper;
    private double prevLower;
    private double prevClose;
    private int prevDirection;
    private double upper = Double.NaN;
    private double lower = Double.NaN;
    private double close;
    private int direction;

    public Supertrend() {
        this(10, 3.0);
    }

    public Supertrend(int period, double multiplier) {
        this(period, multiplier, Seeding.SMA);
    }

    public Supertrend(int period, double multiplier, Seeding seeding) {
        this.period = Outputs.requirePeriod("Supertrend ATR period", period, 1);
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("Supertrend multiplier must be positive and finite, got " + multiplier);
        }
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.multiplier = multiplier;
        this.seeding = seeding;
        this.atr = new Atr(period, seeding);
    }

    @Override
    protected void commit() {
        prevUpper = upper;
        prevLower = lower;
        prevClose = close;
        prevDirection = direction;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        atr.feed(open, high, low, close, volume, newBar);
        this.close = close;
        boolean first = seeding == Seeding.SMA ? index == period - 1 : index == 0;
        if (seeding == Seeding.SMA && index < period - 1) {
            return;
        }
        double mid = (high + low) / 2;
        double band = multiplier * atr.raw();
        double basicUpper = mid + band;
        double basicLower = mid - band;
        if (first) {
            upper = basicUpper;
            lower = seeding == Seeding.SMA ? basicLower : 0;
            direction = seeding == Seeding.SMA ? -1 : 1;
            return;
        }
        lower = basicLower > prevLower || prevClose < prevLower ? basicLower : prevLower;
        upper = basicUpper < prevUpper || prevClose > prevUpper ? basicUpper : prevUpper;
        if (prevDirection < 0) {
            direction = close > upper ? 1 : -1;
        } else {
            direction = close < lower ? -1 : 1;
        }
    }

    @Override
    protected void clear() {
        atr.reset();
        upper = Double.NaN;
        lower = Double.NaN;
        direction = 0;
        prevDirection = 0;
    }

    private boolean ready() {
        return count() >= period;
    }

    /** The Supertrend line. */
    @Override
    public double value() {
        return ready() ? (direction > 0 ? lower : upper) : Double.NaN;
    }

    /** +1 in an uptrend, −1 in a downtrend, 0 during warm-up. */
    public int direction() {
        return ready() ? direction : 0;
    }

    public double upperBand() {
        return ready() ? upper : Double.NaN;
    }

    public double lowerBand() {
        return ready() ? lower : Double.NaN;
    }

    /** The ATR used for the bands. */
    public double atr() {
        return atr.value();
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    @Override
    public int outputCount() {
        return 4;
    }

    private static final String[] NAMES = {"supertrend", "direction", "upper", "lower"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return value();
            case 1: return ready() ? direction : Double.NaN;
            case 2: return upperBand();
            case 3: return lowerBand();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "Supertrend(" + period + "," + multiplier + "," + seeding + ")";
    }
}
