package org.concord.app.training;

import org.concord.training.eval.Calibration;

import java.util.List;

/**
 * The training panel's state (immutable).
 *
 * @param job     the job in progress, or null
 * @param loss    the running (or last) job's loss per step, oldest first
 * @param history finished jobs, newest first
 * @param swaps   hot swaps and rejections, newest first
 * @param dataNote why the chosen model cannot train on the history stored now, "" when it can or when not known
 */
public record TrainingSnapshot(List<ModelRow> models, Job job, double[] loss, List<String> history, List<String> swaps, String dataNote) {
    /**
     * One saved model version.
     *
     * @param baselines   its out-of-sample calls next to majority, always-long, always-flat and buy-and-hold (core's
     *                    {@code Scorecard.describe()}), "" when unknown
     * @param gate        the promotion gate's verdict in words ("passes: …" / "below: …"), "" when unknown
     * @param calibration Brier scores and reliability curves from the manifest (core), null when unknown
     */
    public record ModelRow(String modelId, String version, String state, String metrics, String dataRange, long createdAt,
                           String baselines, String gate, Calibration calibration) {
    }

    /** Progress of the running job. */
    public record Job(String jobId, String modelId, int step, int steps, int fold, int folds, double lastLoss, String phase) {
        public double progress() {
            return steps <= 0 ? -1 : (double) step / steps;
        }
    }
}
