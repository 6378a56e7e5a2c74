package org.concord.indicators;

/**
 * The commit/compute template (see {@link AbstractBarIndicator}) for single-input indicators: bars are reduced to
 * one number by the indicator's {@link Price}.
 */
public abstract class AbstractSeriesIndicator implements SeriesIndicator {
    private final Price price;
    private int count;

    protected AbstractSeriesIndicator(Price price) {
        if (price == null) {
            throw new IllegalArgumentException("price is null");
        }
        this.price = price;
    }

    @Override
    public final Price price() {
        return price;
    }

    @Override
    public final void update(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("non-finite input " + x + " given to " + this);
        }
        checkInput(x);
        if (count > 0) {
            commit();
        }
        count++;
        compute(count - 1, x, true);
    }

    @Override
    public final void replaceLast(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("non-finite input " + x + " given to " + this);
        }
        checkInput(x);
        if (count == 0) {
            throw new IllegalStateException("replaceLast before any value on " + this);
        }
        compute(count - 1, x, false);
    }

    @Override
    public final void onBar(double open, double high, double low, double close, double volume) {
        update(price.of(open, high, low, close, volume));
    }

    @Override
    public final void replaceLast(double open, double high, double low, double close, double volume) {
        replaceLast(price.of(open, high, low, close, volume));
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

    /** Further input checks (before any state changes); throws IllegalArgumentException. */
    protected void checkInput(double x) {
    }

    /** The last value is final: fold it into the committed state. */
    protected abstract void commit();

    /**
     * Computes the last value's state from the committed state and {@code x}.
     *
     * @param index  the value's index ({@code count() - 1})
     * @param newBar true on {@link #update}, false on {@link #replaceLast(double)}
     */
    protected abstract void compute(int index, double x, boolean newBar);

    /** Drops all state (called by {@link #reset}). */
    protected abstract void clear();

    /**
     * {@link #update} when {@code newBar}, else {@link #replaceLast(double)}: how a composite passes its own bar on
     * to a part. A final method on the part's own type, so the call is direct (inlined), not a dispatch.
     */
    public final void feed(double x, boolean newBar) {
        if (newBar) {
            update(x);
        } else {
            replaceLast(x);
        }
    }
}
