package org.concord.coordination;

import org.concord.model.Action;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;

import java.util.ArrayList;
import java.util.List;

/**
 * Every source speaks for itself: turns the per-source {@link Contribution}s of an orchestrator {@link Decision} into
 * one {@link Signal} per source, each in the bucket of the source's own holding period (declared by the module or
 * model, else its prediction's horizon: {@link Contribution#holdingMillis()}), with the source's confidence and
 * meta-labeling confidence. The coordination layer then reconciles them: combined per bucket with the learned source
 * weights, aligned and resolved across buckets, sized, risk-checked.
 *
 * <p>A source that said HOLD, or abstained (confidence 0), gives no signal (no new opinion). Sources with fusion
 * weight 0 are not in a decision's contributions (the orchestrator's rule: weight 0 does not vote), so they do not
 * trade either — e.g. the composite in the {@code full} preset, whose members speak themselves. The size of a
 * signal is {@code fullSize} (the confidence scales its strength). Pure and deterministic.
 */
public final class SourceSignals {
    private final double fullSize;

    /** @param fullSize share of a bucket's capital a confidence-1 view asks for, in (0, 1] */
    public SourceSignals(double fullSize) {
        if (!(fullSize > 0 && fullSize <= 1)) {
            throw new IllegalArgumentException("fullSize must be in (0, 1], got " + fullSize);
        }
        this.fullSize = fullSize;
    }

    /** One signal per source of {@code d} that said BUY or SELL with a confidence above 0, in contribution order. */
    public List<Signal> of(Decision d) {
        if (d == null) {
            throw new IllegalArgumentException("decision is null");
        }
        List<Contribution> cs = d.contributions();
        List<Signal> out = null; // most decisions carry no vote: the shared empty list, nothing allocated
        for (int i = 0; i < cs.size(); i++) {
            Contribution c = cs.get(i);
            if (c.action() == Action.HOLD || !(c.confidence() > 0)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(cs.size());
            }
            out.add(Signal.forHolding(c.sourceId(), d.symbol(), d.time(), c.action(), fullSize, c.confidence(), c.timeframe(),
                    c.holdingMillis(), c.metaConfidence()));
        }
        return out == null ? List.of() : out;
    }

    /** The bucket a source with this holding period trades in. */
    public static Bucket bucketOf(long holdingMillis) {
        if (holdingMillis <= 0) {
            throw new IllegalArgumentException("holding must be > 0 ms, got " + holdingMillis);
        }
        return Bucket.forHolding((double) holdingMillis / Bucket.BAR_MILLIS);
    }
}
