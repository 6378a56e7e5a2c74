package org.concord.indicators;

/**
 * What every indicator answers about the latest bar (or value) it has seen. An indicator is a small stateful
 * object owned by one thread (the orchestrator's decision thread): feeding it never allocates and never locks.
 *
 * <p>Warm-up: {@link #value()} (and every {@link #output(int)}) is {@code NaN} while {@link #count()} {@code <=}
 * {@link #unstableBars()}, i.e. for the first {@code unstableBars()} bars; from bar index {@code unstableBars()}
 * on, every output is a finite number. Whether a bar is in the warm-up depends only on its index, never on the
 * values, so a composite can rely on it.
 */
public interface Indicator {

    /** Bars (or values) seen so far, the still-forming last one included. */
    int count();

    /** Number of leading bars whose outputs are {@code NaN}; the first defined output is at index {@code unstableBars()}. */
    int unstableBars();

    /** True once every output is defined for the last bar. */
    default boolean isStable() {
        return count() > unstableBars();
    }

    /** The primary output for the last bar ({@code NaN} during warm-up). */
    double value();

    /** Number of outputs (1 for single-output indicators); output 0 is {@link #value()}. */
    default int outputCount() {
        return 1;
    }

    /** Short name of output {@code k} ("value", "upper", "signal", ...), for batch results and logs. */
    default String outputName(int k) {
        Outputs.check(this, k);
        return "value";
    }

    /** Output {@code k} for the last bar ({@code NaN} during warm-up). */
    default double output(int k) {
        Outputs.check(this, k);
        return value();
    }

    /** Forgets every bar seen: the indicator is as new (its parameters stay). */
    void reset();
}
