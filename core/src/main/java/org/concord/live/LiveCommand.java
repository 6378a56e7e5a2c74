package org.concord.live;

/**
 * A request from the Live panel or the module panel (possibly over a remote bus).
 *
 * @param action "start" / "stop" live inference of the model, or set its "inference" / "training" switch to {@code on}
 * @param mode   for start (null: INFERENCE)
 */
public record LiveCommand(String action, String modelId, LiveMode mode, boolean on) {
    public static final String START = "start";
    public static final String STOP = "stop";
    public static final String INFERENCE = "inference";
    public static final String TRAINING = "training";

    public LiveCommand {
        if (!START.equals(action) && !STOP.equals(action) && !INFERENCE.equals(action) && !TRAINING.equals(action)) {
            throw new IllegalArgumentException("live command action must be start, stop, inference or training, got '" + action + "'");
        }
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("live command needs a model id");
        }
        mode = mode == null ? LiveMode.INFERENCE : mode;
    }

    public static LiveCommand start(String modelId, LiveMode mode) {
        return new LiveCommand(START, modelId, mode, true);
    }

    public static LiveCommand stop(String modelId) {
        return new LiveCommand(STOP, modelId, null, false);
    }

    public static LiveCommand inference(String modelId, boolean on) {
        return new LiveCommand(INFERENCE, modelId, null, on);
    }

    public static LiveCommand training(String modelId, boolean on) {
        return new LiveCommand(TRAINING, modelId, null, on);
    }
}
