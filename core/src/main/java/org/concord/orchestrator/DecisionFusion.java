package org.concord.orchestrator;

import org.concord.model.Action;

import java.util.ArrayList;
import java.util.List;

/**
 * The weighted rule that turns source predictions into one action.
 *
 * <p>Each source votes once per decision (its first prediction for the decision's symbol): {@code vote = sign(action)
 * × weight × confidence}, where HOLD votes 0 but still counts its weight, so a confident HOLD dilutes the others.
 * Confidence 0 means "no view" (a strategy between signals): such a source abstains, as do sources with a confidence
 * below {@code minConfidence}; an abstaining source is still listed among the contributions, with effective weight,
 * vote and share 0, so the decision log shows every source that was asked. Sources with weight 0 do not vote. Then
 * {@code score = Σ vote / Σ weight} (in [-1, 1]); BUY when {@code score >= buyThreshold}, SELL when
 * {@code score <= -sellThreshold}, else HOLD; {@code confidence = |score|}. With no voter the decision is HOLD 0.
 * Each contribution also carries what the source itself said (timeframe, holding, meta confidence), so coordination
 * can trade every source's view on its own.
 *
 * <p>Not thread-safe: it keeps its per-prediction scratch between calls, and one thread (the decision thread of the
 * engine that owns it) fuses with an instance.
 */
public final class DecisionFusion {
    public static final String RULE = "rule";

    private final double buyThreshold;
    private final double sellThreshold;
    private final double minConfidence;
    // per prediction of the decision being fused: its weight, its vote and whether it is listed (see scratch)
    private static final byte SKIPPED = 0;
    private static final byte COUNTED = 1;
    private static final byte ABSTAINED = 2;
    private double[] w = new double[16];
    private double[] votes = new double[16];
    private byte[] kind = new byte[16];

    /** The rule's result plus who contributed how much. */
    public record Fused(FusionResult result, List<Contribution> contributions) {
    }

    private static final Fused NO_VOTE = new Fused(new FusionResult(Action.HOLD, 0.0, 0.0, RULE), List.of());

    /** Effective weight of a source, looked up per vote. */
    @FunctionalInterface
    public interface Weights {
        double weight(String sourceId);
    }

    /** A source's declared holding period in ms, or 0 when it declares none (its prediction's horizon is used). */
    @FunctionalInterface
    public interface Holdings {
        long holdingMillis(String sourceId);
    }

    public DecisionFusion(double buyThreshold, double sellThreshold, double minConfidence) {
        if (!(buyThreshold > 0 && buyThreshold <= 1) || !(sellThreshold > 0 && sellThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must be in (0, 1], got buy=" + buyThreshold + " sell=" + sellThreshold);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
        }
        this.buyThreshold = buyThreshold;
        this.sellThreshold = sellThreshold;
        this.minConfidence = minConfidence;
    }

    public Fused fuse(List<Prediction> predictions, Weights weights) {
        return fuse(predictions, weights, id -> 0L);
    }

    public Fused fuse(List<Prediction> predictions, Weights weights, Holdings holdings) {
        if (predictions.isEmpty()) {
            return NO_VOTE; // most bars of a signal strategy: nothing to weigh, nothing allocated
        }
        double totalWeight = 0;
        double sumVote = 0;
        double sumAbs = 0;
        int n = predictions.size();
        int listed = 0;
        scratch(n);
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            kind[i] = SKIPPED;
            if (!firstOfSource(predictions, i)) {
                continue;
            }
            double wi = weights.weight(p.sourceId());
            boolean hasWeight = wi > 0 && Double.isFinite(wi);
            if (!hasWeight) {
                continue;
            }
            listed++;
            if (p.confidence() == 0 || p.confidence() < minConfidence) {
                kind[i] = ABSTAINED;
                w[i] = 0;
                votes[i] = 0;
                continue;
            }
            kind[i] = COUNTED;
            w[i] = wi;
            votes[i] = p.action().sign() * wi * p.confidence();
            totalWeight += wi;
            sumVote += votes[i];
            sumAbs += Math.abs(votes[i]);
        }
        if (listed == 0) {
            return NO_VOTE;
        }
        double score = totalWeight == 0 ? 0.0 : clamp(sumVote / totalWeight);
        Action action = score >= buyThreshold ? Action.BUY : score <= -sellThreshold ? Action.SELL : Action.HOLD;
        List<Contribution> contributions = new ArrayList<>(listed);
        for (int i = 0; i < n; i++) {
            if (kind[i] != SKIPPED) {
                Prediction p = predictions.get(i);
                long declared = holdings.holdingMillis(p.sourceId());
                long holding = declared > 0 ? declared : p.horizonBars() * p.timeframe().millis();
                contributions.add(new Contribution(p.sourceId(), p.action(), p.confidence(), w[i], votes[i],
                        sumAbs == 0 ? 0.0 : Math.abs(votes[i]) / sumAbs, p.timeframe(), holding, p.metaConfidence()));
            }
        }
        return new Fused(new FusionResult(action, score, Math.abs(score), RULE), contributions);
    }

    /** Makes the per-prediction scratch hold {@code n}: kept between decisions, so a fuse allocates only what it returns. */
    private void scratch(int n) {
        if (kind.length < n) {
            int size = Math.max(n, kind.length * 2);
            w = new double[size];
            votes = new double[size];
            kind = new byte[size];
        }
    }

    /** The action a signed score maps to under this rule's thresholds. */
    public Action actionFor(double score) {
        return score >= buyThreshold ? Action.BUY : score <= -sellThreshold ? Action.SELL : Action.HOLD;
    }

    private static boolean firstOfSource(List<Prediction> predictions, int i) {
        String id = predictions.get(i).sourceId();
        for (int j = 0; j < i; j++) {
            if (predictions.get(j).sourceId().equals(id)) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double s) {
        return Math.max(-1.0, Math.min(1.0, s));
    }

    public double buyThreshold() {
        return buyThreshold;
    }

    public double sellThreshold() {
        return sellThreshold;
    }

    public double minConfidence() {
        return minConfidence;
    }
}
