package org.concord.orchestrator;

import org.concord.model.BarSeries;
import org.concord.model.Fmt;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.ModelSlot;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.WindowSource;
import org.concord.training.models.ModelVote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training coordinator's active (hot-swappable) model as an orchestrator source. On each decision it builds the
 * model's frame from the bars the decision thread has dispatched (never from the DataProvider: the decision thread
 * must not wait on its lock), asks the model through one slot lease, stores the frame reference (exact input hash)
 * through the coordinator, and votes. A cold-start model abstains (its frame is still stored: training data).
 *
 * <p><b>Complete instants only.</b> Closes of one instant reach the decision thread shortest timeframe first, so
 * at a decision bar closing at T the coarser bars that also close at T (a 5m/1h boundary) are not dispatched yet.
 * A frame must be what the DataProvider gives at its window end (it is rebuilt and re-hashed at maturing), so at
 * such an instant the model sees the frame at the previous decision close (T − one decision bar) and its stored
 * reference says so. What the model saw and said goes out on the coordinator's inference feed (live sessions follow
 * it: the model is inferred once per decision bar). Decision thread only.
 */
final class CoordinatorModel implements Model {
    private final TrainingCoordinator coordinator;
    private final TrainingConfig cfg;
    private final DecisionEngine engine;
    private final FrameBuilder frames;
    private final int horizonBars;
    private volatile long inferences;
    private volatile InferenceFrameReference last;

    CoordinatorModel(TrainingCoordinator coordinator, DecisionEngine engine) {
        this.coordinator = coordinator;
        this.cfg = coordinator.config();
        this.engine = engine;
        this.frames = new FrameBuilder(new HistoryWindows(engine), cfg.spec());
        this.horizonBars = cfg.barriers().horizonBars();
    }

    TrainingCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public String id() {
        return cfg.modelId();
    }

    @Override
    public String version() {
        return coordinator.slot().peek().version();
    }

    /** Inferences made (frames handed to the coordinator) so far. */
    long inferences() {
        return inferences;
    }

    /** The reference stored for the last inference, or null. */
    InferenceFrameReference lastReference() {
        return last;
    }

    @Override
    public Prediction predict(Symbol symbol, long time, StateVector state) {
        if (!symbol.equals(cfg.symbol())) {
            return null;
        }
        long end = complete(time) ? time : time - engine.decisionTimeframe().millis();
        if (!complete(end)) {
            return null; // a configuration where no recent instant is complete (never with 1m decisions): no view
        }
        Frame f = frames.buildIfSeen(symbol, end);
        if (f == null) {
            return null; // no base bar yet: no view (not a fault)
        }
        ModelVote s;
        boolean hasMeta;
        try (ModelSlot.Lease lease = coordinator.slot().acquire()) {
            s = lease.model().predict(f.input(), end);
            hasMeta = lease.model().meta() != null;
        }
        last = coordinator.storeInferenceFrame(f, s);
        inferences++;
        if (coordinator.inferenceFeed().followed()) {
            coordinator.inferenceFeed().publish(new TrainingCoordinator.Inference(f, s, last));
        }
        if (s.coldStart()) {
            return null; // no trained model: abstain rather than dilute the others' votes
        }
        double confidence = Math.max(0, Math.min(1, s.confidence() * s.weight()));
        StringBuilder why = new StringBuilder(96).append(cfg.modelId()).append(' ').append(s.modelVersion());
        Fmt.fixed(why.append(" p(BUY)="), s.pBuy(), 2);
        Fmt.fixed(why.append(" p(SELL)="), s.pSell(), 2);
        Fmt.fixed(why.append(" p(HOLD)="), s.pHold(), 2);
        Fmt.fixed(why.append(" meta "), s.metaConfidence(), 2);
        why.append(end == time ? "" : ", frame at previous close").append(s.note().isEmpty() ? "" : "; " + s.note());
        // the meta-model's P(primary side right) gates and scales the model's own signal in coordination; a version
        // without a meta-model has none (its 0.5 stand-in would halve every size for no reason)
        return new Prediction(cfg.modelId(), symbol, time, s.action(), confidence, cfg.spec().base(), horizonBars, why.toString(),
                hasMeta ? s.metaConfidence() : null);
    }

    /** True when every frame timeframe's bar closing at {@code t} has been dispatched by the time the decision at t runs. */
    private boolean complete(long t) {
        long decisionMs = engine.decisionTimeframe().millis();
        for (Timeframe tf : cfg.spec().timeframes()) {
            if (tf.millis() > decisionMs && tf.floor(t) == t) {
                return false;
            }
        }
        return true;
    }

    /** The frame windows over the decision thread's history. */
    private record HistoryWindows(DecisionEngine engine) implements WindowSource {
        @Override
        public Map<Timeframe, BarSeries> windows(Symbol symbol, List<Timeframe> timeframes, long at, int limit) {
            int si = engine.symbolIndex(symbol);
            if (si < 0) {
                throw new IllegalArgumentException(symbol + " is not a decision symbol");
            }
            Map<Timeframe, BarSeries> out = new LinkedHashMap<>();
            for (Timeframe tf : timeframes) {
                out.put(tf, engine.history().window(si, tf, at, limit));
            }
            return out;
        }

        @Override
        public BarSeries range(Symbol symbol, Timeframe tf, long fromOpen, long toOpen, int limit) {
            throw new UnsupportedOperationException("decision-time frames read windows only; labels read the DataProvider");
        }
    }
}
