package org.concord.backtest;

import org.concord.bus.InProcessEventBus;
import org.concord.coordination.CoordinationConfig;
import org.concord.coordination.CoordinationResult;
import org.concord.coordination.UcbWeightLearner;
import org.concord.data.DataProvider;
import org.concord.engine.TradingNode;
import org.concord.engine.TradingPipeline;
import org.concord.engine.TradingPipelineConfig;
import org.concord.execution.FeeModel;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.SizingConfig;
import org.concord.execution.SlippageModel;
import org.concord.metrics.Synergy;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingQueues;
import org.concord.training.models.ModelRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the live code over history: a {@link MarketHistory} is replayed into a fresh session {@link DataProvider}
 * (its own SQLite file), which feeds the real {@link TradingOrchestrator} (the preset's modules, synchronous) and the
 * same {@link TradingPipeline} the desk runs (coordination → risk → PaperBroker), subscribed before the orchestrator so
 * that each bar close reaches the broker and the engine before the decision made on it. There is no backtest-only
 * decision path; what differs from live is configuration: the orchestrator runs synchronously on the replay thread and
 * its per-call time budget is lifted (a wall-clock rule would make results depend on the machine's load; throws and
 * non-finite outputs still strike).
 *
 * <pre>{@code
 * BacktestReport r = Backtester.builder(BacktestConfig.load(path)).build().run();
 * BacktestFiles.write(dir, "run", r);      // run.json, run-equity.csv, run-trades.csv
 * }</pre>
 *
 * <p>Cancelling: {@link #cancel()} (any thread) or {@link Builder#cancelWhen} is checked each time progress is due
 * (every 0.5 % of a replay), before each run (walk-forward window, synergy run) and before the report is returned;
 * {@link #run()} then throws a {@link CancellationException}. Everything the run opened is closed on the way out
 * (orchestrator, pipeline, DataProvider, its SQLite file) and only the run's own session directory is deleted.
 */
public final class Backtester {
    /** Per-call budget in a backtest (60 s): only a module that hangs is put aside, never one slowed by load. */
    public static final FaultPolicy LIFTED_BUDGET = new FaultPolicy(60_000_000, 3, 100, 20, 120_000);

    /** Told about the replay's progress: which run, events sent of the total. */
    @FunctionalInterface
    public interface Progress {
        void at(String run, long sent, long total);
    }

    private final BacktestConfig config;
    private final MarketHistory history;
    private final OrchestratorConfig orchestratorConfig;
    private final TradingPipelineConfig pipelineConfig;
    private final Map<String, Supplier<OrchestratorModule>> extraModules;
    private final Path workDir;
    private final Path models;
    private final TrainingConfig training;
    private final Progress progress;
    private volatile Consumer<TradingNode> onNode;
    private final BooleanSupplier cancelWhen;
    private volatile boolean cancelled;

    private Backtester(Builder b) {
        this.config = b.config;
        this.orchestratorConfig = orchestratorConfig(b.config);
        this.history = b.history != null ? b.history : BacktestData.resolve(b.config, b.store);
        if (!history.symbol().equals(Symbol.of(config.symbol()))) {
            throw new IllegalArgumentException("the data is " + history.symbol() + ", the config trades " + config.symbol());
        }
        this.pipelineConfig = pipelineConfig(b.config, orchestratorConfig);
        this.extraModules = Map.copyOf(b.modules);
        this.workDir = b.workDir;
        this.models = b.models;
        this.training = b.models == null ? null
                : b.training != null ? b.training : TrainingConfig.defaults(history.symbol(), orchestratorConfig.decisionTimeframe());
        if (training != null && !training.symbol().equals(history.symbol())) {
            throw new IllegalArgumentException("the model " + training.modelId() + " trades " + training.symbol() + ", the backtest " + history.symbol());
        }
        this.progress = b.progress;
        this.cancelWhen = b.cancelWhen;
    }

    /**
     * Asks the run to stop (any thread; sticky for this backtester): it ends at the next progress point with a
     * {@link CancellationException}.
     */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled || (cancelWhen != null && cancelWhen.getAsBoolean());
    }

    /** Throws if the run was asked to stop; {@code where} says how far it got (in the exception's message). */
    private void stopIfCancelled(String where) {
        if (cancelled()) {
            throw new CancellationException("backtest cancelled " + where + " (" + config.description() + ")");
        }
    }

    public static Builder builder(BacktestConfig config) {
        return new Builder(config);
    }

    public static final class Builder {
        private final BacktestConfig config;
        private MarketHistory history;
        private BarStore store;
        private final Map<String, Supplier<OrchestratorModule>> modules = new LinkedHashMap<>();
        private Path workDir;
        private Path models;
        private TrainingConfig training;
        private Progress progress;
        private BooleanSupplier cancelWhen;

        private Builder(BacktestConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("config is required");
            }
            this.config = config;
        }

        /** Replays this history instead of the config's {@code data}. */
        public Builder history(MarketHistory h) {
            this.history = h;
            return this;
        }

        /** The store {@code data: store} reads its 1m bars from. */
        public Builder store(BarStore s) {
            this.store = s;
            return this;
        }

        /** A module by hand (wins over a classpath module with the same id); name it in the config to use it. */
        public Builder module(String id, Supplier<OrchestratorModule> factory) {
            if (id == null || factory == null) {
                throw new IllegalArgumentException("id and factory are required");
            }
            modules.put(id, factory);
            return this;
        }

        /** Where the session stores go (default: the system temp directory); each run's is deleted after it. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /**
         * The desk's model repository ({@code <data dir>/models}): the symbol's training model, at its current
         * version, votes in the backtest as it does on the desk (a cold start abstains). Nothing is trained during a
         * run (a job finishing mid-replay would make the result depend on the machine's speed) and nothing is written
         * to the repository; the report names the version and whether it was trained on the range it trades.
         */
        public Builder models(Path repository) {
            return models(repository, null);
        }

        /** As {@link #models(Path)} with the model's own training configuration (frame spec, id) instead of the symbol's default. */
        public Builder models(Path repository, TrainingConfig config) {
            if (repository == null) {
                throw new IllegalArgumentException("the model repository directory is required");
            }
            this.models = repository;
            this.training = config;
            return this;
        }

        public Builder progress(Progress p) {
            this.progress = p;
            return this;
        }

        /** Stops the run (a {@link CancellationException} from {@code run()}) once this answers true; see {@link #cancel()}. */
        public Builder cancelWhen(BooleanSupplier c) {
            if (c == null) {
                throw new IllegalArgumentException("cancelWhen needs a condition");
            }
            this.cancelWhen = c;
            return this;
        }

        public Backtester build() {
            return new Backtester(this);
        }
    }

    // ---------------------------------------------------------------- configuration

    static OrchestratorConfig orchestratorConfig(BacktestConfig c) {
        OrchestratorConfig o = c.orchestratorConfig() != null ? ConfigFiles.load(Path.of(c.orchestratorConfig())) : ConfigFiles.preset(c.preset());
        for (String id : c.enable()) {
            o = o.withModuleEnabled(id, true);
        }
        for (String id : c.disable()) {
            o = o.withModuleEnabled(id, false);
        }
        return o.withSymbols(List.of(Symbol.of(c.symbol()))).withSynchronous(true).withFaults(LIFTED_BUDGET);
    }

    static TradingPipelineConfig pipelineConfig(BacktestConfig c, OrchestratorConfig o) {
        Timeframe tf = o.decisionTimeframe();
        List<Integer> horizons = c.horizons() != null ? c.horizons() : List.of(o.performance().decisionHorizonBars());
        PaperBrokerConfig broker = new PaperBrokerConfig(c.initialCash(), "USD", new FeeModel(c.makerBps(), c.takerBps()),
                SlippageModel.fixedBps(c.slippageBps()), PaperBrokerConfig.FillSource.BARS, tf, 0, c.allowShort());
        TradingPipelineConfig p = TradingPipelineConfig.defaults(tf, Symbol.of(c.symbol()), horizons.get(0)).withHorizons(horizons)
                .withSignalSize(c.signalSize()).withRiskLimits(c.riskLimits()).withBroker(broker);
        return p.withSourceSignals(c.coordination().sourceSignals()).withCoordination(coordination(p.coordination(), c.coordination()));
    }

    /** {@code base} with the backtest's coordination choices applied. */
    static CoordinationConfig coordination(CoordinationConfig base, BacktestConfig.Coordination c) {
        SizingConfig sizing = base.sizing().withMethod("kelly".equals(c.sizing()) ? SizingConfig.Method.KELLY : SizingConfig.Method.FIXED_FRACTIONAL);
        if (c.minMetaConfidence() != null) {
            sizing = sizing.withMinMetaConfidence(c.minMetaConfidence());
        }
        if (c.vpinThreshold() != null) {
            sizing = sizing.withVpinThreshold(c.vpinThreshold());
        }
        UcbWeightLearner.Mode mode = UcbWeightLearner.Mode.valueOf(c.learner().toUpperCase(Locale.ROOT));
        CoordinationConfig out = base.withSizing(sizing).withLearner(base.learner().withMode(mode));
        return c.resizeBand() == null ? out : out.withCoordinator(out.coordinator().withResizeBand(c.resizeBand()));
    }

    public MarketHistory history() {
        return history;
    }

    public TradingPipelineConfig pipelineConfig() {
        return pipelineConfig;
    }

    public OrchestratorConfig orchestratorConfig() {
        return orchestratorConfig;
    }

    // ---------------------------------------------------------------- runs

    /**
     * As {@link #run()}, telling {@code observer} each run's node once it is started, before the replay (on the
     * run's thread): where a decision and order log hangs on the orchestrator and the bot's account ({@link RunLog}).
     */
    public BacktestReport run(Consumer<TradingNode> observer) {
        if (observer == null) {
            throw new IllegalArgumentException("observer is null");
        }
        onNode = observer;
        try {
            return run();
        } finally {
            onNode = null;
        }
    }

    /** Runs the backtest the config describes: one range (with synergy runs when asked) or walk-forward windows. */
    public BacktestReport run() {
        stopIfCancelled("before it started");
        List<BacktestReport.ModuleSummary> modules = new ArrayList<>();
        if (config.walkForward() != null) {
            List<BacktestReport.Window> windows = walkForward(modules);
            stopIfCancelled("after its last window");
            return report(null, null, windows, modules);
        }
        long from = Math.max(config.fromMillis(), history.firstTime());
        long to = Math.min(config.toMillis(), history.lastTime() + 1);
        if (from >= to) {
            throw new IllegalArgumentException("no data from " + (config.from() == null ? "the start" : config.from()) + " to "
                    + (config.to() == null ? "the end" : config.to()) + ": the data runs from " + Instant.ofEpochMilli(history.firstTime())
                    + " to " + Instant.ofEpochMilli(history.lastTime()));
        }
        long replayFrom = config.warmup() == null ? from : from - config.warmupMillis();
        long tradeFrom = config.warmup() == null ? Long.MIN_VALUE : from;
        BacktestReport.Run combined = runOnce("combined", pipelineConfig, replayFrom, tradeFrom, to, modules);
        Synergy synergy = null;
        if (config.synergy()) {
            Map<String, Double> alonePnl = new LinkedHashMap<>();
            Map<String, Double> aloneSharpe = new LinkedHashMap<>();
            for (int h : pipelineConfig.horizons()) {
                String book = TradingPipelineConfig.bucketOf(pipelineConfig.timeframe(), h).book();
                BacktestReport.Run alone = runOnce(book + " alone", pipelineConfig.withHorizons(List.of(h)), replayFrom, tradeFrom, to,
                        new ArrayList<>());
                alonePnl.put(book, pnl(alone));
                aloneSharpe.put(book, alone.coordination().metrics().sharpe());
            }
            synergy = Synergy.of(pnl(combined), combined.coordination().metrics().sharpe(), alonePnl, aloneSharpe);
        }
        stopIfCancelled("after its last run"); // a cancel that arrives while the report is made still wins
        return report(combined, synergy, null, modules);
    }

    private BacktestReport report(BacktestReport.Run run, Synergy synergy, List<BacktestReport.Window> windows,
                                  List<BacktestReport.ModuleSummary> modules) {
        long tradedFrom = Math.max(config.fromMillis(), history.firstTime());
        long tradedTo = Math.min(config.toMillis(), history.lastTime() + 1);
        BacktestModel model = models == null ? null : BacktestModel.of(new ModelRepository(models), training.modelId(), tradedFrom, tradedTo);
        return new BacktestReport(BacktestReport.FORMAT_VERSION, config, ConfigFiles.toTree(orchestratorConfig), pipelineConfig,
                history.description(), modules, model, run, synergy, windows);
    }

    private static double pnl(BacktestReport.Run r) {
        double[] e = r.coordination().equity().equity();
        double start = ((PaperBrokerConfig) r.coordination().broker()).initialCash();
        return e.length == 0 ? 0 : e[e.length - 1] - start;
    }

    /** The rolling windows over the data (bounded by from/to): each a fresh run over train + test, trading the test part. */
    public List<long[]> windows() {
        BacktestConfig.WalkForward wf = config.walkForward();
        if (wf == null) {
            throw new IllegalStateException("the config has no walkForward section");
        }
        long start = Math.max(config.fromMillis(), history.firstTime());
        long end = Math.min(config.toMillis(), history.lastTime() + 1);
        List<long[]> out = new ArrayList<>();
        for (long t = start; t + wf.trainMillis() + wf.testMillis() <= end; t += wf.stepMillis()) {
            out.add(new long[] {t, t + wf.trainMillis(), t + wf.trainMillis() + wf.testMillis()});
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("walk-forward: train " + wf.train() + " + test " + wf.test() + " does not fit in the data range ("
                    + Instant.ofEpochMilli(start) + " to " + Instant.ofEpochMilli(end) + ")");
        }
        return out;
    }

    private List<BacktestReport.Window> walkForward(List<BacktestReport.ModuleSummary> modules) {
        List<BacktestReport.Window> out = new ArrayList<>();
        List<long[]> ws = windows();
        for (int k = 0; k < ws.size(); k++) {
            long[] w = ws.get(k);
            modules.clear();
            BacktestReport.Run r = runOnce("window " + (k + 1) + "/" + ws.size(), pipelineConfig, w[0], w[1], w[2], modules);
            out.add(new BacktestReport.Window(k + 1, w[0], w[1], w[2], r));
        }
        return out;
    }

    /**
     * One fresh replay of {@code [replayFrom, to)}: bars and decisions up to {@code tradeFrom} reach the orchestrator
     * only (warm-up, training window).
     */
    BacktestReport.Run runOnce(String name, TradingPipelineConfig pcfg, long replayFrom, long tradeFrom, long to,
                               List<BacktestReport.ModuleSummary> modulesOut) {
        stopIfCancelled("before " + name); // between walk-forward windows and synergy runs: nothing opened yet
        MarketHistory part = history.range(replayFrom, to);
        Path dir = sessionDir();
        long[] actions = new long[Action.values().length]; // per ordinal: nothing boxed per decision
        long[] made = new long[2];
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("session.db"));
             DataProvider data = DataProvider.transientSession(new BarStore(db)); // the session dir is deleted after the run
             TrainingCoordinator model = model(data, db);
             TradingNode node = node(data, pcfg, tradeFrom, model).start(orchestratorConfig)) {
            TradingPipeline pipeline = node.pipeline();
            TradingOrchestrator orch = node.orchestrator();
            orch.onDecision(d -> {
                made[0]++;
                if (d.time() > tradeFrom) {
                    made[1]++;
                    actions[d.action().ordinal()]++;
                }
            });
            Consumer<TradingNode> observer = onNode;
            if (observer != null) {
                observer.accept(node);
            }
            int every = Math.max(1, part.events() / 200);
            // the cancel check rides on the progress points: thrown out of the replay, the try blocks close everything
            part.replay(data, 0, part.events(), (sent, total) -> {
                if (progress != null) {
                    progress.at(name, sent, total);
                }
                if (cancelled()) {
                    stopIfCancelled(String.format(Locale.ROOT, "in %s at %,d of %,d events", name, sent, total));
                }
            }, every);
            if (pipeline.failures() > 0) {
                throw new IllegalStateException("backtest " + name + ": the trading pipeline failed " + pipeline.failures()
                        + " time(s); first: " + pipeline.firstFailure(), pipeline.firstFailure());
            }
            for (ModuleStatus m : orch.modules()) {
                modulesOut.add(new BacktestReport.ModuleSummary(m.id(), m.kind(), m.version(), m.state().name(), m.reason(), m.weight()));
            }
            CoordinationResult result = CoordinationResult.of(config.description() + " (" + name + ")", pipeline.engine(), pcfg.broker(), null);
            Map<String, Long> acts = new LinkedHashMap<>();
            for (Action a : Action.values()) {
                acts.put(a.name(), actions[a.ordinal()]);
            }
            long traded = tradeFrom == Long.MIN_VALUE ? part.firstTime() : tradeFrom;
            // the same bars the pipeline traded, for the baselines beside the result
            BacktestBaselines baselines = BacktestBaselines.of(result.metrics().totalReturn(),
                    data.bars(history.symbol(), pcfg.timeframe(), traded, to - 1, Integer.MAX_VALUE, Direction.LATEST),
                    acts, pcfg.horizons().get(0), config.takerBps() / 100.0 + config.slippageBps() / 100.0);
            return new BacktestReport.Run(part.firstTime(), traded, to, part.events(), pipeline.bars(), made[0], made[1], acts, result, baselines);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The run's node: the composition the desk runs, on this run's data, trading from {@code tradeFrom}. */
    private TradingNode.Builder node(DataProvider data, TradingPipelineConfig pcfg, long tradeFrom, TrainingCoordinator model) {
        TradingNode.Builder b = TradingNode.builder(data, pcfg).tradeFrom(tradeFrom);
        extraModules.forEach(b::module);
        return model == null ? b : b.training(model);
    }

    /** The run's training model (none without {@link Builder#models}): frames go to the run's own store, training is off. */
    private TrainingCoordinator model(DataProvider data, SqliteDatabase db) {
        if (models == null) {
            return null;
        }
        TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(models), new InProcessEventBus(),
                new TrainingQueues(), training); // its own queue: this model never trains during a run
        c.setAutoTraining(false);
        return c;
    }

    private Path sessionDir() {
        try {
            return workDir == null ? Files.createTempDirectory("concord-backtest-")
                    : Files.createTempDirectory(Files.createDirectories(workDir), "backtest-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a backtest session directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
