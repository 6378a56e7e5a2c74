package org.concord.training.loop;

import org.concord.training.eval.Scorecard;

/** Receives the training loop's progress (the coordinator turns it into events for the UI's progress bar and loss curve). */
public interface TrainingProgress {
    /**
     * One epoch of one fold's CNN finished. {@code step}/{@code steps} count epochs over all folds and the final refit
     * on every row (reported as pass {@code folds} of {@code folds}, one more than the walk-forward folds).
     */
    void onEpoch(int fold, int folds, int epoch, int epochs, int step, int steps, double loss);

    /** A fold finished with its out-of-sample metrics. */
    default void onFold(int fold, int folds, Metrics metrics) {
    }

    /** A fold finished: its metrics and its calls against the baselines (by default passed on to {@link #onFold}). */
    default void onFold(int fold, int folds, Metrics metrics, Scorecard baselines) {
        onFold(fold, folds, metrics);
    }

    TrainingProgress NONE = (f, fs, e, es, s, ss, l) -> { };
}
