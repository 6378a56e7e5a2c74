package org.concord.modules.strategy;

import org.concord.model.Action;

import java.util.Arrays;

/**
 * One symbol's state in a strategy: its indicators and the view they give after the last closed bar. Updated on
 * every bar close of the strategy's timeframe ({@link #update}: numbers only, no allocation); the rationale text is
 * only built when a prediction is asked for.
 */
public abstract class StrategyState {
    protected Action action = Action.HOLD;
    protected double confidence;
    protected int bars;
    private final double[] out;

    protected StrategyState(int features) {
        this.out = new double[features];
    }

    final void bar(double open, double high, double low, double close, double volume) {
        bars++;
        update(open, high, low, close, volume);
    }

    /** Feeds a closed bar to the indicators and sets {@link #action} and {@link #confidence}. */
    protected abstract void update(double open, double high, double low, double close, double volume);

    /** True once every indicator the signal needs is past its warm-up. */
    public abstract boolean ready();

    /** Writes the features (all finite) into {@code out}, which is zeroed before; called only when {@link #ready()}. */
    protected abstract void fill(double[] out);

    /** A short, specific reason for the current view. */
    public abstract String rationale();

    public Action action() {
        return action;
    }

    public double confidence() {
        return confidence;
    }

    /** Closed bars seen. */
    public int bars() {
        return bars;
    }

    final double[] features() {
        Arrays.fill(out, 0.0);
        if (ready()) {
            fill(out);
        }
        return out;
    }

    /** No view: HOLD with confidence 0. */
    protected final void hold() {
        action = Action.HOLD;
        confidence = 0;
    }

    protected final void view(Action a, double c) {
        action = a;
        confidence = Math.max(0, Math.min(1, c));
    }

    /** "warming up: 12 of 27 bars" (the number of bars the slowest indicator needs). */
    protected final String warmingUp(int needed) {
        return "warming up: " + bars + " of " + needed + " bars";
    }

    /**
     * Confidence of a signal {@code age} bars old: 1 on the bar it fired, decaying exponentially with time constant
     * {@code decay} towards {@code floor} (the strategy still holds the view, with less conviction).
     */
    public static double fresh(int age, double decay, double floor) {
        return floor + (1 - floor) * Math.exp(-age / decay);
    }
}
