package org.concord.risk;

/**
 * Tracks the equity peak and answers how much new exposure the current drawdown allows: all of it up to
 * {@code drawdownScaleStart}, then linearly less down to {@code drawdownMinScale} at {@code drawdownThreshold},
 * none past it. Crossing the threshold asks once for deleveraging; it re-arms when the drawdown is back under the
 * scale start.
 */
public final class DrawdownDefender {
    private volatile RiskLimits limits;
    private double peak = Double.NaN;
    private double equity = Double.NaN;
    private boolean deleverageArmed = true;

    public DrawdownDefender(RiskLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits are null");
        }
        this.limits = limits;
    }

    /** New limits from now on (the peak is kept). */
    void setLimits(RiskLimits next) {
        if (next == null) {
            throw new IllegalArgumentException("limits are null");
        }
        this.limits = next;
    }

    /** Records an equity observation (non-finite values are ignored: they cannot move the peak). */
    public void observe(double e) {
        if (Double.isNaN(e) || Double.isInfinite(e)) {
            return;
        }
        equity = e;
        if (Double.isNaN(peak) || e > peak) {
            peak = e;
        }
        if (drawdown() < limits.drawdownScaleStart()) {
            deleverageArmed = true;
        }
    }

    /** Forgets the peak (a paper account started again): the next observation is the new peak. */
    public void restart() {
        peak = Double.NaN;
        equity = Double.NaN;
        deleverageArmed = true;
    }

    public double peak() {
        return peak;
    }

    /** 1 - equity / peak, in [0, 1] (1 when equity is at or below 0). */
    public double drawdown() {
        if (!(peak > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - equity / peak));
    }

    /** Multiplier for new exposure. */
    public double scale() {
        double dd = drawdown();
        if (dd <= limits.drawdownScaleStart()) {
            return 1;
        }
        if (dd >= limits.drawdownThreshold()) {
            return 0;
        }
        double span = limits.drawdownThreshold() - limits.drawdownScaleStart();
        return 1 - (1 - limits.drawdownMinScale()) * (dd - limits.drawdownScaleStart()) / span;
    }

    public boolean halted() {
        return drawdown() >= limits.drawdownThreshold();
    }

    /** True once per crossing of the threshold. */
    public boolean takeDeleverageSignal() {
        if (halted() && deleverageArmed) {
            deleverageArmed = false;
            return true;
        }
        return false;
    }
}
