package org.concord.indicators;

/**
 * The commit/compute template behind every {@link BarIndicator}. The state is split in two: the committed
 * state (everything up to the bar before the last, final) and the last bar's state, which {@link #compute} derives
 * from the committed state and the last bar alone. {@link #onBar} first {@link #commit commits} the previous last
 * bar, then computes; {@link #replaceLast} only computes. So a forming bar may be revised any number of times
 * and the result is exactly what the final bar alone would give.
 */
public abstract class AbstractBarIndicator implements BarIndicator {
    private int count;

    @Override
    public final void onBar(double open, double high, double low, double close, double volume) {
        checkBar(open, high, low, close, volume);
        if (count > 0) {
            commit();
        }
        count++;
        compute(count - 1, open, high, low, close, volume, true);
    }

    @Override
    public final void replaceLast(double open, double high, double low, double close, double volume) {
        checkBar(open, high, low, close, volume);
        if (count == 0) {
            throw new IllegalStateException("replaceLast before any bar on " + this);
        }
        compute(count - 1, open, high, low, close, volume, false);
    }

    @Override
    public final int count() {
        return count;
    }

    @Override
    public final void reset() {
        count = 0;
        clear();
    }

    /** The last bar is final: fold its state into the committed state. */
    protected abstract void commit();

    /**
     * Computes the last bar's state from the committed state and this bar.
     *
     * @param index  the bar's index ({@code count() - 1})
     * @param newBar true on {@link #onBar}, false on {@link #replaceLast} (composites pass it on to their parts)
     */
    protected abstract void compute(int index, double open, double high, double low, double close, double volume, boolean newBar);

    /** Drops all state (called by {@link #reset}). */
    protected abstract void clear();

    private void checkBar(double open, double high, double low, double close, double volume) {
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)
                || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("non-finite bar o=" + open + " h=" + high + " l=" + low + " c=" + close
                    + " v=" + volume + " given to " + this);
        }
    }

    /**
     * {@link #onBar} when {@code newBar}, else {@link #replaceLast}: how a composite passes its own bar on to a part.
     * A final method on the part's own type, so the call is direct (inlined), not a dispatch.
     */
    public final void feed(double open, double high, double low, double close, double volume, boolean newBar) {
        if (newBar) {
            onBar(open, high, low, close, volume);
        } else {
            replaceLast(open, high, low, close, volume);
        }
    }
}
