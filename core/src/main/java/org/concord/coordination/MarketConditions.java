package org.concord.coordination;

import org.concord.model.Symbol;
import org.concord.orchestrator.StateVector;

/**
 * Carries the orchestrator's market-condition features into coordination at each decision, read from the state
 * vector the decision was made on:
 * <ul>
 *   <li>{@value #VPIN} (order-flow toxicity of the microstructure module), once {@value #VPIN_READY} says it is
 *       known → {@link CoordinationEngine#setVpin}: sizes shrink above the sizing config's VPIN threshold;</li>
 *   <li>{@value #ENTRY_GATE} (the macro gate's verdict, 1 allow / 0 block) → {@link CoordinationEngine#setEntriesOpen}:
 *       while it blocks, no source opens or adds to a position on the symbol; exits still go out.</li>
 * </ul>
 * A feature that is not in the layout (module disabled, not in the preset) means "unknown": VPIN 0, entries open.
 * The feature positions are looked up once per state-vector layout. Decision thread (or the pipeline's) only.
 */
public final class MarketConditions {
    public static final String VPIN = "microstructure.vpin";
    public static final String VPIN_READY = "microstructure.vpin.ready";
    public static final String ENTRY_GATE = "macro-gate.allow";

    private long layout = Long.MIN_VALUE;
    private int vpin = -1;
    private int vpinReady = -1;
    private int gate = -1;

    /** What {@code state} says about {@code symbol}, applied to {@code engine}; a null state changes nothing. */
    public void apply(Symbol symbol, StateVector state, CoordinationEngine engine) {
        if (symbol == null || engine == null) {
            throw new IllegalArgumentException("symbol and engine are required");
        }
        if (state == null) {
            return;
        }
        if (state.layoutVersion() != layout) {
            layout = state.layoutVersion();
            vpin = state.names().indexOf(VPIN);
            vpinReady = state.names().indexOf(VPIN_READY);
            gate = state.names().indexOf(ENTRY_GATE);
        }
        engine.setVpin(symbol, vpin(state));
        engine.setEntriesOpen(symbol, gate < 0 || !(state.get(gate) < 0.5));
    }

    private double vpin(StateVector state) {
        if (vpin < 0 || (vpinReady >= 0 && !(state.get(vpinReady) > 0))) {
            return 0;
        }
        double v = state.get(vpin);
        return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
    }
}
