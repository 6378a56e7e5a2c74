package org.concord.live;

import org.concord.model.Symbol;
import org.concord.orchestrator.Model;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.StateVector;
import org.concord.training.TrainingCoordinator;

/**
 * A trained model as a source in the orchestrator's registry, so the module panel discovers it and its
 * inference switch decides whether it votes. It votes with the newest signal of its live-inference session made
 * at or before the decision time and not older than one bar; with no live session, a cold-start model, or an
 * older signal it abstains. It never infers on the decision thread: that thread must not query the DataProvider
 * (a feed thread can hold the symbol's lock while waiting for room in the decision queue).
 */
public final class LiveModelSource implements Model {
    private final TrainingCoordinator model;
    private volatile LiveInferenceSession session;

    public LiveModelSource(TrainingCoordinator model) {
        if (model == null) {
            throw new IllegalArgumentException("model is required");
        }
        this.model = model;
    }

    /** The session whose signals this source votes with (null: abstain). */
    public void attach(LiveInferenceSession s) {
        this.session = s;
    }

    @Override
    public String id() {
        return model.config().modelId();
    }

    @Override
    public String version() {
        return model.slot().peek().version();
    }

    @Override
    public Prediction predict(Symbol symbol, long time, StateVector state) {
        LiveInferenceSession s = session;
        if (s == null || !s.running() || !symbol.equals(model.config().symbol()) || model.slot().peek().coldStart()) {
            return null;
        }
        LiveSignal sig = s.snapshot().latest();
        long bar = model.config().spec().base().millis();
        if (sig == null || sig.time() > time || sig.time() < time - bar) {
            return null;
        }
        return new Prediction(id(), symbol, time, sig.action(), sig.confidence(), model.config().spec().base(),
                model.config().barriers().horizonBars(), "live " + sig.modelVersion() + " " + sig.action() + " " + Math.round(100 * sig.confidence()) + "%");
    }
}
