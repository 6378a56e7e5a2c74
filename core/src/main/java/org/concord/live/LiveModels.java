package org.concord.live;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Symbol;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.threads.Daemons;
import org.concord.training.ModelNote;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingStatus;
import org.concord.training.models.ModelVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The desk's models for the live modes: each trained model ({@link TrainingCoordinator}) votes in the orchestrator
 * of its symbol, which infers it on the decision thread (attached by the node's builder, {@code TradingNode}: one
 * inference per decision bar, the only path a model's vote takes); here its two switches are applied and persisted
 * ({@link ModelToggles}: inference → weight 1 or 0 in the fusion; training → the coordinator's automatic training),
 * and live-inference sessions are started and stopped per model. Commands arrive on {@link LiveTopics#COMMANDS};
 * the model rows go out on {@link LiveTopics#MODELS} after each change and every second. With one orchestrator per
 * instrument, each model is registered with (and switched in) the orchestrator of its own symbol.
 */
public final class LiveModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveModels.class);

    private final DataProvider data;
    private final EventBus bus;
    /** A model's symbol → the orchestrator it votes in (null: none); looked up at each use, so it follows a rebuild. */
    private volatile Function<Symbol, TradingOrchestrator> orchestrators;
    private final ModelToggles toggles;
    private final OverlaySource pivots;
    private final PaperBrokerConfig paper;
    private final Map<String, TrainingCoordinator> models = new LinkedHashMap<>();
    private final Map<String, LiveInferenceSession> sessions = new LinkedHashMap<>();
    private final Map<String, String> gaps = new ConcurrentHashMap<>();
    private final Subscription commands;
    private final ScheduledExecutorService timer;

    /**
     * @param orchestrators a symbol's orchestrator, where that symbol's models vote (one per instrument; null: none)
     * @param pivots        confirmed pivots for pivot training (the pivots module's overlay); null disables that mode
     * @param paper         the desk's paper-account settings (each live session's account takes its cash and costs)
     */
    public LiveModels(DataProvider data, EventBus bus, Function<Symbol, TradingOrchestrator> orchestrators, ModelToggles toggles, OverlaySource pivots,
                      PaperBrokerConfig paper) {
        if (data == null || bus == null || toggles == null || paper == null) {
            throw new IllegalArgumentException("data, bus, toggles and the paper-account settings are required");
        }
        this.paper = paper;
        this.data = data;
        this.bus = bus;
        this.orchestrators = orchestrators;
        this.toggles = toggles;
        this.pivots = pivots;
        this.commands = bus.subscribe(LiveTopics.COMMANDS, this::onCommand);
        this.timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("concord-live-models"));
        timer.scheduleAtFixedRate(this::publishSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** Adds a model: its switches applied from the saved toggles (it votes where its symbol's orchestrator runs it). */
    public synchronized void add(TrainingCoordinator model) {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        String id = model.config().modelId();
        if (models.containsKey(id)) {
            throw new IllegalArgumentException("model '" + id + "' is already on the desk");
        }
        ModelToggles.Toggle t = toggles.get(id);
        model.setAutoTraining(t.training());
        models.put(id, model);
        register(model);
        publishSafely();
    }

    /**
     * The session replaced its orchestrators (a preset switch rebuilt them): every model is registered again with its
     * symbol's, its saved switches applied again.
     */
    public synchronized void rebind(Function<Symbol, TradingOrchestrator> next) {
        this.orchestrators = next;
        models.values().forEach(this::register);
        publishSafely();
    }

    private TradingOrchestrator orchestratorOf(TrainingCoordinator model) {
        Function<Symbol, TradingOrchestrator> f = orchestrators;
        return f == null ? null : f.apply(model.config().symbol());
    }

    private void register(TrainingCoordinator model) {
        TradingOrchestrator orchestrator = orchestratorOf(model);
        String id = model.config().modelId();
        if (orchestrator == null || !orchestrator.hasTrainingModel(id)) {
            LOG.info("model {} is not a decision source of any orchestrator (its symbol is not decided): it does not vote", id);
            return;
        }
        orchestrator.setWeight(id, toggles.get(id).inference() ? 1.0 : 0.0);
    }

    /** Removes a model at runtime (its live session stops; its saved switches stay for next time). */
    public synchronized void remove(String modelId) {
        stop(modelId);
        TrainingCoordinator model = models.remove(modelId);
        TradingOrchestrator orchestrator = model == null ? null : orchestratorOf(model);
        if (orchestrator != null && orchestrator.hasTrainingModel(modelId)) {
            orchestrator.setWeight(modelId, 0.0); // the orchestrator runs it: silenced, not unregistered
        }
        publishSafely();
    }

    /**
     * Starts a live mode of a model (a running session of that model is stopped first). The session follows the
     * node's inferences of the model, so a model whose symbol no orchestrator decides cannot have one: refused.
     */
    public synchronized LiveInferenceSession start(String modelId, LiveMode mode, LiveInferenceSession.Config config) {
        TrainingCoordinator model = entry(modelId);
        if (mode == LiveMode.PIVOT_TRAINING && pivots == null) {
            throw new IllegalArgumentException("pivot training needs the pivots overlay, which this desk does not have");
        }
        TradingOrchestrator orchestrator = orchestratorOf(model);
        if (orchestrator == null || !orchestrator.hasTrainingModel(modelId)) {
            throw new IllegalArgumentException("model '" + modelId + "' is not run by the node (no orchestrator decides "
                    + model.config().symbol().code() + "), so there are no inferences to follow");
        }
        stop(modelId);
        LiveInferenceSession s = new LiveInferenceSession(data, bus, model, pivots, paper,
                config == null ? LiveInferenceSession.Config.defaults(mode) : config);
        sessions.put(modelId, s);
        s.start();
        publishSafely();
        return s;
    }

    public synchronized void stop(String modelId) {
        LiveInferenceSession s = sessions.remove(modelId);
        if (s != null) {
            s.close();
            publishSafely();
        }
    }

    public synchronized LiveInferenceSession session(String modelId) {
        return sessions.get(modelId);
    }

    /** The inference switch: on → the model votes with weight 1; off → weight 0 (it does not vote). Persisted. */
    public synchronized void setInference(String modelId, boolean on) {
        TradingOrchestrator orchestrator = orchestratorOf(entry(modelId));
        toggles.setInference(modelId, on);
        if (orchestrator != null) {
            orchestrator.setWeight(modelId, on ? 1.0 : 0.0)
                    .whenComplete((v, ex) -> { if (ex != null) { LOG.warn("weight of {} not set: {}", modelId, ex.toString()); } });
        }
        LOG.info("model {} inference {}", modelId, on ? "on" : "off");
        publishSafely();
    }

    /** The training switch: on → automatic and live training reach the model; off → they are skipped. Persisted. */
    public synchronized void setTraining(String modelId, boolean on) {
        TrainingCoordinator model = entry(modelId);
        toggles.setTraining(modelId, on);
        model.setAutoTraining(on);
        LOG.info("model {} training {}", modelId, on ? "on" : "off");
        publishSafely();
    }

    private TrainingCoordinator entry(String modelId) {
        TrainingCoordinator e = models.get(modelId);
        if (e == null) {
            throw new IllegalArgumentException("no model '" + modelId + "' on the desk (known: " + models.keySet() + ")");
        }
        return e;
    }

    /** The rows of the module panel, in the order models were added. */
    public synchronized List<ModelInfo> models() {
        List<ModelInfo> out = new ArrayList<>();
        for (TrainingCoordinator m : models.values()) {
            String id = m.config().modelId();
            TrainingStatus st = m.status();
            long trained = 0;
            List<ModelVersionStore.VersionRow> rows = m.versions().list(id);
            for (ModelVersionStore.VersionRow r : rows) {
                trained = Math.max(trained, r.createdAt());
            }
            ModelToggles.Toggle t = toggles.get(id);
            LiveInferenceSession s = sessions.get(id);
            out.add(new ModelInfo(id, m.config().symbol().code(), st.activeVersion(), t.inference(), t.training(), trained,
                    st.live().accuracy(), st.live().majorityRate(), st.live().n(), s != null && s.running(), s == null ? null : s.config().mode(), ModelNote.of(st, rows, v -> gap(m, v))));
        }
        return out;
    }

    /** A saved version's gap to the promotion gate; its manifest never changes, so it is read once (the rows go out every second). */
    private String gap(TrainingCoordinator m, String version) {
        return gaps.computeIfAbsent(m.config().modelId() + "/" + version, k -> ModelNote.gapOf(m, version));
    }

    private void publishSafely() {
        try {
            bus.publish(LiveTopics.MODELS, new ModelInfoReport(models()));
        } catch (RuntimeException e) {
            LOG.warn("model rows not published: {}", e.toString());
        }
    }

    private void onCommand(LiveCommand c) {
        try {
            switch (c.action()) {
                case LiveCommand.START -> start(c.modelId(), c.mode(), null);
                case LiveCommand.STOP -> stop(c.modelId());
                case LiveCommand.INFERENCE -> setInference(c.modelId(), c.on());
                case LiveCommand.TRAINING -> setTraining(c.modelId(), c.on());
                default -> throw new IllegalArgumentException("unknown action " + c.action());
            }
        } catch (RuntimeException e) {
            LOG.warn("live command {} refused: {}", c, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        commands.close();
        timer.shutdownNow();
        for (String id : new ArrayList<>(sessions.keySet())) {
            stop(id);
        }
    }
}
