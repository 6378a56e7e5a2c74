package org.concord.training;

import java.util.Collection;
import java.util.Set;

/**
 * What a training job is asked to do.
 *
 * @param reason              shown in events and logs
 * @param annotationFrameIds  null: every matured annotation frame joins the samples (the default); otherwise only
 *                            the annotation frames with these ids do (inference frames and history are used as
 *                            configured either way). Used by "train on the selected annotations".
 * @param activate            true: a model that passes validation is swapped in at once (automatic retraining);
 *                            false: it is saved and recorded as TRAINED, and {@link TrainingCoordinator#activate}
 *                            swaps it in when a person chooses to
 */
public record TrainingRequest(String reason, Set<String> annotationFrameIds, boolean activate) {
    public TrainingRequest {
        reason = reason == null || reason.isBlank() ? "request" : reason;
        if (annotationFrameIds != null) {
            if (annotationFrameIds.isEmpty()) {
                throw new IllegalArgumentException("select at least one annotation frame (or pass null for all of them)");
            }
            for (String id : annotationFrameIds) {
                if (id == null || id.isBlank()) {
                    throw new IllegalArgumentException("blank annotation frame id in " + annotationFrameIds);
                }
            }
            annotationFrameIds = Set.copyOf(annotationFrameIds);
        }
    }

    /** Every frame, swap in when validated (what {@link TrainingCoordinator#requestTraining(String)} does). */
    public static TrainingRequest of(String reason) {
        return new TrainingRequest(reason, null, true);
    }

    /** Only the given annotation frames (plus inference frames and history as configured). */
    public static TrainingRequest annotations(String reason, Collection<String> annotationFrameIds, boolean activate) {
        if (annotationFrameIds == null) {
            throw new IllegalArgumentException("annotation frame ids are required");
        }
        return new TrainingRequest(reason, Set.copyOf(annotationFrameIds), activate);
    }

    /** True when {@code frameId} of an annotation frame belongs in the samples. */
    public boolean includesAnnotationFrame(String frameId) {
        return annotationFrameIds == null || annotationFrameIds.contains(frameId);
    }
}
