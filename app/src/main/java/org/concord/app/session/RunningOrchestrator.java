package org.concord.app.session;

import org.concord.app.live.OverlayPublisher;
import org.concord.app.training.CoordinatorStatusProvider;
import org.concord.bus.EventBus;
import org.concord.config.ConcordConfig;
import org.concord.bus.Subscription;
import org.concord.engine.ConcordRuntime;
import org.concord.engine.TradingPipeline;
import org.concord.feed.BundledMarket;
import org.concord.model.Symbol;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.TrainingStatusProvider;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleState;
import org.concord.training.TrainingCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The orchestrator a session runs, with what hangs on it (its decisions routed into the trading pipeline, the chart
 * overlays), and its replacement by another whole preset. A preset switch writes the preset to the configuration file
 * and starts a new orchestrator on it, so everything the preset says applies — modules and weights, fusion
 * thresholds, threading, module settings — and the file, the log and the module panel agree, also after a restart.
 * The training coordinators and the pipeline (accounts, positions) stay; modules warm up again from the stored bars.
 *
 * <p><b>One orchestrator per instrument.</b> Every symbol of {@code orchestrator.symbols} gets its own orchestrator
 * on the same configuration narrowed to it ({@link OrchestratorConfig#forInstrument}): its own module instances and
 * states, its own training model, deciding on the symbol's own bars (the configured decision timeframe, or the
 * symbol's bar timeframe where that is longer: ETHUSD 5m, AAPL 1d, see {@link BundledMarket}). Separate instances
 * rather than one orchestrator of three symbols because the instruments tick on different timeframes and clocks, a
 * module that fails on one must not stop the others, and the desk shows each symbol's module states. A module switch
 * from the panel reaches all of them (they all read the bus); the first symbol's orchestrator writes it to the file.
 * Decisions of the first symbol feed the trading pipeline (the bot trades it, as before); the others decide and
 * publish their decisions and overlays for their charts.
 */
final class RunningOrchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningOrchestrator.class);
    /** How the orchestrator reports a module whose initialize refused its settings (a configuration error). */
    private static final String SETTINGS_REFUSED = "initialize failed: " + IllegalArgumentException.class.getName() + ": ";

    private final ConcordRuntime engine;
    private final EventBus bus;
    private final Path configFile;
    private final Map<Symbol, TrainingCoordinator> training;
    private final SessionOptions options;
    private final TradingPipeline pipeline;
    /** The orchestrators by symbol, in configuration order (replaced whole by a preset switch). */
    private volatile Map<Symbol, Parts> current = Map.of();

    /** One orchestrator and what was wired to it. */
    private record Parts(TradingOrchestrator orchestrator, Subscription route, OverlayPublisher overlays) {
        void close() {
            route.close();
            overlays.close();
            orchestrator.close();
        }
    }

    private RunningOrchestrator(ConcordRuntime engine, EventBus bus, Path configFile, Map<Symbol, TrainingCoordinator> training, SessionOptions options,
                                TradingPipeline pipeline) {
        this.engine = engine;
        this.bus = bus;
        this.configFile = configFile;
        this.training = training;
        this.options = options;
        this.pipeline = pipeline;
    }

    /**
     * Starts the orchestrator {@code config} describes; a module that refuses its settings at initialize fails the
     * start, naming the file and the module's line.
     */
    static RunningOrchestrator start(ConcordRuntime engine, EventBus bus, Path configFile, ConcordConfig config,
                                     Map<Symbol, TrainingCoordinator> training, SessionOptions options, TradingPipeline pipeline,
                                     Consumer<String> progress) {
        RunningOrchestrator r = new RunningOrchestrator(engine, bus, configFile, training, options, pipeline);
        progress.accept("starting the orchestrators of " + config.orchestrator().symbols() + " (" + config.orchestrator().preset() + " preset)");
        r.current = r.buildAll(config.orchestrator());
        for (Parts p : r.current.values()) {
            for (ModuleStatus m : p.orchestrator().modules()) {
                if (m.state() == ModuleState.ERROR && m.reason().startsWith(SETTINGS_REFUSED)) {
                    r.close();
                    throw config.moduleError(m.id(), m.reason().substring(SETTINGS_REFUSED.length()));
                }
            }
        }
        return r;
    }

    private Map<Symbol, Parts> buildAll(OrchestratorConfig cfg) {
        Map<Symbol, Parts> out = new LinkedHashMap<>();
        try {
            for (Symbol s : cfg.symbols()) {
                out.put(s, build(cfg, s, out.isEmpty()));
            }
        } catch (RuntimeException e) {
            out.values().forEach(Parts::close);
            throw e;
        }
        return Collections.unmodifiableMap(out);
    }

    private Parts build(OrchestratorConfig cfg, Symbol symbol, boolean first) {
        TrainingCoordinator training = this.training.get(symbol);
        // training merged into the orchestrator: the coordinator's model votes (abstains at cold start) and every
        // inference stores its frame; candles mature the frames on the coordinator's own thread
        TradingOrchestrator.Builder b = TradingOrchestrator.builder(cfg).data(engine.data()).bus(bus).configFile(first ? configFile : null)
                .instrument(symbol, BundledMarket.decisionTimeframe(symbol, cfg.decisionTimeframe()));
        if (training != null) {
            b.service(TrainingStatusProvider.class, new CoordinatorStatusProvider(training)).training(training, 1.0);
        } else {
            LOG.info("no training model for {}: its orchestrator runs without one", symbol);
        }
        options.extraModules().forEach(b::module);
        TradingOrchestrator orch = b.build();
        // with the decision's state vector (read on the decision thread while it is still this decision's): the market
        // conditions in it (VPIN, the macro gate's verdict) reach coordination
        Subscription route = first ? orch.onDecision(d -> pipeline.onDecision(d, orch.lastState(d.symbol()))) : () -> { };
        OverlayPublisher overlays = new OverlayPublisher(orch, bus);
        try {
            orch.start();
        } catch (RuntimeException e) {
            route.close();
            overlays.close();
            orch.close();
            throw e;
        }
        return new Parts(orch, route, overlays);
    }

    /** The first symbol's orchestrator (the one the trading pipeline follows). */
    TradingOrchestrator orchestrator() {
        return current.values().iterator().next().orchestrator();
    }

    /** {@code symbol}'s orchestrator, or the first one when {@code symbol} has none. */
    TradingOrchestrator orchestrator(Symbol symbol) {
        Parts p = current.get(symbol);
        return p == null ? orchestrator() : p.orchestrator();
    }

    /** Every orchestrator, in configuration order. */
    List<TradingOrchestrator> orchestrators() {
        List<TradingOrchestrator> out = new ArrayList<>();
        current.values().forEach(p -> out.add(p.orchestrator()));
        return out;
    }

    /**
     * Switches to the whole preset {@code name}: written to the configuration file (its other sections kept), the
     * running orchestrator closed and a new one started on it. Blocking (module loading): never on the FX thread.
     *
     * @return the new orchestrator
     */
    synchronized TradingOrchestrator switchTo(String name) {
        OrchestratorConfig next = ConfigFiles.preset(name);
        ConfigFiles.save(configFile, next);
        ConcordConfig written = ConcordConfig.load(configFile, ModuleCatalog.fromClasspath()); // the file as written must read back valid
        current.values().forEach(Parts::close);
        current = buildAll(written.on(next, options.venue()));
        LOG.info("preset switched to {} (written to {}): {} modules running per instrument, {} mode", name, configFile,
                orchestrator().modules().stream().filter(m -> m.state() == ModuleState.RUNNING).count(),
                next.synchronous() ? "synchronous" : "async");
        return orchestrator();
    }

    @Override
    public void close() {
        current.values().forEach(Parts::close);
    }
}
