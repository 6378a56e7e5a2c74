package org.concord.orchestrator;

import org.concord.model.Symbol;

import java.time.Duration;

/**
 * A learned source: it sees the {@link StateVector} built from the enabled modules and predicts. The orchestrator
 * registry holds models next to modules, each with a weight; a trainer swaps a new version in between two
 * decisions with {@link TradingOrchestrator#registerModel}. Called on the decision thread under the same time
 * budget and fault rules as modules.
 */
public interface Model {
    String id();

    /** Version label of the trained weights (what an inference frame records). */
    String version();

    /**
     * How long a position taken on this model's view is meant to be held (it picks the coordination bucket), or null
     * to use each prediction's horizon ({@code horizonBars × timeframe}). Read once when the model is registered.
     */
    default Duration holding() {
        return null;
    }

    /** A prediction for {@code symbol} at decision time {@code time}, or null to abstain. */
    Prediction predict(Symbol symbol, long time, StateVector state);
}
