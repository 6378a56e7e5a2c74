package org.concord.app.session;

import org.concord.annotation.PatternSink;
import org.concord.app.portfolio.PortfolioPublisher;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.config.ConcordConfig;
import org.concord.coordination.CoordinationEngine;
import org.concord.data.MarketBusBridge;
import org.concord.engine.ConcordRuntime;
import org.concord.engine.TradingNode;
import org.concord.engine.TradingPipeline;
import org.concord.feed.BundledMarket;
import org.concord.live.LiveModels;
import org.concord.live.ModelToggles;
import org.concord.model.Symbol;
import org.concord.modules.pivots.PivotsOverlay;
import org.concord.modules.strategy.crashpattern.PatternLibrary;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.PresetCommand;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.store.FrameStore;
import org.concord.threads.Daemons;
import org.concord.training.TrainingCommandHandler;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.models.ModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine-owning side of a session: orchestrator (config from {@code <data dir>/concord.yaml}; a preset switch from
 * the panel rebuilds it, see {@link RunningOrchestrator}), training coordinator, core's trading pipeline (coordination
 * → risk → the bot's own paper account, the same code a backtest runs, behind the persisted bot switch; plus the
 * person's paper account) with the portfolio publisher on its thread, and the bus bridges the desktop panels read
 * (overlays, training commands, a module-status heartbeat every second, and — for remote desktops — market bars).
 * The desktop in local mode starts one; {@code concord serve} can start the same with {@code publishMarket = true}.
 */
