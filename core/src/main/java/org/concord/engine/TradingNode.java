package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.data.DataProvider;
import org.concord.execution.PaperAccountStore;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.OrchestratorBuilder;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.training.TrainingCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The kernel: the one composition of trading that the desk, {@code concord serve} and every backtest run, built by
 * one {@link Builder}. What differs between them is configuration, never wiring:
 * <ol>
 *   <li>the {@link TradingPipeline} (coordination → risk → the bot's paper account) subscribes to the
 *       {@link DataProvider} first, so that a bar's close reaches the brokers before the decision made on it;</li>
 *   <li>one {@link TradingOrchestrator} per instrument of the orchestrator configuration, each with the preset's
 *       modules and, where the builder was given one, the instrument's training model voting (weight 1, a frame
 *       stored per inference);</li>
 *   <li>the first instrument's decisions, with the state vector they were made on, into the pipeline; the others
 *       decide and publish for their charts;</li>
 *   <li>with a bus, every orchestrator's chart overlays ({@link OverlayPublisher}) published after its decisions.</li>
 * </ol>
 * A desk ({@link Builder#live}) runs the pipeline on its own thread with the person's paper account beside the bot's;
 * a backtest (the default) runs it on the caller's thread with the bot's account only, its orchestrator synchronous
 * by configuration, so the same node driven from history is deterministic. A preset switch ({@link #switchTo})
 * replaces the orchestrators whole; the pipeline (accounts, positions) and the training coordinators stay.
 */
public final class TradingNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingNode.class);

    private final Builder recipe;
    private final TradingPipeline pipeline;
    /** The orchestrators by symbol, in configuration order (replaced whole by a preset switch). */
    private volatile Map<Symbol, Instrument> current = Map.of();
    private boolean closed;

    /** One instrument's orchestrator and what hangs on it. */
    private record Instrument(TradingOrchestrator orchestrator, List<AutoCloseable> attached) {
        void close() {
            for (int i = attached.size() - 1; i >= 0; i--) {
                try {
                    attached.get(i).close();
                } catch (Exception e) {
                    LOG.warn("closing what hung on the {} orchestrator failed: {}", orchestrator.config().symbols(), e.toString());
                }
            }
            orchestrator.close();
        }
    }

    private TradingNode(Builder b) {
        this.recipe = b;
        TradingPipeline p = b.live ? TradingPipeline.live(b.pipelineConfig, b.bus, b.botModes, b.paperAccounts) : TradingPipeline.synchronous(b.pipelineConfig, b.bus);
        p.tradeFrom(b.tradeFrom);
        this.pipeline = p.subscribe(b.data); // before any orchestrator subscribes
    }

    public static Builder builder(DataProvider data, TradingPipelineConfig pipeline) {
        return new Builder(data, pipeline);
    }

    public static final class Builder {
        private final DataProvider data;
        private final TradingPipelineConfig pipelineConfig;
        private EventBus bus;
        private boolean live;
        private BotModeStore botModes;
        private PaperAccountStore paperAccounts;
        private Path configFile;
        private long tradeFrom = Long.MIN_VALUE;
        private BiFunction<Symbol, Timeframe, Timeframe> timeframeRule = (s, tf) -> tf;
        private final Map<Symbol, TrainingCoordinator> training = new LinkedHashMap<>();
        private final Map<String, Supplier<OrchestratorModule>> modules = new LinkedHashMap<>();
        private final List<BiConsumer<Symbol, OrchestratorBuilder>> services = new ArrayList<>();

        private Builder(DataProvider data, TradingPipelineConfig pipelineConfig) {
            if (data == null || pipelineConfig == null) {
                throw new IllegalArgumentException("a DataProvider and a pipeline configuration are required");
            }
            this.data = data;
            this.pipelineConfig = pipelineConfig;
        }

        /**
         * A desk node: the pipeline on its own thread, the person's paper account beside the bot's, decisions, status
         * and overlays published on {@code bus} (where commands are read too), the bot switch read from (and written
         * to) {@code botModes} (null: it starts OFF, nothing persisted), modules' predictions explained for the
         * status panel. Without it: a backtest node, no bus, predictions without a rationale (nothing reads one).
         */
        public Builder live(EventBus bus, BotModeStore botModes) {
            this.live = true;
            this.bus = bus;
            this.botModes = botModes;
            return this;
        }

        /** Where a desk node keeps the person's paper account across restarts (none: in memory only). */
        public Builder paperAccounts(PaperAccountStore store) {
            this.paperAccounts = store;
            return this;
        }

        /** The concord.yaml the first instrument's orchestrator writes module switches to (none: in memory only). */
        public Builder configFile(Path p) {
            this.configFile = p;
            return this;
        }

        /** Bars and decisions before {@code time} reach the orchestrators only (warm-up, a walk-forward training window). */
        public Builder tradeFrom(long time) {
            this.tradeFrom = time;
            return this;
        }

        /**
         * The decision timeframe of each instrument from its symbol and the configured one (default: the configured
         * one; the desk decides a bundled symbol on its own bar timeframe where that is longer).
         */
        public Builder decisionTimeframes(BiFunction<Symbol, Timeframe, Timeframe> rule) {
            if (rule == null) {
                throw new IllegalArgumentException("rule is null");
            }
            this.timeframeRule = rule;
            return this;
        }

        /** The training model of {@code coordinator}'s symbol: it votes in that instrument's orchestrator (weight 1). */
        public Builder training(TrainingCoordinator coordinator) {
            if (coordinator == null) {
                throw new IllegalArgumentException("training coordinator is null");
            }
            training.put(coordinator.config().symbol(), coordinator);
            return this;
        }

        /** A module by hand (wins over a classpath module with the same id); the configuration must name it. */
        public Builder module(String id, Supplier<OrchestratorModule> factory) {
            if (id == null || factory == null) {
                throw new IllegalArgumentException("id and factory are required");
            }
            modules.put(id, factory);
            return this;
        }

        /** Something every orchestrator is built with (a service a module reads), given the instrument. */
        public Builder configure(BiConsumer<Symbol, OrchestratorBuilder> step) {
            if (step == null) {
                throw new IllegalArgumentException("step is null");
            }
            services.add(step);
            return this;
        }

        /** Builds the pipeline, then starts the orchestrators {@code config} describes. */
        public TradingNode start(OrchestratorConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("orchestrator config is required");
            }
            TradingNode node = new TradingNode(this);
            try {
                node.current = node.buildAll(config);
            } catch (RuntimeException e) {
                node.pipeline.close();
                throw e;
            }
            return node;
        }
    }

    private Map<Symbol, Instrument> buildAll(OrchestratorConfig cfg) {
        Map<Symbol, Instrument> out = new LinkedHashMap<>();
        try {
            for (Symbol s : cfg.symbols()) {
                out.put(s, build(cfg, s, out.isEmpty()));
            }
        } catch (RuntimeException e) {
            out.values().forEach(Instrument::close);
            throw e;
        }
        return Collections.unmodifiableMap(out);
    }

    private Instrument build(OrchestratorConfig cfg, Symbol symbol, boolean first) {
        OrchestratorBuilder b = TradingOrchestrator.builder(cfg).data(recipe.data).bus(recipe.bus)
                .configFile(first ? recipe.configFile : null).explain(recipe.live)
                .instrument(symbol, recipe.timeframeRule.apply(symbol, cfg.decisionTimeframe()));
        TrainingCoordinator model = recipe.training.get(symbol);
        if (model != null) {
            b.training(model, 1.0);
        } else {
            LOG.info("no training model for {}: its orchestrator runs without one", symbol);
        }
        recipe.modules.forEach(b::module);
        recipe.services.forEach(step -> step.accept(symbol, b));
        TradingOrchestrator orch = b.build();
        List<AutoCloseable> attached = new ArrayList<>();
        Instrument instrument = new Instrument(orch, attached);
        try {
            if (first) {
                Subscription route = pipeline.attach(orch);
                attached.add(route::close);
            }
            if (recipe.bus != null) {
                attached.add(new OverlayPublisher(orch, recipe.bus)); // the chart's levels, published with each decision
            }
            orch.start();
        } catch (RuntimeException e) {
            instrument.close();
            throw e;
        }
        return instrument;
    }

    /**
     * Replaces every orchestrator by one built on {@code next} (a preset switch): the old ones closed, the new ones
     * started; modules warm up again from the stored bars. Blocking (module loading): never on the FX thread.
     */
    public synchronized void switchTo(OrchestratorConfig next) {
        if (closed) {
            throw new IllegalStateException("the node is closed");
        }
        // the closed instruments stay readable until the new ones are in: a reader (the module panel's poll, the
        // pipeline) gets a closed orchestrator, which ignores input and still reports its modules, never no orchestrator
        current.values().forEach(Instrument::close);
        current = buildAll(next);
    }

    /** The first instrument's orchestrator (the one the pipeline trades). */
    public TradingOrchestrator orchestrator() {
        return current.values().iterator().next().orchestrator();
    }

    /** {@code symbol}'s orchestrator, or the first one when {@code symbol} has none. */
    public TradingOrchestrator orchestrator(Symbol symbol) {
        Instrument i = current.get(symbol);
        return i == null ? orchestrator() : i.orchestrator();
    }

    /** Every orchestrator, in configuration order. */
    public List<TradingOrchestrator> orchestrators() {
        List<TradingOrchestrator> out = new ArrayList<>();
        current.values().forEach(i -> out.add(i.orchestrator()));
        return out;
    }

    public TradingPipeline pipeline() {
        return pipeline;
    }

    /** Closes the orchestrators, then the pipeline (the training coordinators belong to whoever made them). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        current.values().forEach(Instrument::close);
        pipeline.close();
    }
}
