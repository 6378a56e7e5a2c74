package org.concord.indicators;

/**
 * Wilder's directional movement system: +DI, −DI, DX and ADX.
 * <ul>
 *   <li>{@code +DM = up > down && up > 0 ? up : 0} with {@code up = h − h'}, {@code down = l' − l} (and −DM
 *       symmetrically); true range as in {@link Atr};</li>
 *   <li>{@code ±DI = 100 · rma(±DM, n) / rma(TR, n)} (0 when the average range is 0);</li>
 *   <li>{@code DX = 100 · |+DI − −DI| / (+DI + −DI)} (0 when both are 0); {@code ADX = rma(DX, m)}.</li>
 * </ul>
 * With {@link Seeding#SMA} (Wilder, TradingView {@code ta.dmi}) movement and range start at the second bar and the
 * averages are seeded with simple means: ±DI/DX are defined from index {@code n}, ADX from {@code n + m − 1}. With
 * {@link Seeding#FIRST_VALUE} (ta4j {@code ADXIndicator}, {@code PlusDIIndicator}...) the first bar counts with
 * range {@code h − l} and no movement and every average starts at its first input; the outputs are masked over the
 * same warm-up. Unstable bars: {@code n + m − 1} (±DI and DX are defined from {@code n}).
 */
public final class Adx extends AbstractBarIndicator {
    private final int diPeriod;
    private final int adxPeriod;
    private final Seeding seeding;
    private final Rma tr;
    private final Rma plusDm;
    private final Rma minusDm;
    private final Rma adx;
    private double prevHigh;
    private double prevLow;
    private double prevClose;
    private double lastHigh;
    private double lastLow;
    private double lastClose;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;
    private double dx = Double.NaN;

    public Adx(int period) {
        this(period, period, Seeding.SMA);
    }

    public Adx(int diPeriod, int adxPeriod) {
        this(diPeriod, adxPeriod, Seeding.SMA);
    }

    public Adx(int diPeriod, int adxPeriod, Seeding seeding) {
        this.diPeriod = Outputs.requirePeriod("DI period", diPeriod, 1);
        this.adxPeriod = Outputs.requirePeriod("ADX period", adxPeriod, 1);
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.seeding = seeding;
        this.tr = new Rma(diPeriod, seeding);
        this.plusDm = new Rma(diPeriod, seeding);
        this.minusDm = new Rma(diPeriod, seeding);
        this.adx = new Rma(adxPeriod, seeding);
    }

    @Override
    protected void commit() {
        prevHigh = lastHigh;
        prevLow = lastLow;
        prevClose = lastClose;
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        lastHigh = high;
        lastLow = low;
        lastClose = close;
        boolean sma = seeding == Seeding.SMA;
        if (index == 0) {
            if (!sma) {
                tr.feed(high - low, newBar);
                plusDm.feed(0, newBar);
                minusDm.feed(0, newBar);
                directional(newBar);
            }
            return;
        }
        double up = high - prevHigh;
        double down = prevLow - low;
        tr.feed(Atr.trueRange(high, low, prevClose), newBar);
        plusDm.feed(up > down && up > 0 ? up : 0, newBar);
        minusDm.feed(down > up && down > 0 ? down : 0, newBar);
        if (!sma || index >= diPeriod) {
            directional(newBar);
        }
    }

    /** ±DI and DX from the averages, DX into the ADX average. */
    private void directional(boolean newBar) {
        double range = tr.raw();
        if (range == 0) {
            plusDi = 0;
            minusDi = 0;
        } else {
            plusDi = 100 * plusDm.raw() / range;
            minusDi = 100 * minusDm.raw() / range;
        }
        double sum = plusDi + minusDi;
        dx = sum == 0 ? 0 : 100 * Math.abs(plusDi - minusDi) / sum;
        adx.feed(dx, newBar);
    }

    @Override
    protected void clear() {
        tr.reset();
        plusDm.reset();
        minusDm.reset();
        adx.reset();
        plusDi = Double.NaN;
        minusDi = Double.NaN;
        dx = Double.NaN;
    }

    /** ADX. */
    @Override
    public double value() {
        return Outputs.mask(count() - 1, unstableBars(), adx.raw());
    }

    public double adx() {
        return value();
    }

    public double plusDi() {
        return Outputs.mask(count() - 1, diPeriod, plusDi);
    }

    public double minusDi() {
        return Outputs.mask(count() - 1, diPeriod, minusDi);
    }

    public double dx() {
        return Outputs.mask(count() - 1, diPeriod, dx);
    }

    @Override
    public int unstableBars() {
        return diPeriod + adxPeriod - 1;
    }

    @Override
    public int outputCount() {
        return 4;
    }

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    private static final String[] NAMES = {"adx", "plusDI", "minusDI", "dx"};

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return adx();
            case 1: return plusDi();
            case 2: return minusDi();
            case 3: return dx();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "ADX(" + diPeriod + "," + adxPeriod + "," + seeding + ")";
    }
}
