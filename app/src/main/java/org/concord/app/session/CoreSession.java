package org.concord.app.session;

import org.concord.app.live.OverlayPublisher;
import org.concord.app.portfolio.PortfolioPublisher;
import org.concord.app.training.CoordinatorStatusProvider;
import org.concord.app.training.TrainingCommandHandler;
import org.concord.bus.EventBus;
import org.concord.config.ConcordConfig;
import org.concord.data.MarketBusBridge;
import org.concord.engine.BotModeStore;
import org.concord.engine.ConcordEngine;
import org.concord.engine.TradingPipeline;
import org.concord.engine.TradingPipelineConfig;
import org.concord.feed.BundledData;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.ModuleStatusReport;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.TrainingStatusProvider;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleState;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.frames.FrameStore;
import org.concord.training.models.ModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine-owning side of a session: orchestrator (config from {@code <data dir>/concord.yaml}), training
 * coordinator, core's trading pipeline (coordination → risk → the bot's own paper account, the same code a backtest
 * runs, behind the persisted bot switch; plus the person's paper account) with the portfolio publisher on its thread, and the bus bridges the desktop panels read
 * (overlays, training commands, a module-status heartbeat every second, and — for remote desktops — market bars).
 * The desktop in local mode starts one; {@code concord serve} can start the same with {@code publishMarket = true}.
 */
