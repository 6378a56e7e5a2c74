package org.concord.risk;

import org.concord.bus.Topic;

/** Event-bus topics of the risk manager. */
public final class RiskTopics {
    /** Every clip, rejection, override and deleveraging. Durable: an operator must see each one. */
    public static final Topic<RiskEvent> EVENTS = Topic.durable("risk.events", RiskEvent.class);

    private RiskTopics() {
    }
}
