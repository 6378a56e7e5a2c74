package org.concord.live;

import org.concord.bus.Topic;

/** Live-inference topics. */
public final class LiveTopics {
    /** Session snapshots (one per update; the UI keeps the newest per pulse). */
    public static final Topic<LiveSnapshot> SNAPSHOTS = Topic.transientTopic("live.inference", LiveSnapshot.class);
    /** Start/stop requests from a (possibly remote) desktop. */
    public static final Topic<LiveCommand> COMMANDS = Topic.durable("live.commands", LiveCommand.class);

    private LiveTopics() {
    }
}
