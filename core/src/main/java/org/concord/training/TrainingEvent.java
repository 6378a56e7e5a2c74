package org.concord.training;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One training event, a Jackson-serializable value for the EventBus ({@link TrainingTopics}), the UI (progress
 * bar and loss curve from EPOCH events) and a Redis bus. Fields that do not apply to a type are null.
 *
 * @param time    wall-clock epoch ms when the event was made
 * @param step    EPOCH: epochs done over all folds; {@code steps} the total (progress = step / steps)
 * @param metrics FOLD/JOB_FINISHED/MODEL_*: accuracy, auc, baseline, liftPoints; FRAME_MATURED: returnPct
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingEvent(TrainingEventType type, long time, String modelId, String jobId, String version, Integer fold,
                            Integer folds, Integer epoch, Integer epochs, Integer step, Integer steps, Double loss,
                            Map<String, Double> metrics, String frameId, String label, String message) {
    public TrainingEvent {
        if (type == null) {
            throw new IllegalArgumentException("event type is required");
        }
    }

    static TrainingEvent job(TrainingEventType type, String modelId, String jobId, String version, Map<String, Double> metrics, String message) {
        return new TrainingEvent(type, System.currentTimeMillis(), modelId, jobId, version, null, null, null, null, null, null, null,
                metrics, null, null, message);
    }

    static TrainingEvent epoch(String modelId, String jobId, int fold, int folds, int epoch, int epochs, int step, int steps, double loss) {
        return new TrainingEvent(TrainingEventType.EPOCH, System.currentTimeMillis(), modelId, jobId, null, fold, folds, epoch, epochs,
                step, steps, loss, null, null, null, null);
    }

    static TrainingEvent fold(String modelId, String jobId, int fold, int folds, Map<String, Double> metrics) {
        return new TrainingEvent(TrainingEventType.FOLD, System.currentTimeMillis(), modelId, jobId, null, fold, folds, null, null, null,
                null, null, metrics, null, null, null);
    }

    static TrainingEvent frame(TrainingEventType type, String modelId, String frameId, String label, Map<String, Double> metrics, String message) {
        return new TrainingEvent(type, System.currentTimeMillis(), modelId, null, null, null, null, null, null, null, null, null,
                metrics, frameId, label, message);
    }
}
