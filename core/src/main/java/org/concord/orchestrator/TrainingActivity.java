package org.concord.orchestrator;

/**
 * What the training coordinator is doing, as a value the "training" module and the UI show.
 *
 * @param state      IDLE, QUEUED, TRAINING, VALIDATING or FAILED (free text allowed for new states)
 * @param detail     a short human-readable line
 * @param queued     training jobs waiting
 * @param completed  training runs finished since start
 * @param lastModel  id/version of the last model swapped in, or "" when none
 */
public record TrainingActivity(String state, String detail, int queued, long completed, String lastModel) {
    public static final TrainingActivity IDLE = new TrainingActivity("IDLE", "no training coordinator attached", 0, 0, "");

    public TrainingActivity {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("state is required");
        }
        detail = detail == null ? "" : detail;
        lastModel = lastModel == null ? "" : lastModel;
    }
}
