package org.concord.training;

import org.concord.bus.Topic;
import org.concord.indicators.pivots.PivotEvent;

/**
 * Training's topics on the EventBus. Lifecycle events (jobs, frames, swaps) are durable; epoch and fold
 * progress is transient (a lost progress tick is harmless).
 */
public final class TrainingTopics {
    public static final Topic<TrainingEvent> EVENTS = Topic.durable("training.events", TrainingEvent.class);
    public static final Topic<TrainingEvent> PROGRESS = Topic.transientTopic("training.progress", TrainingEvent.class);
    /** Williams swings as they are confirmed by closing candles (durable: a chart that reconnects must not miss one). */
    public static final Topic<PivotEvent> PIVOTS =
            Topic.durable("training.pivots", PivotEvent.class);

    private TrainingTopics() {
    }

    static Topic<TrainingEvent> topicFor(TrainingEventType type) {
        return type == TrainingEventType.EPOCH || type == TrainingEventType.FOLD ? PROGRESS : EVENTS;
    }
}
