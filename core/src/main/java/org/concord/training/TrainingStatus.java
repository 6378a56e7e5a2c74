package org.concord.training;

/**
 * What the orchestrator's training module shows (the lead may map it onto a core {@code TrainingStatusProvider}).
 *
 * @param note           cold start / stale explanation, or ""
 * @param rollingAccuracy accuracy of the last matured predictions (NaN before any)
 */
public record TrainingStatus(String modelId, String activeVersion, boolean coldStart, String note, int jobsRunning, int jobsQueued,
                             TrainingJob.Result lastResult, long framesStored, long framesMatured, long framesRejected,
                             double rollingAccuracy, double baselineAccuracy, long swaps) {
}
