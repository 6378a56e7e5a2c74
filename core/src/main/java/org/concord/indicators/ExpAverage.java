package org.concord.indicators;

/**
 * An exponential average {@code a = a' + α (x − a')}: the EMA ({@code α = 2/(n+1)}) and Wilder's moving average
 * ({@code α = 1/n}, "RMA"/"MMA"/"SMMA"). With {@link Seeding#SMA} the first average is the simple mean of the first
 * n inputs (at index n−1); with {@link Seeding#FIRST_VALUE} it is the first input. Unstable bars: {@code n − 1}
 * either way.
 */
public abstract class ExpAverage extends AbstractSeriesIndicator {
    private final int period;
    private final double alpha;
    private final Seeding seeding;
    private double seedSum;
    private double prev = Double.NaN;
    private double last;
    private double avg = Double.NaN;

    ExpAverage(int period, double alpha, Seeding seeding, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("period", period, 1);
        if (seeding == null) {
            throw new IllegalArgumentException("seeding is null");
        }
        this.alpha = alpha;
        this.seeding = seeding;
    }

    @Override
    protected final void commit() {
        if (seeding == Seeding.SMA && count() < period) {
            seedSum += last;
        } else {
            prev = avg;
        }
    }

    @Override
    protected final void compute(int index, double x, boolean newBar) {
        last = x;
        if (seeding == Seeding.SMA) {
            if (index < period - 1) {
                avg = Double.NaN;
            } else if (index == period - 1) {
                avg = (seedSum + x) / period;
            } else {
                avg = prev + alpha * (x - prev);
            }
        } else {
            avg = index == 0 ? x : prev + alpha * (x - prev);
        }
    }

    @Override
    protected final void clear() {
        seedSum = 0;
        prev = Double.NaN;
        avg = Double.NaN;
        last = 0;
    }

    @Override
    public final double value() {
        return count() >= period ? avg : Double.NaN;
    }

    /** The average without the warm-up mask (defined from index 0 with {@link Seeding#FIRST_VALUE}). */
    final double raw() {
        return avg;
    }

    /**
     * Re-expresses the state in inputs shifted by {@code delta} ({@code x → x − delta}); an exponential average is
     * linear, so this is exact up to one rounding. Only between bars (the last bar final), once seeded.
     */
    final void shiftLast(double delta) {
        avg -= delta;
        last -= delta;
    }

    @Override
    public final int unstableBars() {
        return period - 1;
    }

    public final int period() {
        return period;
    }

    public final double alpha() {
        return alpha;
    }

    public final Seeding seeding() {
        return seeding;
    }
}
