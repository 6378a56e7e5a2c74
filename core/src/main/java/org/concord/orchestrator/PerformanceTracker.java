package org.concord.orchestrator;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every source (and the fused decision itself, as {@value #DECISION_SOURCE}) on matured outcomes.
 *
 * <p>A prediction made at a decision bar closing at {@code t} with horizon {@code h} bars matures at the first
 * decision bar of the same symbol that closes at or after {@code t + h × timeframe}; its outcome is that bar's
 * close against the decision bar's close. So nothing is scored with data it could not have had at that time.
 * Directional predictions score a hit when {@code sign × return > 0} and add {@code sign × return × confidence} to
 * the P&amp;L; HOLDs are counted, not scored. Running figures are exponentially weighted with a half-life given in
 * predictions. When adaptive weights are on, a source's base weight is multiplied by
 * {@code clamp(2 × ewHitRate, minFactor, maxFactor)} once it has {@code minSamples} scored predictions.
 *
 * <p>Single writer (the decision thread); {@link #snapshot()} is safe from any thread. The snapshot is rebuilt every
 * {@value #PUBLISH_EVERY} maturing bars and whenever the decision thread settles ({@link #publish}: the orchestrator's
 * idle barrier), not at every bar: building it allocated a map and a record per source on each bar, for a reader
 * that looks once in a while.
 */
public final class PerformanceTracker {
    public static final String DECISION_SOURCE = "decision";
    static final double MIN_FACTOR = 0.25;
    static final double MAX_FACTOR = 2.0;
    static final int PUBLISH_EVERY = 64;

    private final double alpha;
    private final int minSamples;
    private final int decisionHorizonBars;
    private final long barMillis;
    private final Map<String, Score> scores = new LinkedHashMap<>();
    private final Map<Symbol, PendingOutcomes> pending = new HashMap<>();
    private volatile Map<String, SourcePerformance> snapshot = Map.of();
    /** Maturing bars since the snapshot was built. */
    private int unpublished;

    private static final class Score {
        long scored;
        long holds;
        long hits;
        double ewHit = 0.5;
        double pnl;
        double ewPnl;
    }

    /**
     * @param halfLife            half-life of the exponential weighting, in scored predictions (&gt;= 1)
     * @param minSamples          scored predictions before adaptive weighting changes a weight
     * @param decisionHorizonBars horizon of the fused decision's own outcome (what learning sources get)
     * @param barMillis           the decision timeframe's length
     */
    public PerformanceTracker(double halfLife, int minSamples, int decisionHorizonBars, long barMillis) {
        if (!(halfLife >= 1) || minSamples < 1 || decisionHorizonBars < 1 || barMillis < 1) {
            throw new IllegalArgumentException("halfLife >= 1, minSamples >= 1, decisionHorizonBars >= 1 required; got "
                    + halfLife + ", " + minSamples + ", " + decisionHorizonBars);
        }
        this.alpha = 1 - Math.pow(0.5, 1 / halfLife);
        this.minSamples = minSamples;
        this.decisionHorizonBars = decisionHorizonBars;
        this.barMillis = barMillis;
    }

    /**
     * Records what was predicted and decided at a decision bar (the decision's price is the entry). The predictions
     * are read now; with {@code keepInputs} a copy is kept for the decision's outcome, which a learning source trains
     * on. Without one (no source learns at this decision) nothing is copied, and the decision matures scored but
     * without an outcome: an outcome needs the inputs it was decided from.
     */
    public void record(Decision decision, List<Prediction> predictions, boolean keepInputs) {
        PendingOutcomes list = pending.computeIfAbsent(decision.symbol(), s -> new PendingOutcomes());
        for (int i = 0; i < predictions.size(); i++) { // indexed: no iterator per decision
            Prediction p = predictions.get(i);
            list.add(p.horizonBars(), decision.time() + p.horizonBars() * barMillis, decision.price(), p);
        }
        List<Prediction> inputs = keepInputs ? List.copyOf(predictions) : null;
        list.add(decisionHorizonBars, decision.time() + decisionHorizonBars * barMillis, decision.price(), decision, inputs);
    }

    /**
     * Starts again with no score and nothing waiting: the data went back in time (a seek back), and what was scored
     * or is waiting came from the timeline it left. A score learned there is the outcome of bars that now come again,
     * and adaptive weights built on it would decide them knowing how they end.
     */
    void restart() {
        scores.clear();
        pending.clear();
        publishSnapshot();
    }

    /**
     * A decision bar of {@code symbol} closed at {@code closeTime} with {@code close}: matures everything due.
     *
     * @param outcomes whether the matured decisions are wanted (a learning source runs); scoring happens either way
     * @return the fused decisions that matured with their inputs kept, oldest first (empty list when none or not wanted)
     */
    public List<DecisionOutcome> onBarClose(Symbol symbol, long closeTime, double close, boolean outcomes) {
        PendingOutcomes list = pending.get(symbol);
        if (list == null || list.size() == 0) {
            return List.of();
        }
        List<DecisionOutcome> matured = null;
        boolean changed = false;
        for (int l; (l = list.nextDue(closeTime)) >= 0; list.remove(l)) {
            double r = close / list.entry(l) - 1;
            Prediction p = list.prediction(l);
            if (p != null) {
                score(p.sourceId(), p.action().sign(), p.confidence(), r);
            } else {
                Decision d = list.decision(l);
                score(DECISION_SOURCE, d.action().sign(), d.confidence(), r);
                if (outcomes && list.inputs(l) != null) {
                    if (matured == null) {
                        matured = new ArrayList<>(2);
                    }
                    matured.add(new DecisionOutcome(d, list.inputs(l), closeTime, close, r));
                }
            }
            changed = true;
        }
        if (changed && ++unpublished >= PUBLISH_EVERY) {
            publishSnapshot();
        }
        return matured == null ? List.of() : matured;
    }

    private void score(String sourceId, int sign, double confidence, double r) {
        Score s = scores.computeIfAbsent(sourceId, k -> new Score());
        if (sign == 0) {
            s.holds++;
            return;
        }
        double hit = sign * r > 0 ? 1.0 : 0.0;
        double pnl = sign * r * confidence;
        s.scored++;
        s.hits += (long) hit;
        s.pnl += pnl;
        s.ewHit += alpha * (hit - s.ewHit);
        s.ewPnl += alpha * (pnl - s.ewPnl);
    }

    /** The factor adaptive weighting applies to {@code sourceId}'s base weight. */
    public double weightFactor(String sourceId) {
        Score s = scores.get(sourceId);
        return s == null ? 1.0 : factor(s);
    }

    private double factor(Score s) {
        if (s.scored < minSamples) {
            return 1.0;
        }
        return Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, 2 * s.ewHit));
    }

    /** Predictions waiting to mature, all symbols. */
    public int pendingCount() {
        int n = 0;
        for (PendingOutcomes l : pending.values()) {
            n += l.size();
        }
        return n;
    }

    /** Brings the snapshot up to date (decision thread). */
    public void publish() {
        if (unpublished > 0) {
            publishSnapshot();
        }
    }

    private void publishSnapshot() {
        unpublished = 0;
        Map<String, SourcePerformance> m = new LinkedHashMap<>();
        scores.forEach((id, s) -> m.put(id, new SourcePerformance(id, s.scored, s.holds, s.hits,
                s.scored == 0 ? 0.5 : (double) s.hits / s.scored, s.ewHit, s.pnl, s.ewPnl, factor(s))));
        snapshot = Collections.unmodifiableMap(m);
    }

    /** Scores by source id as of the last {@link #publish} (or at most {@value #PUBLISH_EVERY} maturing bars ago); safe from any thread. */
    public Map<String, SourcePerformance> snapshot() {
        return snapshot;
    }
}
