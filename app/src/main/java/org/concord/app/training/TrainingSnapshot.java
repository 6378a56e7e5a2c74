package org.concord.app.training;

import org.concord.training.eval.Calibration;

import java.util.List;

/**
 * The training panel's state (immutable).
 *
 * @param job     the job in progress, or null
 * @param loss    the running (or last) job's training loss per epoch, its passes one after another (each fold's, then the
 *                refit's), oldest first
 * @param lastJob  the last job that ended (finished, failed or cancelled) with its figures, "" before the first
 * @param history finished jobs, their folds and retrain triggers, newest first
 * @param swaps   hot swaps and rejections, newest first
 * @param dataNote why the chosen model cannot train on the history stored now, "" when it can or when not known
 */
public record TrainingSnapshot(List<ModelRow> models, Job job, double[] loss, String lastJob, List<String> history, List<String> swaps,
                               String dataNote) {
    /**
     * One saved model version. Each figure says what it was measured on and stands next to its baseline
     * ({@link TrainingFigures}).
     *
     * @param holdout     the newest fold's (holdout) AUC and accuracy, "holdout AUC … vs 0.500 chance, accuracy … vs majority …"
     * @param outOfSample every fold's out-of-sample AUC and accuracy (the AUC stored with the version), "out-of-sample AUC …"
     * @param dataRange   the first and last bar trained on and the number of samples
     * @param baselines   its out-of-sample calls next to majority, always-long, always-flat and buy-and-hold (core's
     *                    {@code Scorecard.describe()}), "" when unknown
     * @param gate        the promotion gate's verdict in words ("passes: …" / "below: …"), "" when unknown
     * @param calibration Brier scores and reliability curves from the manifest (core), null when unknown
     */
    public record ModelRow(String modelId, String version, String state, String holdout, String outOfSample, String dataRange, long createdAt,
                           String baselines, String gate, Calibration calibration) {
        /** Both evaluations in one line, each named. */
        public String metrics() {
            return holdout + (holdout.isEmpty() || outOfSample.isEmpty() ? "" : "; ") + outOfSample;
        }
    }

    /** Progress of the running job. */
    public record Job(String jobId, String modelId, int step, int steps, int fold, int folds, double lastLoss, String phase) {
        public double progress() {
            return steps <= 0 ? -1 : (double) step / steps;
        }
    }
}
