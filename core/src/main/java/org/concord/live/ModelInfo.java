package org.concord.live;

/**
 * One model row of the module panel.
 *
 * @param lastTrainedAt wall-clock time of the newest saved version (epoch ms), 0 when never trained
 * @param liveAccuracy  how often the side shown (two-action view) matched the price's direction, over the active
 *                      version's matured predictions after its training data (NaN before any)
 * @param liveMajority  the majority direction's share of the same frames (the baseline beside it)
 * @param liveScored    how many frames those two figures count
 * @param live          a live-inference session is running for it
 */
public record ModelInfo(String modelId, String symbol, String version, boolean inference, boolean training, long lastTrainedAt,
                        double liveAccuracy, double liveMajority, int liveScored, boolean live, LiveMode mode, String note) {
    public ModelInfo {
        note = note == null ? "" : note;
    }
}
