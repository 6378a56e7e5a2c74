package org.concord.coordination;

import org.concord.bus.Topic;

/** Event-bus topics of the coordination layer. */
public final class CoordinationTopics {
    public static final Topic<AllocationUpdate> ALLOCATIONS = Topic.durable("coordination.allocations", AllocationUpdate.class);
    public static final Topic<ConflictEvent> CONFLICTS = Topic.durable("coordination.conflicts", ConflictEvent.class);
    public static final Topic<AlignmentEvent> ALIGNMENTS = Topic.transientTopic("coordination.alignments", AlignmentEvent.class);
    public static final Topic<SignalRejected> REJECTED_SIGNALS = Topic.durable("coordination.rejected-signals", SignalRejected.class);
    public static final Topic<ActionTaken> ACTIONS = Topic.transientTopic("coordination.actions", ActionTaken.class);

    private CoordinationTopics() {
    }
}
