package org.concord.annotation;

import org.concord.model.InferenceFrameReference;

/**
 * Builds the training frame an annotation owns (its window up to the entry, its outcome from the exit). The training
 * side implements it; the annotation package only asks for a frame, so it does not depend on how frames are built.
 */
@FunctionalInterface
public interface AnnotationFramer {
    /** The frame reference, with its outcome, for {@code a}; its id is {@link Annotation#frameId(String)} of {@code a}. */
    InferenceFrameReference frameFor(Annotation a);
}
