package org.concord.training;

/**
 * What the orchestrator's training module shows (the lead may map it onto a core {@code TrainingStatusProvider}).
 *
 * @param note           cold start / stale explanation, or ""
 * @param rollingAccuracy accuracy (three classes) of the last matured predictions after the version's training data
 *                        (NaN before any): what the retrain monitor compares with the holdout accuracy
 * @param live            what the panel shows: the two-action view's hit rate after the training data, with the
 *                        majority rate of the same frames
 */
public record TrainingStatus(String modelId, String activeVersion, boolean coldStart, String note, int jobsRunning, int jobsQueued,
                             TrainingJob.Result lastResult, long framesStored, long framesMatured, long framesRejected,
                             double rollingAccuracy, double baselineAccuracy, long swaps, LiveAccuracy.Figures live) {
}
