package org.concord.execution;

import org.concord.bus.Topic;

/** Event-bus topics the execution layer publishes on. */
public final class ExecutionTopics {
    /** Every order state transition. Durable: a remote desk must see each one. */
    public static final Topic<OrderEvent> ORDER_EVENTS = Topic.durable("execution.orders", OrderEvent.class);
    /** Every fill. */
    public static final Topic<Fill> FILLS = Topic.durable("execution.fills", Fill.class);

    private ExecutionTopics() {
    }
}
