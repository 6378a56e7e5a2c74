package org.concord.live;

import org.concord.bus.Topic;

/** Live-inference topics. */
public final class LiveTopics {
    /** Session snapshots (one per update; the UI keeps the newest per pulse). */
    public static final Topic<LiveSnapshot> SNAPSHOTS = Topic.transientTopic("live.inference", LiveSnapshot.class);
    /** The models with their switches, version, last training and live accuracy (on change and every second). */
    public static final Topic<ModelInfoReport> MODELS = Topic.transientTopic("live.models", ModelInfoReport.class);
    /** Start/stop and switch requests from a (possibly remote) desktop. */
    public static final Topic<LiveCommand> COMMANDS = Topic.durable("live.commands", LiveCommand.class);

    private LiveTopics() {
    }
}
