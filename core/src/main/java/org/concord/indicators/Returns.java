package org.concord.indicators;

/**
 * One-step returns of a series: {@code x/x' − 1} ({@link Kind#SIMPLE}) or {@code ln(x/x')} ({@link Kind#LOG}),
 * e.g. to feed {@link Correlation} or a realized-volatility {@link StdDev}. Unstable bars: 1. Inputs must be
 * positive (prices).
 */
public final class Returns extends AbstractSeriesIndicator {
    public enum Kind { SIMPLE, LOG }

    private final Kind kind;
    private double prevX;
    private double lastX;
    private double ret = Double.NaN;

    public Returns(Kind kind) {
        this(kind, Price.CLOSE);
    }

    public Returns(Kind kind, Price price) {
        super(price);
        if (kind == null) {
            throw new IllegalArgumentException("return kind is null");
        }
        this.kind = kind;
    }

    @Override
    protected void commit() {
        prevX = lastX;
    }

    @Override
    protected void checkInput(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("returns need positive prices, got " + x + " in " + this);
        }
    }

    @Override
    protected void compute(int index, double x, boolean newBar) {
        lastX = x;
        if (index > 0) {
            ret = kind == Kind.LOG ? Math.log(x / prevX) : x / prevX - 1;
        }
    }

    @Override
    protected void clear() {
        ret = Double.NaN;
        prevX = 0;
        lastX = 0;
    }

    @Override
    public double value() {
        return count() > 1 ? ret : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return 1;
    }

    @Override
    public String toString() {
        return "Returns(" + kind + "," + price() + ")";
    }
}
