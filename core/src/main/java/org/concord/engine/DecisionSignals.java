package org.concord.engine;

import org.concord.coordination.PredictionAdapter;
import org.concord.coordination.Signal;
import org.concord.coordination.SourceSignals;
import org.concord.model.Action;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.DecisionFusion;
import org.concord.orchestrator.Prediction;

import java.util.ArrayList;
import java.util.List;

/**
 * What one orchestrator {@link Decision} asks coordination to trade, as the {@link TradingPipelineConfig} says:
 * <ul>
 *   <li>{@code sourceSignals} on (the default): every source speaks for itself — one signal per module or model that
 *       said BUY or SELL, in the bucket of its own holding period ({@link SourceSignals}). The fused view is traded
 *       too (at each configured horizon) only when a learned fusion module made it: that is a model with a view of its
 *       own; the weighted rule's view is the sum of voices that already trade, and trading it as well would count
 *       every vote twice.</li>
 *   <li>{@code sourceSignals} off: only the fused decision, cloned at each horizon (the pipeline before per-source
 *       signals; kept as the ablation baseline).</li>
 * </ul>
 * Pure: the same decision gives the same signals.
 */
final class DecisionSignals {
    private final boolean perSource;
    private final int[] horizons;
    private final PredictionAdapter[] adapters;
    private final SourceSignals sources;

    DecisionSignals(TradingPipelineConfig config) {
        this.perSource = config.sourceSignals();
        this.horizons = config.horizons().stream().mapToInt(Integer::intValue).toArray();
        this.adapters = new PredictionAdapter[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            adapters[i] = new PredictionAdapter(config.sourceId(i), config.signalSize());
        }
        this.sources = new SourceSignals(config.signalSize());
    }

    /**
     * The adapters a coordination engine registers (feedback routing, a learner arm each): the fused view's, one per
     * horizon, when the fused view is what is traded. With per-source signals none: the fused view trades only when a
     * learned fusion made it, and its source joins the learner then (an arm registered up front but never played
     * would take the untried arm's top UCB weight in every report).
     */
    List<PredictionAdapter> fusedAdapters() {
        return perSource ? List.of() : List.of(adapters);
    }

    /** The signals to trade for {@code d}. */
    List<Signal> of(Decision d) {
        List<Signal> fromSources = perSource ? sources.of(d) : List.of();
        if (d.action() == Action.HOLD || (perSource && !learnedFusion(d))) {
            return fromSources;
        }
        List<Signal> out = new ArrayList<>(fromSources.size() + horizons.length);
        out.addAll(fromSources);
        double conf = Math.min(1, Math.max(0, d.confidence()));
        for (int i = 0; i < horizons.length; i++) {
            Prediction p = new Prediction(adapters[i].sourceId(), d.symbol(), d.time(), d.action(), conf, d.timeframe(),
                    horizons[i], d.fusion());
            out.add(adapters[i].adapt(p, d.time()));
        }
        return out;
    }

    /** True when a fusion module, not the weighted rule (or the rule standing in for it), made the decision. */
    static boolean learnedFusion(Decision d) {
        return !d.fusion().startsWith(DecisionFusion.RULE);
    }
}
