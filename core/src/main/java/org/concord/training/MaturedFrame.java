package org.concord.training;

import org.concord.model.InferenceFrameReference;
import org.concord.training.frames.Frame;

/**
 * An inference frame that has just matured, as handed to {@link TrainingSubscriber#onCandleCompletion}: the stored
 * reference with its triple-barrier outcome, and the frame rebuilt from the referenced data (re-read from the
 * DataProvider and its SQLite store, hash re-verified).
 *
 * @param reference the stored reference, {@code outcome()} set
 * @param frame     the rebuilt frame (its {@code input()} is exactly what the model saw), or null when the data
 *                  could not be read back
 * @param mismatch  null when the rebuilt frame hashes as stored; otherwise why not — such a frame is never trained on
 */
public record MaturedFrame(InferenceFrameReference reference, Frame frame, String mismatch) {
    public MaturedFrame {
        if (reference == null || reference.outcome() == null) {
            throw new IllegalArgumentException("a matured frame needs its reference with an outcome");
        }
    }

    /** True when the data re-read from the store reproduced the frame the model saw (same content hash). */
    public boolean verified() {
        return mismatch == null;
    }
}