public final class CoreSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSession.class);
    public static final String CONFIG_FILE = ConcordConfig.FILE;
    /** How the orchestrator reports a module whose initialize refused its settings (a configuration error). */
    private static final String SETTINGS_REFUSED = "initialize failed: " + IllegalArgumentException.class.getName() + ": ";

    private final TradingOrchestrator orchestrator;
    private final TrainingCoordinator training;
    private final TradingPipeline pipeline;
    private final OverlayPublisher overlays;
    private final TrainingCommandHandler trainingCommands;
    private final MarketBusBridge market;
    private final ScheduledExecutorService heartbeat;
    private final Path dataDir;
    private org.concord.live.LiveModels liveModels;
    private ConcordConfig config;

    private CoreSession(TradingOrchestrator o, TrainingCoordinator t, TradingPipeline p, OverlayPublisher ov, TrainingCommandHandler tc,
                        MarketBusBridge m, ScheduledExecutorService hb, Path dataDir) {
        this.orchestrator = o;
        this.training = t;
        this.pipeline = p;
        this.overlays = ov;
        this.trainingCommands = tc;
        this.market = m;
        this.heartbeat = hb;
        this.dataDir = dataDir;
    }

    /** Starts everything on the caller's thread (SQLite, module loading: never the FX thread), on {@code <data dir>/concord.yaml}. */
    public static CoreSession start(ConcordEngine engine, EventBus bus, SessionOptions options, boolean publishMarket, Consumer<String> progress) {
        return start(engine, bus, options, engine.dataDir().resolve(CONFIG_FILE), publishMarket, progress);
    }

    /**
     * Starts everything on {@code configFile} (written from the preset when it does not exist). The whole file is
     * validated first ({@link ConcordConfig}); a module that refuses its settings at initialize fails the start too,
     * naming the file and the module's line, instead of running in ERROR on a configuration nobody meant.
     */
    public static CoreSession start(ConcordEngine engine, EventBus bus, SessionOptions options, Path configFile, boolean publishMarket,
                                    Consumer<String> progress) {
        if (!Files.exists(configFile)) {
            String preset = options.preset() == null ? "full" : options.preset();
            progress.accept("writing " + configFile.getFileName() + " from the " + preset + " preset");
            ConfigFiles.save(configFile, ConfigFiles.preset(preset));
        }
        progress.accept("reading " + configFile);
        ConcordConfig config = ConcordConfig.load(configFile, ModuleCatalog.fromClasspath());
        OrchestratorConfig cfg = config.orchestrator();

        progress.accept("opening the training coordinator");
        TrainingConfig tcfg = options.training() != null ? options.training() : TrainingConfig.defaults(BundledData.BTCUSD);
        TrainingCoordinator coordinator = new TrainingCoordinator(engine.data(), new FrameStore(engine.database()),
                new ModelRepository(engine.dataDir().resolve("models")), bus, tcfg);

        TradingPipeline pipeline = null;
        TradingOrchestrator orch = null;
        OverlayPublisher overlays = null;
        TrainingCommandHandler commands = null;
        try {
            // before the orchestrator subscribes: a bar's close must reach the desk before the decision made on it
            // the bot switch (does the orchestrator trade, with which money) lives in the data directory; a new one is OFF
            pipeline = TradingPipeline.live(TradingPipelineConfig.defaults(cfg.decisionTimeframe(), cfg.symbols().get(0),
                    cfg.performance().decisionHorizonBars()), bus, BotModeStore.inDataDir(engine.dataDir())).subscribe(engine.data());
            // one publisher per coordination engine: going live gives the pipeline a venue engine with its own books
            java.util.Map<org.concord.coordination.CoordinationEngine, PortfolioPublisher> portfolios = new java.util.IdentityHashMap<>();
            TradingPipeline p = pipeline;
            pipeline.onBar((symbol, closeTime) -> portfolios.computeIfAbsent(p.engine(), e -> new PortfolioPublisher(e, bus)).onBar(closeTime));
            progress.accept("starting the orchestrator (" + cfg.preset() + " preset)");
            // training merged into the orchestrator: the coordinator's model votes (abstains at cold start) and every
            // inference stores its frame; candles mature the frames on the coordinator's own thread
            TradingOrchestrator.Builder b = TradingOrchestrator.builder(cfg).data(engine.data()).bus(bus).configFile(configFile)
                    .service(TrainingStatusProvider.class, new CoordinatorStatusProvider(coordinator));
            if (cfg.symbols().contains(tcfg.symbol())) {
                b.training(coordinator, 1.0);
            } else {
                LOG.info("training model {} trades {}, not a decision symbol ({}): it does not vote", tcfg.modelId(), tcfg.symbol(), cfg.symbols());
            }
            options.extraModules().forEach(b::module);
            orch = b.build();
            pipeline.attach(orch);
            overlays = new OverlayPublisher(orch, bus);
            commands = new TrainingCommandHandler(bus, coordinator);
            orch.start();
            for (ModuleStatus m : orch.modules()) {
                if (m.state() == ModuleState.ERROR && m.reason().startsWith(SETTINGS_REFUSED)) {
                    throw config.moduleError(m.id(), m.reason().substring(SETTINGS_REFUSED.length()));
                }
            }
        } catch (RuntimeException e) {
            // leave nothing running behind a failed start (the caller closes the engine and the bus)
            for (AutoCloseable c : new AutoCloseable[] {commands, overlays, orch, pipeline, coordinator}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        final TradingOrchestrator started = orch;
        MarketBusBridge market = publishMarket ? new MarketBusBridge(engine.data(), bus) : null;
        ScheduledExecutorService hb = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-status-heartbeat");
            t.setDaemon(true);
            return t;
        });
        hb.scheduleAtFixedRate(() -> {
            try {
                bus.publish(OrchestratorTopics.MODULE_STATUS, new ModuleStatusReport(started.decisions(), 0, started.modules()));
            } catch (RuntimeException e) {
                LOG.warn("module status heartbeat failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
        CoreSession session = new CoreSession(orch, coordinator, pipeline, overlays, commands, market, hb, engine.dataDir());
        session.config = config;
        // live modes: the model in the registry with its saved switches, live sessions started from the Live panel
        session.liveModels = new org.concord.live.LiveModels(engine.data(), bus, orch,
                org.concord.live.ModelToggles.inDataDir(engine.dataDir()), new org.concord.modules.pivots.PivotsOverlay(engine.data()));
        session.liveModels.add(coordinator);
        return session;
    }

    public TradingOrchestrator orchestrator() {
        return orchestrator;
    }

    /** The validated configuration file this session runs on (orchestrator and Binance feed sections). */
    public ConcordConfig config() {
        return config;
    }

    public TrainingCoordinator training() {
        return training;
    }

    /**
     * Where "save as pattern" from the annotation tab goes: the crash-pattern detector's library in the data
     * directory; the running module is told to reload it.
     */
    public org.concord.annotation.PatternSink patterns() {
        return (name, window) -> {
            try {
                org.concord.modules.strategy.crashpattern.PatternLibrary.inDataDir(dataDir).saveWindow(name, window);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("saving pattern '" + name + "': " + e.getMessage(), e);
            }
            if (orchestrator.module("crash-pattern").isPresent()) {
                orchestrator.command("crash-pattern", "reload", java.util.Map.of());
            }
        };
    }

    /** The models of the live modes (live inference sessions, per-model switches). */
    public org.concord.live.LiveModels liveModels() {
        return liveModels;
    }

    public TradingPipeline pipeline() {
        return pipeline;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (liveModels != null) {
            liveModels.close();
        }
        if (market != null) {
            market.close();
        }
        trainingCommands.close();
        overlays.close();
        orchestrator.close();
        pipeline.close();
        training.close();
    }
}
