package org.concord.training.loop;

/** Receives the training loop's progress (the coordinator turns it into events for the UI's progress bar and loss curve). */
public interface TrainingProgress {
    /** One epoch of one fold's CNN finished. {@code step}/{@code steps} count epochs over all folds. */
    void onEpoch(int fold, int folds, int epoch, int epochs, int step, int steps, double loss);

    /** A fold finished with its out-of-sample metrics. */
    default void onFold(int fold, int folds, Metrics metrics) {
    }

    TrainingProgress NONE = (f, fs, e, es, s, ss, l) -> { };
}
