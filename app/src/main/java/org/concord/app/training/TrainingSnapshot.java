package org.concord.app.training;

import java.util.List;

/**
 * The training panel's state (immutable).
 *
 * @param job     the job in progress, or null
 * @param loss    the running (or last) job's loss per step, oldest first
 * @param history finished jobs, newest first
 * @param swaps   hot swaps and rejections, newest first
 */
public record TrainingSnapshot(List<ModelRow> models, Job job, double[] loss, List<String> history, List<String> swaps) {
    /** One saved model version. */
    public record ModelRow(String modelId, String version, String state, String metrics, String dataRange, long createdAt) {
    }

    /** Progress of the running job. */
    public record Job(String jobId, String modelId, int step, int steps, int fold, int folds, double lastLoss, String phase) {
        public double progress() {
            return steps <= 0 ? -1 : (double) step / steps;
        }
    }
}
