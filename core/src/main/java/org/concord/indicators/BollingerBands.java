package org.concord.indicators;

/**
 * Bollinger bands over the last {@code period} values: {@code middle} = simple mean, {@code upper/lower =
 * middle ± k·σ} with the population standard deviation σ (ta4j {@code BollingerBands*Indicator} with
 * {@code StandardDeviationIndicator}; TradingView {@code ta.bb}), plus
 * <ul>
 *   <li>{@code zScore = (x − middle) / σ} (0 when σ = 0), the mean-reversion signal;</li>
 *   <li>{@code percentB = (x − lower) / (upper − lower)} (0.5 when the bands touch; ta4j {@code PercentBIndicator});</li>
 *   <li>{@code bandwidth = 100 · (upper − lower) / middle} (ta4j {@code BollingerBandWidthIndicator}).</li>
 * </ul>
 * Unstable bars: {@code period − 1}.
 */
public final class BollingerBands extends AbstractSeriesIndicator {
    private final int period;
    private final double k;
    private final RollingMoments moments;
    private double mean = Double.NaN;
    private double sd = Double.NaN;
    private double dev = Double.NaN;

    public BollingerBands() {
        this(20, 2.0);
    }

    public BollingerBands(int period, double k) {
        this(period, k, Price.CLOSE);
    }

    public BollingerBands(int period, double k, Price price) {
        super(price);
        this.period = Outputs.requirePeriod("Bollinger period", period, 1);
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("Bollinger width k must be positive and finite, got " + k);
        }
        this.k = k;
        this.moments = new RollingMoments(period);
    }

    @Override
    protected void commit() {
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        if (newBar) {
            moments.add(x);
        } else {
            moments.replaceNewest(x);
        }
        // computed once per bar: the outputs below only combine these
        mean = moments.mean();
        sd = moments.stdDev();
        dev = moments.newestDeviation();
    }

    @Override
    protected void clear() {
        moments.clear();
        mean = Double.NaN;
        sd = Double.NaN;
        dev = Double.NaN;
    }

    private boolean ready() {
        return count() >= period;
    }

    /** The middle band. */
    @Override
    public double value() {
        return middle();
    }

    public double middle() {
        return ready() ? mean : Double.NaN;
    }

    public double upper() {
        return ready() ? mean + k * sd : Double.NaN;
    }

    public double lower() {
        return ready() ? mean - k * sd : Double.NaN;
    }

    public double stdDev() {
        return ready() ? sd : Double.NaN;
    }

    public double zScore() {
        if (!ready()) {
            return Double.NaN;
        }
        return sd == 0 ? 0 : dev / sd;
    }

    public double percentB() {
        if (!ready()) {
            return Double.NaN;
        }
        // (x − lower) / (upper − lower) = (x − mean + k·σ) / (2k·σ), from the deviation to keep precision
        return sd == 0 ? 0.5 : (dev + k * sd) / (2 * k * sd);
    }

    public double bandwidth() {
        if (!ready()) {
            return Double.NaN;
        }
        return 100 * ((mean + k * sd) - (mean - k * sd)) / mean;
    }

    @Override
    public int unstableBars() {
        return period - 1;
    }

    @Override
    public int outputCount() {
        return 7;
    }

    private static final String[] NAMES = {"middle", "upper", "lower", "stdDev", "zScore", "percentB", "bandwidth"};

    @Override
    public String outputName(int i) {
        Outputs.check(this, i);
        return NAMES[i];
    }

    @Override
    public double output(int i) {
        switch (i) {
            case 0: return middle();
            case 1: return upper();
            case 2: return lower();
            case 3: return stdDev();
            case 4: return zScore();
            case 5: return percentB();
            case 6: return bandwidth();
            default: Outputs.check(this, i); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "Bollinger(" + period + "," + k + "," + price() + ")";
    }
}