public final class CoreSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSession.class);
    public static final String CONFIG_FILE = ConcordConfig.FILE;

    private final RunningOrchestrator orchestrator;
    private final Map<Symbol, TrainingCoordinator> trainings;
    private final TradingPipeline pipeline;
    private final TrainingCommandHandler trainingCommands;
    private final MarketBusBridge market;
    private final ScheduledExecutorService heartbeat;
    private final ExecutorService presets;
    private final Subscription presetCommands;
    private final MacroImportHandler macroImports;
    private final Path dataDir;
    private final EventBus bus;
    private final ConcordConfig config;
    private final LiveModels liveModels;

    private CoreSession(Parts p) {
        this.orchestrator = p.orchestrator;
        this.trainings = p.trainings;
        this.pipeline = p.pipeline;
        this.trainingCommands = p.commands;
        this.market = p.market;
        this.dataDir = p.dataDir;
        this.bus = p.bus;
        this.config = p.config;
        this.liveModels = p.liveModels;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Daemons.named("concord-status-heartbeat"));
        heartbeat.scheduleAtFixedRate(this::publishStatus, 1, 1, TimeUnit.SECONDS);
        this.presets = Executors.newSingleThreadExecutor(Daemons.named("concord-preset-switch"));
        this.presetCommands = bus.subscribe(OrchestratorTopics.PRESET_COMMANDS, c -> presets.execute(() -> switchPreset(c.preset())));
        this.macroImports = new MacroImportHandler(bus, p.engine.data(), orchestrator::orchestrators);
    }

    /** What a start has built so far (closed in reverse when a later step fails). */
    private static final class Parts {
        ConcordRuntime engine;
        EventBus bus;
        Path dataDir;
        ConcordConfig config;
        Map<Symbol, TrainingCoordinator> trainings = new LinkedHashMap<>();
        TradingPipeline pipeline;
        RunningOrchestrator orchestrator;
        TrainingCommandHandler commands;
        MarketBusBridge market;
        LiveModels liveModels;

        void closeQuietly(RuntimeException cause) {
            List<AutoCloseable> all = new ArrayList<>(Arrays.asList(liveModels, market, commands, orchestrator));
            all.addAll(trainings.values());
            for (AutoCloseable c : all) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception suppressed) {
                    cause.addSuppressed(suppressed);
                }
            }
        }
    }

    /** Starts everything on the caller's thread (SQLite, module loading: never the FX thread), on {@code <data dir>/concord.yaml}. */
    public static CoreSession start(ConcordRuntime engine, EventBus bus, SessionOptions options, boolean publishMarket, Consumer<String> progress) {
        return start(engine, bus, options, engine.dataDir().resolve(CONFIG_FILE), publishMarket, progress);
    }

    /**
     * Starts everything on {@code configFile} (written from the preset when it does not exist). The whole file is
     * validated first ({@link ConcordConfig}); a module that refuses its settings at initialize fails the start too,
     * naming the file and the module's line, instead of running in ERROR on a configuration nobody meant.
     */
    public static CoreSession start(ConcordRuntime engine, EventBus bus, SessionOptions options, Path configFile, boolean publishMarket,
                                    Consumer<String> progress) {
        if (!Files.exists(configFile)) {
            String preset = options.preset() == null ? "full" : options.preset();
            progress.accept("writing " + configFile.getFileName() + " from the " + preset + " preset");
            ConfigFiles.save(configFile, ConfigFiles.preset(preset));
        }
        progress.accept("reading " + configFile);
        Parts p = new Parts();
        p.engine = engine;
        p.bus = bus;
        p.dataDir = engine.dataDir();
        p.config = ConcordConfig.load(configFile, ModuleCatalog.fromClasspath()).on(options.venue());
        OrchestratorConfig cfg = p.config.orchestrator();
        try {
            progress.accept("opening the training coordinators of " + cfg.symbols());
            // one model per instrument (cnn-btcusd, cnn-ethusd, cnn-aapl), framed on the symbol's own bars; the options'
            // training configuration (tests, embedding) replaces its symbol's default
            FrameStore frames = new FrameStore(engine.database());
            ModelRepository models = new ModelRepository(engine.dataDir().resolve("models"));
            for (Symbol s : cfg.symbols()) {
                TrainingConfig tcfg = options.training() != null && options.training().symbol().equals(s) ? options.training()
                        : TrainingConfig.defaults(s, BundledMarket.decisionTimeframe(s, cfg.decisionTimeframe()));
                p.trainings.put(s, new TrainingCoordinator(engine.data(), frames, models, bus, engine.trainingQueues(), tcfg));
            }
            // the node: the pipeline (subscribed before the orchestrators: a bar's close reaches the desk before the
            // decision made on it), the bot switch of the data directory (a new one is OFF), one orchestrator per instrument
            p.orchestrator = RunningOrchestrator.start(engine, bus, configFile, p.config, p.trainings, options, progress);
            TradingPipeline pipeline = p.orchestrator.node().pipeline().acceptSettingsCommands(configFile);
            p.pipeline = pipeline;
            // one publisher per coordination engine: going live gives the pipeline a venue engine with its own books
            Map<CoordinationEngine, PortfolioPublisher> portfolios = new IdentityHashMap<>();
            pipeline.onBar((symbol, closeTime) -> portfolios.computeIfAbsent(pipeline.engine(), e -> new PortfolioPublisher(e, bus, pipeline::settings)).onBar(closeTime));
            p.commands = new TrainingCommandHandler(bus, List.copyOf(p.trainings.values()));
            p.market = publishMarket ? new MarketBusBridge(engine.data(), bus) : null;
            // live modes: the model in the registry with its saved switches, live sessions started from the Live panel
            // every instrument's model, each voting in (and switched in) its own symbol's orchestrator
            RunningOrchestrator running = p.orchestrator;
            p.liveModels = new LiveModels(engine.data(), bus, running::orchestrator, ModelToggles.inDataDir(engine.dataDir()),
                    new PivotsOverlay(engine.data()), pipeline.config().broker());
            p.trainings.values().forEach(p.liveModels::add);
        } catch (RuntimeException e) {
            // leave nothing running behind a failed start (the caller closes the engine and the bus)
            p.closeQuietly(e);
            throw e;
        }
        return new CoreSession(p);
    }

    private void publishStatus() {
        try {
            for (TradingOrchestrator o : orchestrator.orchestrators()) {
                bus.publish(OrchestratorTopics.MODULE_STATUS, o.statusReport(o.decisions(), 0));
            }
        } catch (RuntimeException e) {
            LOG.warn("module status heartbeat failed: {}", e.toString());
        }
    }

    /**
     * Switches the orchestrator to a whole preset (what a {@link PresetCommand} on the bus does): written to the
     * configuration file, the orchestrator rebuilt on it, the models registered again; the panel sees the new preset
     * at once. Blocking: call it off the FX thread.
     */
    public void switchPreset(String name) {
        try {
            orchestrator.switchTo(name);
            liveModels.rebind(orchestrator::orchestrator);
            publishStatus();
        } catch (RuntimeException e) {
            LOG.error("switching to the {} preset failed: {}", name, e.toString(), e);
        }
    }

    /** The first instrument's orchestrator running now (a preset switch replaces it); the trading pipeline follows it. */
    public TradingOrchestrator orchestrator() {
        return orchestrator.orchestrator();
    }

    /** {@code symbol}'s orchestrator (the first instrument's when {@code symbol} has none). */
    public TradingOrchestrator orchestrator(Symbol symbol) {
        return orchestrator.orchestrator(symbol);
    }

    /** The instruments the session decides, in configuration order (the watchlist's rows). */
    public List<Symbol> symbols() {
        return List.copyOf(trainings.keySet());
    }

    /** The validated configuration file this session started on (orchestrator and Binance feed sections). */
    public ConcordConfig config() {
        return config;
    }

    /** The first instrument's training coordinator (annotations, live modes). */
    public TrainingCoordinator training() {
        return trainings.values().iterator().next();
    }

    /** {@code symbol}'s training coordinator (the first instrument's when {@code symbol} has none). */
    public TrainingCoordinator training(Symbol symbol) {
        return trainings.getOrDefault(symbol, training());
    }

    /**
     * Where "save as pattern" from the annotation tab goes: the crash-pattern detector's library in the data
     * directory; the running module of every instrument is told to reload it.
     */
    public PatternSink patterns() {
        return (name, window) -> {
            try {
                PatternLibrary.inDataDir(dataDir).saveWindow(name, window);
            } catch (IOException e) {
                throw new UncheckedIOException("saving pattern '" + name + "': " + e.getMessage(), e);
            }
            // one library for every instrument (a crash shape is not tied to one symbol): each orchestrator reloads it
            for (TradingOrchestrator o : orchestrator.orchestrators()) {
                if (o.module("crash-pattern").isPresent()) {
                    o.command("crash-pattern", "reload", Map.of());
                }
            }
        };
    }

    /** The models of the live modes (live inference sessions, per-model switches). */
    public LiveModels liveModels() {
        return liveModels;
    }

    public TradingPipeline pipeline() {
        return pipeline;
    }

    /** Core's node this session runs (the pipeline and the orchestrators; a preset switch replaces the orchestrators). */
    public TradingNode node() {
        return orchestrator.node();
    }

    @Override
    public void close() {
        presetCommands.close();
        presets.shutdownNow();
        macroImports.close();
        heartbeat.shutdownNow();
        liveModels.close();
        if (market != null) {
            market.close();
        }
        trainingCommands.close();
        orchestrator.close(); // the node: orchestrators, then the pipeline
        trainings.values().forEach(TrainingCoordinator::close);
    }
}
