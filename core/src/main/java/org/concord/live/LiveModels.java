package org.concord.live;

import org.concord.bus.EventBus;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingStatus;
import org.concord.training.models.ModelVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The desk's models for the live modes: each trained model ({@link TrainingCoordinator}) is registered in the
 * orchestrator as a {@link LiveModelSource} (so the registry lists it), its two switches are applied and persisted
 * ({@link ModelToggles}: inference → weight 1 or 0 in the fusion; training → the coordinator's automatic training),
 * and live-inference sessions are started and stopped per model. Commands arrive on {@link LiveTopics#COMMANDS};
 * the model rows go out on {@link LiveTopics#MODELS} after each change and every second. With one orchestrator per
 * instrument, each model is registered with (and switched in) the orchestrator of its own symbol.
 */
public final class LiveModels implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveModels.class);

    /** {@code source} is null when the orchestrator already has the model (attached with its builder's training()). */
    private record Entry(TrainingCoordinator model, LiveModelSource source) {
    }

    private final DataProvider data;
    private final EventBus bus;
    /** A model's symbol → the orchestrator it votes in (null: none); looked up at each use, so it follows a rebuild. */
    private volatile Function<Symbol, TradingOrchestrator> orchestrators;
    private final ModelToggles toggles;
    private final OverlaySource pivots;
    private final Map<String, Entry> models = new LinkedHashMap<>();
    private final Map<String, LiveInferenceSession> sessions = new LinkedHashMap<>();
    private final Subscription commands;
    private final ScheduledExecutorService timer;

    /**
     * @param orchestrators a symbol's orchestrator, where that symbol's models vote (one per instrument; null: none)
     * @param pivots        confirmed pivots for pivot training (the pivots module's overlay); null disables that mode
     */
    public LiveModels(DataProvider data, EventBus bus, Function<Symbol, TradingOrchestrator> orchestrators, ModelToggles toggles, OverlaySource pivots) {
        if (data == null || bus == null || toggles == null) {
            throw new IllegalArgumentException("data, bus and toggles are required");
        }
        this.data = data;
        this.bus = bus;
        this.orchestrators = orchestrators;
        this.toggles = toggles;
        this.pivots = pivots;
        this.commands = bus.subscribe(LiveTopics.COMMANDS, this::onCommand);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-live-models");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::publishSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** Adds a model at runtime: registered with the orchestrator, switches applied from the saved toggles. */
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
        // a model the orchestrator already runs (training merged into it: it infers on the decision thread and
        // stores its frames) is switched by its weight; any other votes through a source fed by its live session
        TradingOrchestrator orchestrator = orchestratorOf(model);
        boolean attached = orchestrator != null && orchestrator.hasTrainingModel(id);
        Entry e = new Entry(model, attached ? null : new LiveModelSource(model));
        models.put(id, e);
        register(e);
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

    private void register(Entry e) {
        TradingOrchestrator orchestrator = orchestratorOf(e.model());
        if (orchestrator == null) {
            return;
        }
        String id = e.model().config().modelId();
        double weight = toggles.get(id).inference() ? 1.0 : 0.0;
        if (e.source() == null) {
            if (orchestrator.hasTrainingModel(id)) {
                orchestrator.setWeight(id, weight);
            } else {
                LOG.info("model {} is not a decision source of this orchestrator (its symbol is not traded): it does not vote", id);
            }
        } else {
            orchestrator.registerModel(e.source(), weight);
        }
    }

    /** Removes a model at runtime (its live session stops; its saved switches stay for next time). */
    public synchronized void remove(String modelId) {
        stop(modelId);
        Entry e = models.remove(modelId);
        TradingOrchestrator orchestrator = e == null ? null : orchestratorOf(e.model());
        if (orchestrator != null) {
            if (e.source() == null) {
                orchestrator.setWeight(modelId, 0.0); // the orchestrator's own model: silenced, not unregistered
            } else {
                orchestrator.unregisterModel(modelId);
            }
        }
        publishSafely();
    }

    /** Starts live inference of a model in {@code mode} (a running session of that model is stopped first). */
    public synchronized LiveInferenceSession start(String modelId, LiveMode mode, LiveInferenceSession.Config config) {
        Entry e = entry(modelId);
        if (mode == LiveMode.PIVOT_TRAINING && pivots == null) {
            throw new IllegalArgumentException("pivot training needs the pivots overlay, which this desk does not have");
        }
        stop(modelId);
        LiveInferenceSession s = new LiveInferenceSession(data, bus, e.model(), pivots, config == null ? LiveInferenceSession.Config.defaults(mode) : config);
        sessions.put(modelId, s);
        if (e.source() != null) {
            e.source().attach(s);
        }
        s.start();
        publishSafely();
        return s;
    }

    public synchronized void stop(String modelId) {
        LiveInferenceSession s = sessions.remove(modelId);
        if (s != null) {
            Entry e = models.get(modelId);
            if (e != null && e.source() != null) {
                e.source().attach(null);
            }
            s.close();
            publishSafely();
        }
    }

    public synchronized LiveInferenceSession session(String modelId) {
        return sessions.get(modelId);
    }

    /** The inference switch: on → the model votes with weight 1; off → weight 0 (it does not vote). Persisted. */
    public synchronized void setInference(String modelId, boolean on) {
        TradingOrchestrator orchestrator = orchestratorOf(entry(modelId).model());
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
        Entry e = entry(modelId);
        toggles.setTraining(modelId, on);
        e.model().setAutoTraining(on);
        LOG.info("model {} training {}", modelId, on ? "on" : "off");
        publishSafely();
    }

    private Entry entry(String modelId) {
        Entry e = models.get(modelId);
        if (e == null) {
            throw new IllegalArgumentException("no model '" + modelId + "' on the desk (known: " + models.keySet() + ")");
        }
        return e;
    }

    /** The rows of the module panel, in the order models were added. */
    public synchronized List<ModelInfo> models() {
        List<ModelInfo> out = new ArrayList<>();
        for (Entry e : models.values()) {
            String id = e.model().config().modelId();
            TrainingStatus st = e.model().status();
            long trained = 0;
            for (ModelVersionStore.VersionRow r : e.model().versions().list(id)) {
                trained = Math.max(trained, r.createdAt());
            }
            ModelToggles.Toggle t = toggles.get(id);
            LiveInferenceSession s = sessions.get(id);
            out.add(new ModelInfo(id, e.model().config().symbol().code(), st.activeVersion(), t.inference(), t.training(), trained,
                    st.live().accuracy(), st.live().majorityRate(), st.live().n(), s != null && s.running(), s == null ? null : s.config().mode(), st.note()));
        }
        return out;
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
