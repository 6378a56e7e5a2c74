package org.concord.live;

/**
 * A request to start or stop live inference of a model (from the Live panel, possibly over a remote bus).
 *
 * @param action "start" or "stop"
 * @param mode   for start (null: INFERENCE)
 */
public record LiveCommand(String action, String modelId, String symbol, LiveMode mode) {
    public static final String START = "start";
    public static final String STOP = "stop";

    public LiveCommand {
        if (!START.equals(action) && !STOP.equals(action)) {
            throw new IllegalArgumentException("live command action must be start or stop, got '" + action + "'");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("live command needs a model id");
        }
        mode = mode == null ? LiveMode.INFERENCE : mode;
    }
}
