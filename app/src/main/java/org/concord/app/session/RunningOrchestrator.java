package org.concord.app.session;

import org.concord.app.training.CoordinatorStatusProvider;
import org.concord.bus.EventBus;
import org.concord.config.ConcordConfig;
import org.concord.engine.BotModeStore;
import org.concord.engine.ConcordRuntime;
import org.concord.engine.TradingNode;
import org.concord.engine.TradingPipelineConfig;
import org.concord.execution.PaperAccountStore;
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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The session's {@link TradingNode} (core's one composition: pipeline, one orchestrator per instrument, the training
 * models voting) built with the desk's recipe, and its preset file. A preset switch writes the preset to the
 * configuration file and has the node start new orchestrators on it, so everything the preset says applies — modules
 * and weights, fusion thresholds, threading, module settings — and the file, the log and the module panel agree, also
 * after a restart. The training coordinators and the pipeline (accounts, positions) stay; modules warm up again from
 * the stored bars.
 *
 * <p><b>One orchestrator per instrument</b> (the node's rule): every symbol of {@code orchestrator.symbols} decides
 * on its own bars (the configured decision timeframe, or the symbol's bar timeframe where that is longer: ETHUSD 5m,
 * AAPL 1d, see {@link BundledMarket}), with its own module instances and training model. Separate instances rather
 * than one orchestrator of three symbols because the instruments tick on different timeframes and clocks, a module
 * that fails on one must not stop the others, and the desk shows each symbol's module states. Decisions of the first
 * symbol feed the trading pipeline (the bot trades it); the others decide and publish their decisions and overlays.
 */
final class RunningOrchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningOrchestrator.class);
    /** How the orchestrator reports a module whose initialize refused its settings (a configuration error). */
    private static final String SETTINGS_REFUSED = "initialize failed: " + IllegalArgumentException.class.getName() + ": ";

    private final TradingNode node;
    private final Path configFile;
    private final SessionOptions options;

    private RunningOrchestrator(TradingNode node, Path configFile, SessionOptions options) {
        this.node = node;
        this.configFile = configFile;
        this.options = options;
    }

    /**
     * Starts the desk's node on {@code config}: the pipeline on its own thread with the bot switch of the data
     * directory, the training models voting, overlays published per orchestrator. A module that refuses its settings
     * at initialize fails the start, naming the file and the module's line.
     */
    static RunningOrchestrator start(ConcordRuntime engine, EventBus bus, Path configFile, ConcordConfig config,
                                     Map<Symbol, TrainingCoordinator> training, SessionOptions options, Consumer<String> progress) {
        OrchestratorConfig cfg = config.orchestrator();
        progress.accept("starting the orchestrators of " + cfg.symbols() + " (" + cfg.preset() + " preset)");
        TradingPipelineConfig pipeline = TradingPipelineConfig.defaults(cfg.decisionTimeframe(), cfg.symbols().get(0),
                cfg.performance().decisionHorizonBars()).withSettings(config.trading());
        // the person's paper account is kept in the data directory's store (restored here); the bot's starts fresh
        TradingNode.Builder b = TradingNode.builder(engine.data(), pipeline).live(bus, BotModeStore.inDataDir(engine.dataDir()))
                .paperAccounts(new PaperAccountStore(engine.database()))
                .configFile(configFile).decisionTimeframes(BundledMarket::decisionTimeframe)
                .configure((symbol, ob) -> {
                    TrainingCoordinator t = training.get(symbol);
                    if (t != null) {
                        ob.service(TrainingStatusProvider.class, new CoordinatorStatusProvider(t));
                    }
                });
        training.values().forEach(b::training);
        options.extraModules().forEach(b::module);
        RunningOrchestrator r = new RunningOrchestrator(b.start(cfg), configFile, options);
        for (TradingOrchestrator o : r.node.orchestrators()) {
            for (ModuleStatus m : o.modules()) {
                if (m.state() == ModuleState.ERROR && m.reason().startsWith(SETTINGS_REFUSED)) {
                    r.close();
                    throw config.moduleError(m.id(), m.reason().substring(SETTINGS_REFUSED.length()));
                }
            }
        }
        return r;
    }

    TradingNode node() {
        return node;
    }

    /** The first symbol's orchestrator (the one the trading pipeline follows). */
    TradingOrchestrator orchestrator() {
        return node.orchestrator();
    }

    /** {@code symbol}'s orchestrator, or the first one when {@code symbol} has none. */
    TradingOrchestrator orchestrator(Symbol symbol) {
        return node.orchestrator(symbol);
    }

    /** Every orchestrator, in configuration order. */
    List<TradingOrchestrator> orchestrators() {
        return node.orchestrators();
    }

    /**
     * Switches to the whole preset {@code name}: written to the configuration file (its other sections kept), the
     * running orchestrators closed and new ones started on it. Blocking (module loading): never on the FX thread.
     *
     * @return the new orchestrator
     */
    synchronized TradingOrchestrator switchTo(String name) {
        OrchestratorConfig next = ConfigFiles.preset(name);
        ConfigFiles.save(configFile, next);
        ConcordConfig written = ConcordConfig.load(configFile, ModuleCatalog.fromClasspath()); // the file as written must read back valid
        node.switchTo(written.on(next, options.venue()));
        LOG.info("preset switched to {} (written to {}): {} modules running per instrument, {} mode", name, configFile,
                orchestrator().modules().stream().filter(m -> m.state() == ModuleState.RUNNING).count(),
                next.synchronous() ? "synchronous" : "async");
        return orchestrator();
    }

    /** Closes the orchestrators and the pipeline. */
    @Override
    public void close() {
        node.close();
    }
}
