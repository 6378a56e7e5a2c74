package org.concord.training;

/** Kinds of {@link TrainingEvent}. */
public enum TrainingEventType {
    JOB_STARTED, EPOCH, FOLD, JOB_FINISHED, JOB_FAILED, JOB_CANCELLED,
    FRAME_STORED, FRAME_MATURED, FRAME_REJECTED,
    MODEL_SWAPPED, MODEL_REJECTED, RETRAIN_TRIGGERED
}
