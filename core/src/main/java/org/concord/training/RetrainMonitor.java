package org.concord.training;

/**
 * Rolling accuracy over the last {@code window} matured predictions of the active model. When it falls
 * {@code dropPoints} or more below the baseline (the model's holdout accuracy, or for a model without one the
 * first full window), it fires the trigger once; {@link #reset} (after a swap) re-arms it. Thread-safe.
 */
public final class RetrainMonitor {
    private final int window;
    private final double dropPoints;
    private final Runnable trigger;
    private final boolean[] ring;
    private int next;
    private int count;
    private int correct;
    private double baseline;
    private boolean armed = true;
    private long fired;

    public RetrainMonitor(int window, double dropPoints, double baseline, Runnable trigger) {
        if (window < 1 || !(dropPoints > 0) || trigger == null) {
            throw new IllegalArgumentException("window >= 1, dropPoints > 0 and a trigger are required");
        }
        this.window = window;
        this.dropPoints = dropPoints;
        this.trigger = trigger;
        this.ring = new boolean[window];
        this.baseline = baseline;
    }

    /** Records one matured prediction; returns true when this record fired the trigger. */
    public boolean record(boolean wasCorrect) {
        boolean fire;
        synchronized (this) {
            if (count == window) {
                if (ring[next]) {
                    correct--;
                }
            } else {
                count++;
            }
            ring[next] = wasCorrect;
            if (wasCorrect) {
                correct++;
            }
            next = (next + 1) % window;
            if (count < window) {
                return false;
            }
            double acc = correct / (double) window;
            if (Double.isNaN(baseline)) {
                baseline = acc;
                return false;
            }
            fire = armed && 100.0 * (baseline - acc) >= dropPoints - 1e-9; // tolerance: 0.6 - 0.5 is 0.0999..
            if (fire) {
                armed = false;
                fired++;
            }
        }
        if (fire) {
            trigger.run();
        }
        return fire;
    }

    /** New baseline (NaN: take the next full window) and a cleared window, after a swap. */
    public synchronized void reset(double newBaseline) {
        baseline = newBaseline;
        count = 0;
        next = 0;
        correct = 0;
        armed = true;
    }

    public synchronized double rollingAccuracy() {
        return count == 0 ? Double.NaN : correct / (double) count;
    }

    public synchronized double baseline() {
        return baseline;
    }

    public synchronized long fired() {
        return fired;
    }

    public synchronized int count() {
        return count;
    }
}
