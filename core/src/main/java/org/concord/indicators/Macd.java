package org.concord.indicators;

/**
 * MACD: {@code macd = ema(fast) − ema(slow)}, {@code signal = ema(macd, signalPeriod)},
 * {@code histogram = macd − signal}. With {@link Seeding#SMA} (TradingView, TA-Lib) the line is defined from
 * index {@code slow − 1} and the signal, an SMA-seeded EMA of the line from there, from
 * {@code slow + signal − 2}; with {@link Seeding#FIRST_VALUE} (ta4j {@code MACDIndicator} and its
 * {@code getSignalLine}) every EMA starts at index 0 and the same warm-up is masked.
 * Unstable bars: {@code slow + signalPeriod − 2} (the line alone: {@code slow − 1}).
 *
 * <p>Precision: near a crossing the line is a tiny difference of two price-sized averages. Both averages are
 * therefore kept of {@code x − K}, with {@code K} moved to the last final input every {@code slow} bars (an
 * exponential average is linear, so K cancels in the line): the line's rounding scales with recent price moves,
 * not with the price level.
 */
public final class Macd extends AbstractSeriesIndicator {
    private final int fastPeriod;
    private final int slowPeriod;
    private final int signalPeriod;
    private final Seeding seeding;
    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;
    private double shift;
    private double lastX;
    private int untilShift;

    public Macd() {
        this(12, 26, 9);
    }

    public Macd(int fast, int slow, int signal) {
        this(fast, slow, signal, Seeding.SMA, Price.CLOSE);
    }

    public Macd(int fast, int slow, int signal, Seeding seeding, Price price) {
        super(price);
        this.fastPeriod = Outputs.requirePeriod("MACD fast period", fast, 1);
        this.slowPeriod = Outputs.requirePeriod("MACD slow period", slow, 1);
        this.signalPeriod = Outputs.requirePeriod("MACD signal period", signal, 1);
        if (fast >= slow) {
            throw new IllegalArgumentException("MACD fast period " + fast + " must be below the slow period " + slow);
        }
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.seeding = seeding;
        this.fast = new Ema(fast, seeding);
        this.slow = new Ema(slow, seeding);
        this.signal = new Ema(signal, seeding);
    }

    @Override
    protected void commit() {
        // the EMAs keep their own final state; re-anchor the shift on a final input once both are seeded
        if (count() >= slowPeriod && --untilShift <= 0) {
            untilShift = slowPeriod;
            double delta = lastX - shift;
            fast.shiftLast(delta);
            slow.shiftLast(delta);
            shift = lastX;
        }
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        lastX = x;
        fast.feed(x - shift, newBar);
        slow.feed(x - shift, newBar);
        if (seeding == Seeding.FIRST_VALUE || index >= slowPeriod - 1) {
            line = fast.raw() - slow.raw();
            signal.feed(line, newBar);
        }
    }

    @Override
    protected void clear() {
        fast.reset();
        slow.reset();
        signal.reset();
        line = Double.NaN;
        shift = 0;
        lastX = 0;
        untilShift = 0;
    }

    /** The MACD line. */
    @Override
    public double value() {
        return Outputs.mask(count() - 1, slowPeriod - 1, line);
    }

    public double macd() {
        return value();
    }

    public double signal() {
        return Outputs.mask(count() - 1, unstableBars(), signal.raw());
    }

    public double histogram() {
        return Outputs.mask(count() - 1, unstableBars(), line - signal.raw());
    }

    @Override
    public int unstableBars() {
        return slowPeriod + signalPeriod - 2;
    }

    @Override
    public int outputCount() {
        return 3;
    }

    private static final String[] NAMES = {"macd", "signal", "histogram"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return macd();
            case 1: return signal();
            case 2: return histogram();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "MACD(" + fastPeriod + "," + slowPeriod + "," + signalPeriod + "," + seeding + "," + price() + ")";
    }
}
