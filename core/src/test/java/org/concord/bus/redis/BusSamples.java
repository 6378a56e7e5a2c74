package org.concord.bus.redis;

import org.concord.bus.Topic;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Trade;
import org.concord.model.TradeTape;
import org.concord.model.Action;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sample topics and event records standing in for the other areas' ({@code OrchestratorTopics},
 * {@code CoordinationTopics}, {@code TrainingTopics}...): the round-trip test runs over {@link #ALL}; the lead adds
 * the real topics there as they land.
 */
final class BusSamples {
    private BusSamples() {
    }

    record Decision(Symbol symbol, Instant time, Action action, double confidence, Map<String, Double> votes, String reason) {
        Decision {
            if (symbol == null || action == null) {
                throw new IllegalArgumentException("symbol and action are required");
            }
        }
    }

    record ModuleCommand(String moduleId, boolean enable, List<String> symbols) {
    }

    record Seq(long n, String note) {
    }

    static final Topic<Trade> MARKET = Topic.durable("test.market.trade", Trade.class);
    static final Topic<Decision> DECISIONS = Topic.durable("test.orchestrator.decision", Decision.class);
    static final Topic<ModuleCommand> COMMANDS = Topic.durable("test.module.command", ModuleCommand.class);
    static final Topic<Trade> TICKS_LIVE = Topic.transientTopic("test.market.live", Trade.class);
    static final Topic<Decision> DECISIONS_LIVE = Topic.transientTopic("test.orchestrator.live", Decision.class);
    static final Topic<Seq> SEQ = Topic.durable("test.seq", Seq.class);
    static final Topic<Seq> SEQ_LIVE = Topic.transientTopic("test.seq.live", Seq.class);

    /** A topic and a few events for it. */
    record Sample<T>(Topic<T> topic, List<T> events) {
        @Override
        public String toString() {
            return topic.toString();
        }
    }

    static List<Sample<?>> all() {
        // the market topic carries the first real Bitstamp BTC/USD trades of the bundled file
        TradeTape tape = BundledData.bitstampTrades();
        Trade t1 = tape.trade(0);
        Trade t2 = tape.trade(1);
        Decision d1 = new Decision(BundledData.ETHUSD, Instant.parse("2023-03-13T00:05:00Z"), Action.BUY, 0.71,
                Map.of("trend", 0.8, "pivots", 0.4), "trend up, pivot support");
        Decision d2 = new Decision(BundledData.ETHUSD, Instant.parse("2023-03-13T00:10:00Z"), Action.HOLD, 0.0, Map.of(), null);
        return List.of(
                new Sample<>(MARKET, List.of(t1, t2)),
                new Sample<>(DECISIONS, List.of(d1, d2)),
                new Sample<>(COMMANDS, List.of(new ModuleCommand("market-analysis", false, List.of("BTC/USD")),
                        new ModuleCommand("training", true, List.of()))),
                new Sample<>(TICKS_LIVE, List.of(t1, t2)),
                new Sample<>(DECISIONS_LIVE, List.of(d1, d2)));
    }
}
