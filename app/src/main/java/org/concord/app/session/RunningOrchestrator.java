package org.concord.app.session;

import org.concord.app.live.OverlayPublisher;
import org.concord.app.training.CoordinatorStatusProvider;
import org.concord.bus.EventBus;
import org.concord.config.ConcordConfig;
import org.concord.data.Subscription;
import org.concord.engine.ConcordEngine;
import org.concord.engine.TradingPipeline;
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
import java.util.function.Consumer;

/**
 * The orchestrator a session runs, with what hangs on it (its decisions routed into the trading pipeline, the chart
 * overlays), and its replacement by another whole preset. A preset switch writes the preset to the configuration file
 * and starts a new orchestrator on it, so everything the preset says applies — modules and weights, fusion
 * thresholds, threading, module settings — and the file, the log and the module panel agree, also after a restart.
 * The training coordinator and the pipeline (accounts, positions) stay; modules warm up again from the stored bars.
 */
final class RunningOrchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningOrchestrator.class);
    /** How the orchestrator reports a module whose initialize refused its settings (a configuration error). */
    private static final String SETTINGS_REFUSED = "initialize failed: " + IllegalArgumentException.class.getName() + ": ";

    private final ConcordEngine engine;
    private final EventBus bus;
    private final Path configFile;
    private final TrainingCoordinator training;
    private final SessionOptions options;
    private final TradingPipeline pipeline;
    private volatile Parts current;

    /** One orchestrator and what was wired to it. */
    private record Parts(TradingOrchestrator orchestrator, Subscription route, OverlayPublisher overlays) {
        void close() {
            route.close();
            overlays.close();
            orchestrator.close();
        }
    }

    private RunningOrchestrator(ConcordEngine engine, EventBus bus, Path configFile, TrainingCoordinator training, SessionOptions options,
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
    static RunningOrchestrator start(ConcordEngine engine, EventBus bus, Path configFile, ConcordConfig config, TrainingCoordinator training,
                                     SessionOptions options, TradingPipeline pipeline, Consumer<String> progress) {
        RunningOrchestrator r = new RunningOrchestrator(engine, bus, configFile, training, options, pipeline);
        progress.accept("starting the orchestrator (" + config.orchestrator().preset() + " preset)");
        r.current = r.build(config.orchestrator());
        for (ModuleStatus m : r.current.orchestrator().modules()) {
            if (m.state() == ModuleState.ERROR && m.reason().startsWith(SETTINGS_REFUSED)) {
                r.close();
                throw config.moduleError(m.id(), m.reason().substring(SETTINGS_REFUSED.length()));
            }
        }
        return r;
    }

    private Parts build(OrchestratorConfig cfg) {
        // training merged into the orchestrator: the coordinator's model votes (abstains at cold start) and every
        // inference stores its frame; candles mature the frames on the coordinator's own thread
        TradingOrchestrator.Builder b = TradingOrchestrator.builder(cfg).data(engine.data()).bus(bus).configFile(configFile)
                .service(TrainingStatusProvider.class, new CoordinatorStatusProvider(training));
        if (cfg.symbols().contains(training.config().symbol())) {
            b.training(training, 1.0);
        } else {
            LOG.info("training model {} trades {}, not a decision symbol ({}): it does not vote", training.config().modelId(),
                    training.config().symbol(), cfg.symbols());
        }
        options.extraModules().forEach(b::module);
        TradingOrchestrator orch = b.build();
        // with the decision's state vector (read on the decision thread while it is still this decision's): the market
        // conditions in it (VPIN, the macro gate's verdict) reach coordination
        Subscription route = orch.onDecision(d -> pipeline.onDecision(d, orch.lastState(d.symbol())));
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

    TradingOrchestrator orchestrator() {
        return current.orchestrator();
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
        Parts old = current;
        old.close();
        current = build(written.on(next, options.venue()));
        LOG.info("preset switched to {} (written to {}): {} modules running, {} mode", name, configFile,
                current.orchestrator().modules().stream().filter(m -> m.state() == ModuleState.RUNNING).count(),
                next.synchronous() ? "synchronous" : "async");
        return current.orchestrator();
    }

    @Override
    public void close() {
        Parts p = current;
        if (p != null) {
            p.close();
        }
    }
}
