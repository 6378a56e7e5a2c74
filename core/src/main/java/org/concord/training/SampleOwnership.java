package org.concord.training;

import org.concord.training.frames.AnnotationFrames;
import org.concord.model.InferenceFrameReference;

/**
 * Which stored frames may train which model: a model trains on its own inference frames labelled by its own rule
 * (the triple barrier with its horizon), on a person's annotations of its symbol (they are labels for every model of
 * the symbol), and on the pivot samples a live session made for it — never on another model's frames, and never on
 * frames labelled with another horizon.
 */
public final class SampleOwnership {
    private static final String PIVOTS = "pivots-";

    private SampleOwnership() {
    }

    /** The {@code modelId} under which live pivot training stores its samples for {@code modelId}. */
    public static String pivotSamplesOf(String modelId) {
        return PIVOTS + modelId;
    }

    /**
     * @param horizonMs the model's label horizon (its triple-barrier time limit)
     */
    public static boolean belongsTo(InferenceFrameReference ref, String modelId, long horizonMs) {
        if (ref.source() == InferenceFrameReference.Source.ANNOTATION) {
            return AnnotationFrames.MODEL_ID.equals(ref.modelId()) || pivotSamplesOf(modelId).equals(ref.modelId());
        }
        return modelId.equals(ref.modelId()) && ref.horizonMs() == horizonMs;
    }
}
