package org.concord.training;

import org.concord.annotation.Annotation;
import org.concord.training.samples.ExpansionRule;

import java.util.Collection;
import java.util.List;
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
 * @param annotations         null: annotations train through their stored frames (one sample each); otherwise these
 *                            annotations are expanded by {@code expansion} into weighted samples (one per bar) and
 *                            no stored annotation frame is used ({@link #expanded})
 * @param expansion           the expansion rule (required with {@code annotations}, else null)
 */
public record TrainingRequest(String reason, Set<String> annotationFrameIds, boolean activate, List<Annotation> annotations,
                              ExpansionRule expansion) {
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
        if ((annotations == null) != (expansion == null)) {
            throw new IllegalArgumentException("annotations and their expansion rule go together (both or neither)");
        }
        if (annotations != null) {
            if (annotations.isEmpty()) {
                throw new IllegalArgumentException("select at least one annotation to expand");
            }
            if (annotationFrameIds != null) {
                throw new IllegalArgumentException("expanded annotations replace the annotation frames: pass no frame ids with them");
            }
            annotations = List.copyOf(annotations); // null elements fail here
        }
    }

    /** Frames only (no expansion). */
    public TrainingRequest(String reason, Set<String> annotationFrameIds, boolean activate) {
        this(reason, annotationFrameIds, activate, null, null);
    }

    /** Every frame, swap in when validated (what {@link TrainingCommand#train(String, String)} asks). */
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

    /**
     * The given annotations expanded by {@code rule} into weighted samples (entry, hold, exit, no-trade bars; see
     * {@link org.concord.training.samples.SampleExpansion}) instead of one frame each, plus inference frames and
     * history as configured. What the annotation workspace's "Train on annotations" sends.
     */
    public static TrainingRequest expanded(String reason, Collection<Annotation> annotations, ExpansionRule rule, boolean activate) {
        if (annotations == null || rule == null) {
            throw new IllegalArgumentException("annotations and an expansion rule are required");
        }
        return new TrainingRequest(reason, null, activate, List.copyOf(annotations), rule);
    }

    /** True when the annotations are expanded into weighted samples rather than used as stored frames. */
    public boolean expands() {
        return annotations != null;
    }

    /** True when {@code frameId} of a stored annotation frame belongs in the samples (never when annotations are expanded). */
    public boolean includesAnnotationFrame(String frameId) {
        return annotations == null && (annotationFrameIds == null || annotationFrameIds.contains(frameId));
    }
}
