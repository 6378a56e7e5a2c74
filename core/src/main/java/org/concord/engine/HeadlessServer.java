package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.data.MarketBusBridge;
import org.concord.feed.MarketFeed;
import org.concord.model.Timeframe;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Function;

/**
 * {@code concord serve}: DataProvider + orchestrator headless, everything they produce published on the event
 * bus (bars via {@link MarketBusBridge}, decisions and module states by the orchestrator), module commands
 * taken from the bus. A desktop started with the same {@code --bus} shows and steers it.
 */
public final class HeadlessServer implements AutoCloseable {
    /** Timeframes whose bars reach remote desktops (1s bars stay local: too chatty for a chart across a network). */
    public static final EnumSet<Timeframe> PUBLISHED_TIMEFRAMES =
            EnumSet.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1);
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessServer.class);

    private final ConcordEngine engine;
    private final EventBus bus;
    private final MarketBusBridge bridge;
    private final TradingOrchestrator orchestrator;
    private final MarketFeed feed;

    /**
     * @param feedFactory starts the market feed on the engine (replay or live) once everything listens
     */
    public HeadlessServer(Path dataDir, EventBus bus, OrchestratorConfig config, Path configFile,
                          Function<ConcordEngine, MarketFeed> feedFactory) {
        if (dataDir == null || bus == null || config == null || feedFactory == null) {
            throw new IllegalArgumentException("data dir, bus, config and feed are required");
        }
        this.engine = new ConcordEngine(dataDir);
        this.bus = bus;
        try {
            this.bridge = new MarketBusBridge(engine.data(), bus, PUBLISHED_TIMEFRAMES, 250);
            this.orchestrator = TradingOrchestrator.on(engine, config, bus, configFile).start();
            this.feed = feedFactory.apply(engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.info("serving {} with orchestrator preset modules {} on {}", feed.name(),
                orchestrator.modules().stream().map(m -> m.id()).toList(), bus.getClass().getSimpleName());
    }

    public ConcordEngine engine() {
        return engine;
    }

    public TradingOrchestrator orchestrator() {
        return orchestrator;
    }

    public MarketFeed feed() {
        return feed;
    }

    public EventBus bus() {
        return bus;
    }

    /** A one-line status for logs and terminals. */
    public String status() {
        return feed.name() + " " + feed.state() + " · decisions " + orchestrator.decisions() + " · queued " + orchestrator.queued();
    }

    @Override
    public void close() {
        try {
            feed.stop();
        } finally {
            try {
                orchestrator.close();
            } finally {
                bridge.close();
                engine.close();
            }
        }
    }
}
