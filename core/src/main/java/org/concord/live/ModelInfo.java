package org.concord.live;

/**
 * One model row of the module panel.
 *
 * @param lastTrainedAt wall-clock time of the newest saved version (epoch ms), 0 when never trained
 * @param liveAccuracy  rolling accuracy of the active version's matured predictions, NaN before any
 * @param live          a live-inference session is running for it
 */
public record ModelInfo(String modelId, String symbol, String version, boolean inference, boolean training, long lastTrainedAt,
                        double liveAccuracy, boolean live, LiveMode mode, String note) {
    public ModelInfo {
        note = note == null ? "" : note;
    }
}
