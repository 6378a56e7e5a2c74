package org.concord.training;

import org.concord.training.frames.Frame;
import org.concord.training.models.ModelVote;

/**
 * Asks a coordinator's active model about one instant from the DataProvider's bars, as a check of what a decision
 * saw: the decision path infers through the orchestrator's source, from the decision thread's own history, so asking
 * again afterwards must give the same answer (no lookahead). Tests only: the node never asks this way.
 */
public final class AskModel {
    private AskModel() {
    }

    /** What one inference produced: the frame, the model's signal and, when {@code store}, the stored reference. */
    public static TrainingCoordinator.Inference at(TrainingCoordinator c, long at, boolean store) {
        // serialized per coordinator: a model's inference buffers are not shared between threads
        synchronized (c) {
            Frame f = c.builder().build(c.config().symbol(), at);
            ModelVote s;
            try (ModelSlot.Lease lease = c.slot().acquire()) {
                s = lease.model().predict(f.input(), at);
            }
            return new TrainingCoordinator.Inference(f, s, store ? c.storeInferenceFrame(f, s) : null);
        }
    }
}
