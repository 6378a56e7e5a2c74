package org.concord.app.training;

import org.concord.bus.Topic;

/**
 * A request from the training panel to whoever owns the training coordinator (this desktop in local mode, a
 * server in remote mode): {@code train} (with a reason) or {@code cancel} (the running or first queued job), for the
 * model of {@code symbol} (empty: the session's first instrument).
 */
public record TrainingCommand(String action, String reason, String symbol) {
    public static final String TRAIN = "train";
    public static final String CANCEL = "cancel";
    /** Panel → coordinator (durable: a click must not be lost). */
    public static final Topic<TrainingCommand> TOPIC = Topic.durable("training.commands", TrainingCommand.class);

    public TrainingCommand {
        if (!TRAIN.equals(action) && !CANCEL.equals(action)) {
            throw new IllegalArgumentException("training command must be 'train' or 'cancel', got '" + action + "'");
        }
        reason = reason == null ? "" : reason;
        symbol = symbol == null ? "" : symbol;
    }

    /** For the session's first instrument. */
    public TrainingCommand(String action, String reason) {
        this(action, reason, "");
    }
}
