package org.concord.indicators;

/**
 * Rolling Pearson correlation of two series over the last {@code period} pairs (e.g. the returns of two symbols,
 * paired by bar time by the caller): {@code cov(x,y) / (σx·σy)}, clamped to [−1, 1]; 0 when either series is
 * constant over the window (ta4j {@code PearsonCorrelationIndicator} gives NaN there). Sums of deviations from
 * shifts inside the data keep full precision (see {@link RollingMoments}); recomputed exactly every {@code period}
 * pairs and on cancellation. Fed two values per bar: {@link #update(double, double)}, {@link #replaceLast(double, double)}.
 * Unstable bars: {@code period − 1}.
 */
public final class Correlation implements Indicator {
    private final int n;
    private final double[] xs;
    private final double[] ys;
    private int head = -1;
    private int size;
    private int count;
    private boolean shifted;
    private double kx;
    private double ky;
    private double cx;
    private double cy;
    private double cxx;
    private double cyy;
    private double cxy;
    private double scaleX;
    private double scaleY;
    private int sinceExact;

    public Correlation(int period) {
        this.n = Outputs.requirePeriod("correlation period", period, 2);
        this.xs = new double[period];
        this.ys = new double[period];
    }

    /** Appends a pair (the previous pair becomes final). */
    public void update(double x, double y) {
        check(x, y);
        if (size > 0) {
            double px = xs[head];
            double py = ys[head];
            if (!shifted) {
                shifted = true;
                kx = px;
                ky = py;
            }
            accumulate(px - kx, py - ky, 1);
        }
        int next = head + 1 == n ? 0 : head + 1;
        if (size == n) {
            accumulate(xs[next] - kx, ys[next] - ky, -1);
        } else {
            size++;
        }
        head = next;
        xs[head] = x;
        ys[head] = y;
        count++;
        if (++sinceExact >= n || cxx * RollingSum.CANCELLATION < scaleX || cyy * RollingSum.CANCELLATION < scaleY
                || RollingMoments.cancels(cx, cxx, size - 1) || RollingMoments.cancels(cy, cyy, size - 1)) {
            recompute();
        }
    }

    /** Replaces the last pair. */
    public void replaceLast(double x, double y) {
        check(x, y);
        if (count == 0) {
            throw new IllegalStateException("replaceLast before any pair on " + this);
        }
        xs[head] = x;
        ys[head] = y;
    }

    private void check(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("non-finite pair (" + x + ", " + y + ") given to " + this);
        }
    }

    private void accumulate(double dx, double dy, int sign) {
        scaleX = Math.max(scaleX, dx * dx);
        scaleY = Math.max(scaleY, dy * dy);
        if (sign > 0) {
            cx += dx;
            cy += dy;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        } else {
            cx -= dx;
            cy -= dy;
            cxx -= dx * dx;
            cyy -= dy * dy;
            cxy -= dx * dy;
        }
    }

    @Override
    public double value() {
        if (count < n) {
            return Double.NaN;
        }
        double dx = xs[head] - kx;
        double dy = ys[head] - ky;
        double sx = cx + dx;
        double sy = cy + dy;
        double vx = cxx + dx * dx - sx * sx / n;
        double vy = cyy + dy * dy - sy * sy / n;
        if (!(vx > 0) || !(vy > 0)) {
            return 0;
        }
        double r = (cxy + dx * dy - sx * sy / n) / (Math.sqrt(vx) * Math.sqrt(vy));
        return r > 1 ? 1 : (r < -1 ? -1 : r);
    }

    /** Population covariance of the window. */
    public double covariance() {
        if (count < n) {
            return Double.NaN;
        }
        double dx = xs[head] - kx;
        double dy = ys[head] - ky;
        double sx = cx + dx;
        double sy = cy + dy;
        return (cxy + dx * dy - sx * sy / n) / n;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public int unstableBars() {
        return n - 1;
    }

    @Override
    public void reset() {
        head = -1;
        size = 0;
        count = 0;
        shifted = false;
        kx = 0;
        ky = 0;
        cx = 0;
        cy = 0;
        cxx = 0;
        cyy = 0;
        cxy = 0;
        scaleX = 0;
        scaleY = 0;
        sinceExact = 0;
    }

    private void recompute() {
        sinceExact = 0;
        int m = size - 1;
        if (m <= 0) {
            return;
        }
        int start = size < n ? 0 : (head + 1 == n ? 0 : head + 1);
        int newestFinal = head == 0 ? n - 1 : head - 1;
        kx = xs[newestFinal];
        ky = ys[newestFinal];
        shifted = true;
        cx = 0;
        cy = 0;
        cxx = 0;
        cyy = 0;
        cxy = 0;
        int i = start;
        for (int k = 0; k < m; k++) {
            accumulate(xs[i] - kx, ys[i] - ky, 1);
            i = i + 1 == n ? 0 : i + 1;
        }
        scaleX = 0;
        scaleY = 0;
    }

    public int period() {
        return n;
    }

    @Override
    public String toString() {
        return "Correlation(" + n + ")";
    }
}
