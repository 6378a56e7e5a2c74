package org.concord.orchestrator;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingSubscriber;
import org.concord.training.TrainingTrigger;
import org.concord.training.frames.Frame;
import org.concord.training.models.ModelVote;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The training coordination merged into the orchestrator: the coordinators attached to it (one per model and
 * symbol), their models registered as sources (each inference stores its frame), and the training API the
 * orchestrator exposes ({@code storeInferenceFrame}, {@code subscribeTrainingEvents}, {@code triggerTrainingOnEvent},
 * {@code subscribeTraining}). Maturing, jobs and hot swaps stay on the coordinators' own threads: nothing here
 * blocks a decision.
 */
final class TrainingHub {
    private final DecisionEngine engine;
    private final Map<String, CoordinatorModel> models = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();

    TrainingHub(DecisionEngine engine) {
        this.engine = engine;
    }

    /** Before start: attaches a coordinator; its model votes with {@code weight} and its frame timeframes are dispatched. */
    void attach(TrainingCoordinator c, double weight) {
        if (c == null) {
            throw new IllegalArgumentException("training coordinator is null");
        }
        String id = c.config().modelId();
        if (models.containsKey(id)) {
            throw new IllegalArgumentException("a training coordinator for model " + id + " is already attached");
        }
        if (engine.symbolIndex(c.config().symbol()) < 0) {
            throw new IllegalArgumentException("model " + id + " trades " + c.config().symbol() + ", not a decision symbol of this orchestrator");
        }
        if (c.config().spec().window() > DecisionEngine.HISTORY_BARS) {
            throw new IllegalArgumentException("model " + id + " frame window " + c.config().spec().window() + " exceeds the decision history of "
                    + DecisionEngine.HISTORY_BARS + " bars");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        for (Timeframe tf : c.config().spec().timeframes()) {
            engine.requireTimeframe(tf);
        }
        models.put(id, new CoordinatorModel(c, engine));
        weights.put(id, weight);
    }

    boolean attached() {
        return !models.isEmpty();
    }

    /** At start, before the decision thread runs (the frame windows are in the history already: {@link StartHistory}): registers the models. */
    void start(ModuleControl control) {
        for (CoordinatorModel m : models.values()) {
            control.registerModel(m, weights.get(m.id()));
        }
    }

    CoordinatorModel model(String modelId) {
        return models.get(modelId);
    }

    TrainingCoordinator coordinator(String modelId) {
        CoordinatorModel m = models.get(modelId);
        if (m == null) {
            throw new IllegalArgumentException("no training coordinator attached for model '" + modelId + "' (attached: " + models.keySet() + ")");
        }
        return m.coordinator();
    }

    private List<TrainingCoordinator> all() {
        if (models.isEmpty()) {
            throw new IllegalStateException("no training coordinator attached to this orchestrator (OrchestratorBuilder.training)");
        }
        List<TrainingCoordinator> out = new ArrayList<>();
        models.values().forEach(m -> out.add(m.coordinator()));
        return out;
    }

    /** Stores a reference built elsewhere (a module's frame): to the coordinator of its model, else of its symbol. */
    InferenceFrameReference storeInferenceFrame(InferenceFrameReference ref) {
        if (ref == null) {
            throw new IllegalArgumentException("frame reference is null");
        }
        CoordinatorModel m = models.get(ref.modelId());
        if (m == null) {
            for (CoordinatorModel c : models.values()) {
                if (c.coordinator().config().symbol().equals(ref.symbol())) {
                    m = c;
                    break;
                }
            }
        }
        if (m == null) {
            throw new IllegalArgumentException("no training coordinator for model " + ref.modelId() + " or symbol " + ref.symbol());
        }
        return m.coordinator().storeInferenceFrame(ref);
    }

    InferenceFrameReference storeInferenceFrame(String modelId, Frame frame, ModelVote signal) {
        return coordinator(modelId).storeInferenceFrame(frame, signal);
    }

    /** Events of every attached coordinator, once per bus (several coordinators may share one). */
    Subscription subscribeTrainingEvents(Consumer<TrainingEvent> callback, Set<TrainingEventType> types) {
        Map<EventBus, TrainingCoordinator> perBus = new IdentityHashMap<>();
        for (TrainingCoordinator c : all()) {
            perBus.putIfAbsent(c.bus(), c);
        }
        List<Subscription> subs = new ArrayList<>();
        for (TrainingCoordinator c : perBus.values()) {
            subs.add(c.subscribeTrainingEvents(callback, types));
        }
        return () -> subs.forEach(Subscription::close);
    }

    Subscription triggerTrainingOnEvent(TrainingTrigger trigger) {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger is null");
        }
        List<Subscription> subs = new ArrayList<>();
        for (TrainingCoordinator c : all()) {
            subs.add(c.triggerTrainingOnEvent(trigger));
        }
        return () -> subs.forEach(Subscription::close);
    }

    Subscription subscribeTraining(TrainingSubscriber subscriber) {
        if (subscriber == null) {
            throw new IllegalArgumentException("subscriber is null");
        }
        List<Subscription> subs = new ArrayList<>();
        for (TrainingCoordinator c : all()) {
            subs.add(c.subscribe(subscriber));
        }
        return () -> subs.forEach(Subscription::close);
    }
}
