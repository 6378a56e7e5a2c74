package org.concord.bench;

import org.concord.bus.Topic;
import org.concord.model.Action;
import org.concord.model.Trade;

/**
 * The two topics of the bus benchmark: a market event going to the deciding process and the decision coming back.
 * When the orchestrator lands, its real decision topic and record replace {@link #DECISION} and
 * {@link BenchDecision}, and {@link RedisEchoMain#decide} becomes the orchestrator's decision loop.
 */
public final class BusBenchTopics {
    private BusBenchTopics() {
    }

    /** A real Bitstamp trade with the id the latency is matched by. */
    public record MarketEvent(long id, Trade trade) {
    }

    public record BenchDecision(long requestId, Action action, double confidence) {
    }

    public static final Topic<MarketEvent> MARKET = Topic.durable("bench.market.trade", MarketEvent.class);
    public static final Topic<BenchDecision> DECISION = Topic.durable("bench.orchestrator.decision", BenchDecision.class);
}
