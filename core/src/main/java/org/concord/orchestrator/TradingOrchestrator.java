package org.concord.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.model.InferenceFrameReference;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.SharedModuleState;
import org.concord.threads.CallbackArray;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingSubscriber;
import org.concord.training.TrainingTrigger;
import org.concord.training.frames.Frame;
import org.concord.training.models.ModelVote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The orchestrator: a registry of modules and models with weights, decision fusion, decision callbacks, performance
 * tracking, state building and live module toggling, all driven by one decision thread.
 *
 * <pre>{@code
 * TradingOrchestrator orch = TradingOrchestrator.on(engine.data(), ConfigFiles.load(path), bus, path);
 * orch.onDecision(d -> ...);
 * orch.start();                       // loads the enabled modules, subscribes to the DataProvider
 * orch.disable("pivots").join();      // from any thread; applies between two decisions, persisted to path
 * }</pre>
 *
 * <p>Same input and configuration give the same decisions: decisions depend only on event data (the decision clock
 * is data time), the sources run in configuration order, and the only timing-dependent rule — a source put aside
 * after overrunning its budget — is reported as a state change when it happens.
 */
public final class TradingOrchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingOrchestrator.class);

    private final OrchestratorConfig initialConfig;
    private final DataProvider data;
    private final EventBus bus;
    private final DecisionEngine engine;
    private final DecisionLoop loop;
    private final ModuleControl control;
    private final TrainingHub training;
    @SuppressWarnings("unchecked")
    private final CallbackArray<Consumer<Decision>> decisionListeners = new CallbackArray<>(Consumer[]::new);
    private final List<Consumer<ModuleStateChanged>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final UntradedSymbols untraded;
    private volatile boolean started;
    private volatile boolean closed;
    private long lastReportSeq;

    TradingOrchestrator(OrchestratorBuilder b) {
        OrchestratorConfig filed = b.config;
        b = b.instrument == null ? b : b.narrowed();
        this.initialConfig = b.config;
        // a narrowed orchestrator's siblings decide the file's other instruments: their bars are not untraded
        this.untraded = new UntradedSymbols(filed.symbols());
        this.data = b.data;
        this.bus = b.bus;
        SourceRegistry registry = new SourceRegistry();
        this.engine = new DecisionEngine(b.config, b.data, registry, new DecisionEngine.Publisher() {
            @Override
            public void decision(Decision d) {
                publishDecision(d);
            }

            @Override
            public void stateChanged(ModuleStateChanged c) {
                publishState(c);
            }
        }, b.clocks);
        this.loop = new DecisionLoop(engine, b.config.synchronous(), b.config.queueCapacity(), b.config.faults().hardLimitMillis());
        engine.bindLoop(loop);
        Map<Class<?>, Object> given = new HashMap<>(b.services);
        given.put(SharedModuleState.class, new SharedModuleState()); // this orchestrator's own: one decision thread
        Map<Class<?>, Object> services = Map.copyOf(given);
        ModuleContext.Services lookup = new ModuleContext.Services() {
            @Override
            public <T> Optional<T> get(Class<T> type) {
                return Optional.ofNullable(type.cast(services.get(type)));
            }
        };
        this.control = new ModuleControl(b.config, engine, registry, b.catalog, b.data, lookup, b.explain, b.configFile, filed);
        control.wakeWith(loop::wake);
        this.training = new TrainingHub(engine);
        b.training.forEach(training::attach);
    }

    public static OrchestratorBuilder builder(OrchestratorConfig config) {
        return new OrchestratorBuilder(config);
    }

    /** An orchestrator over {@code data}, with the classpath's modules; not started yet. */
    public static TradingOrchestrator on(DataProvider data, OrchestratorConfig config, EventBus bus, Path configFile) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return builder(config).data(data).bus(bus).configFile(configFile).build();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Loads the enabled modules (on this thread), starts the decision thread and subscribes to the feeds. */
    public synchronized TradingOrchestrator start() {
        if (started) {
            throw new IllegalStateException("orchestrator already started");
        }
        if (closed) {
            throw new IllegalStateException("orchestrator is closed");
        }
        started = true;
        // subscribed before the history is read from the DataProvider (a feed may be running: a preset switch): a bar
        // closing in between is in both (the history keeps one), never in neither; modules load and warm up from it
        loop.start(() -> {
            subscribeFeeds();
            if (data != null) {
                StartHistory.seed(engine, data, initialConfig.symbols());
            }
            control.loadAtStart();
            training.start(control);
            engine.applyCommands();
        });
        if (bus != null) {
            subscriptions.add(bus.subscribe(OrchestratorTopics.MODULE_COMMANDS, this::onCommand));
        }
        LOG.info("orchestrator started ({} preset, {} mode, {} modules running)", initialConfig.preset(),
                loop.synchronous() ? "synchronous" : "async", control.running());
        return this;
    }

    private void subscribeFeeds() {
        if (data == null) {
            return;
        }
        subscriptions.add(data.subscribeBarCloses(new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                TradingOrchestrator.this.onBarClose(s, tf, t, o, h, l, c, v);
            }

            @Override
            public void onSessionReset(Symbol s, long time) {
                if (engine.isDecisionSymbol(s)) {
                    loop.sessionReset(s, time); // in order with the bars: those after it are the new timeline's
                }
            }
        }));
        if (initialConfig.feedTrades()) {
            subscriptions.add(data.subscribeTrades(this::onTrade));
        }
        if (initialConfig.feedBooks()) {
            subscriptions.add(data.subscribeBooks(this::onBook));
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Subscription::close);
        loop.stop();
        control.close();
    }

    /** Every source's status now, naming the instrument when this orchestrator decides one symbol. */
    public ModuleStatusReport statusReport(long afterSeq, long dataTime) {
        List<Symbol> symbols = initialConfig.symbols();
        return new ModuleStatusReport(afterSeq, dataTime, control.config().preset(), modules(), symbols.size() == 1 ? symbols.get(0).code() : "");
    }

    // ---------------------------------------------------------------- input (feeds, backtester)

    /**
     * A closed bar; a decision follows when it is of the decision timeframe and a decision symbol. Bars of timeframes
     * no loaded module asked for are not handed over (a module loaded later is warmed up without them).
     */
    public void onBarClose(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        if (!engine.isDecisionSymbol(s)) {
            untraded.barFor(s);
        } else if (engine.wantsTimeframe(tf)) {
            loop.bar(s, tf, openTime, o, h, l, c, v);
        }
    }

    public void onTrade(Symbol s, long time, double price, double size, boolean buyerMaker) {
        if (engine.isDecisionSymbol(s)) {
            loop.trade(s, time, price, size, buyerMaker);
        }
    }

    public void onBook(OrderBookSnapshot book) {
        if (engine.isDecisionSymbol(book.symbol())) {
            loop.book(book);
        }
    }

    /** Waits until all events handed over so far are processed (and pending commands applied). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return loop.awaitIdle(timeout, unit);
    }

    // ---------------------------------------------------------------- output

    /** Decisions, on the decision thread, in order. Keep the callback short. */
    public Subscription onDecision(Consumer<Decision> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        decisionListeners.add(listener);
        return () -> decisionListeners.remove(listener);
    }

    public Subscription onStateChange(Consumer<ModuleStateChanged> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    private void publishDecision(Decision d) {
        for (Consumer<Decision> l : decisionListeners.items()) {
            try {
                l.accept(d);
            } catch (RuntimeException e) {
                LOG.error("decision listener failed on #{}: {}", d.seq(), e.toString(), e);
            }
        }
        if (bus != null) {
            bus.publish(OrchestratorTopics.DECISIONS, d);
            if (d.seq() - lastReportSeq >= 500) {
                lastReportSeq = d.seq();
                bus.publish(OrchestratorTopics.MODULE_STATUS, statusReport(d.seq(), d.time()));
            }
        }
    }

    private void publishState(ModuleStateChanged c) {
        for (Consumer<ModuleStateChanged> l : stateListeners) {
            try {
                l.accept(c);
            } catch (RuntimeException e) {
                LOG.error("state listener failed: {}", e.toString(), e);
            }
        }
        if (bus != null) {
            bus.publish(OrchestratorTopics.MODULE_STATES, c);
            if (started) {
                bus.publish(OrchestratorTopics.MODULE_STATUS, statusReport(c.afterSeq(), c.dataTime()));
            }
        }
    }

    private void onCommand(ModuleCommand c) {
        try {
            switch (c.command()) {
                case ModuleCommand.ENABLE -> enable(c.moduleId());
                case ModuleCommand.DISABLE -> disable(c.moduleId());
                case ModuleCommand.WEIGHT -> setWeight(c.moduleId(), Double.parseDouble(c.args().getOrDefault("weight", "")));
                default -> command(c.moduleId(), c.command(), c.args());
            }
        } catch (RuntimeException e) {
            LOG.warn("command {} refused: {}", c, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- control (any thread)

    /** Switches a module on (lazily loading it on first enable); applies between two decisions; persisted. */
    public CompletableFuture<ToggleResult> enable(String moduleId) {
        return control.enable(moduleId);
    }

    /** Switches a module off: it is not called at all from the next decision on; persisted. */
    public CompletableFuture<ToggleResult> disable(String moduleId) {
        return control.disable(moduleId);
    }

    /**
     * Replaces a module's settings, persisted: a running module is replaced by a fresh instance initialized with them
     * (off the decision thread, swapped in between two decisions); a module that is not running takes them at its next
     * load. Settings the module refuses at initialize change nothing: the future fails with its message.
     */
    public CompletableFuture<ToggleResult> configure(String moduleId, JsonNode settings) {
        return control.configure(moduleId, settings);
    }

    public CompletableFuture<Void> setWeight(String sourceId, double weight) {
        return control.setWeight(sourceId, weight);
    }

    /** A module-specific command (e.g. {@code trigger} on "training"), run on the decision thread. */
    public CompletableFuture<String> command(String moduleId, String name, Map<String, String> args) {
        return control.command(moduleId, name, args);
    }

    /** Adds a model, or swaps in a new version of one, between two decisions. */
    public CompletableFuture<Void> registerModel(Model model, double weight) {
        return control.registerModel(model, weight);
    }

    public CompletableFuture<Boolean> unregisterModel(String modelId) {
        return control.unregisterModel(modelId);
    }

    // ---------------------------------------------------------------- training (merged coordination, any thread)

    /**
     * Stores a frame reference built elsewhere (a module's inference, an import) with the coordinator of its model
     * (else of its symbol). The attached models store theirs on every inference by themselves. Never blocks: the
     * write happens on the coordinator's frames thread.
     */
    public InferenceFrameReference storeInferenceFrame(InferenceFrameReference ref) {
        return training.storeInferenceFrame(ref);
    }

    /** Stores the frame a model saw with its signal (reference built and written by {@code modelId}'s coordinator). */
    public InferenceFrameReference storeInferenceFrame(String modelId, Frame frame, ModelVote signal) {
        return training.storeInferenceFrame(modelId, frame, signal);
    }

    /** Training events of the attached coordinators, of the given types (all when empty or null). */
    public Subscription subscribeTrainingEvents(Consumer<TrainingEvent> callback, Set<TrainingEventType> types) {
        return training.subscribeTrainingEvents(callback, types);
    }

    /** Starts training now ({@code onRequest}) or on a count/schedule rule, on every attached coordinator; close to remove a rule. */
    public Subscription triggerTrainingOnEvent(TrainingTrigger trigger) {
        return training.triggerTrainingOnEvent(trigger);
    }

    /** Matured frames with the candle that matured them, and confirmed Williams pivots (see TrainingSubscriber). */
    public Subscription subscribeTraining(TrainingSubscriber subscriber) {
        return training.subscribeTraining(subscriber);
    }

    /** True when a training coordinator for {@code modelId} was attached with {@link Builder#training}. */
    public boolean hasTrainingModel(String modelId) {
        return training.model(modelId) != null;
    }

    /** The coordinator attached for {@code modelId} (status, versions, activate). */
    public TrainingCoordinator trainingCoordinator(String modelId) {
        return training.coordinator(modelId);
    }

    /** Inferences the attached model {@code modelId} has made on the decision thread (each stored a frame). */
    public long inferences(String modelId) {
        CoordinatorModel m = training.model(modelId);
        if (m == null) {
            throw new IllegalArgumentException("no training coordinator attached for model '" + modelId + "'");
        }
        return m.inferences();
    }

    // ---------------------------------------------------------------- queries (any thread)

    /** Every source's status: configured modules in order, other catalog modules (NOT_LOADED), then models. */
    public List<ModuleStatus> modules() {
        return control.statuses();
    }

    public Optional<ModuleStatus> module(String id) {
        return modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The configuration as it is now (toggles included). */
    public OrchestratorConfig config() {
        return control.config();
    }

    public Map<String, SourcePerformance> performance() {
        return engine.tracker.snapshot();
    }

    /** The state vector of the last decision for {@code symbol}, or null before the first. */
    public StateVector lastState(Symbol symbol) {
        return engine.lastState(symbol);
    }

    /** Decisions made so far (the last decision's seq). */
    public long decisions() {
        return engine.seq();
    }

    /** Events waiting for the decision thread (0 in synchronous mode). */
    public int queued() {
        return loop.queued();
    }
}
