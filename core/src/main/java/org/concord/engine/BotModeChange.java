package org.concord.engine;

/**
 * The answer to a bot switch: the mode now in force, whether the requested one was taken, and a sentence for the
 * person (why it was refused, or what the new mode means).
 */
public record BotModeChange(BotMode requested, BotMode mode, boolean accepted, String message) {
    public BotModeChange {
        if (requested == null || mode == null || message == null) {
            throw new IllegalArgumentException("requested mode, mode and message are required");
        }
    }

    static BotModeChange accepted(BotMode mode, String message) {
        return new BotModeChange(mode, mode, true, message);
    }

    static BotModeChange refused(BotMode requested, BotMode kept, String why) {
        return new BotModeChange(requested, kept, false, why);
    }
}
