package org.concord.app.modules;

import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.module.ModuleState;
import org.concord.training.models.ModelBundle;

/**
 * One row of the module panel (immutable).
 *
 * @param share the source's share of the last decision's votes (NaN when it did not vote, or runs no more: a module
 *              switched off or never loaded kept showing "1.0 · 25%" until the next decision, and with the replay
 *              paused that never came, seen in a new trader's trial)
 */
public record ModuleRow(String id, String kind, ModuleState state, String reason, boolean enabled, double weight, double share,
                        double lastLatencyMicros, double p99LatencyMicros, String lastOutput, long calls, long strikes) {
    /** Marks what a source switched off or in ERROR said last: read as current, it looked like a live vote. */
    static final String STOPPED = "(not running) ";

    /** What a trader reads for a model without a version in use: the desk read "model none". */
    static final String NO_MODEL = "no model yet";

    /** A model's version as shown: core's {@link ModelBundle#NO_VERSION} in words. */
    static String version(String v) {
        return ModelBundle.NO_VERSION.equals(v) ? NO_MODEL : v;
    }

    /** "module", "model v000002", "model (no model yet)". */
    static String kind(String kind, String v) {
        return v.isEmpty() ? kind : ModelBundle.NO_VERSION.equals(v) ? kind + " (" + NO_MODEL + ")" : kind + " " + v;
    }

    static ModuleRow of(ModuleStatus s, double share) {
        boolean stopped = s.state() == ModuleState.DISABLED || s.state() == ModuleState.ERROR;
        String last = stopped && !s.lastOutput().isEmpty() ? STOPPED + s.lastOutput() : s.lastOutput();
        return new ModuleRow(s.id(), kind(s.kind(), s.version()), s.state(), s.reason(), s.enabled(),
                s.weight(), votesIn(s.state(), share), s.lastLatencyMicros(), s.p99LatencyMicros(), last, s.calls(), s.strikes());
    }

    /** What the toggle shows: on while the module runs or is being loaded. */
    public boolean switchedOn() {
        return state == ModuleState.RUNNING || state == ModuleState.LOADING;
    }

    ModuleRow withState(ModuleState s, String r) {
        return new ModuleRow(id, kind, s, r, enabled, weight, votesIn(s, share), lastLatencyMicros, p99LatencyMicros, lastOutput, calls, strikes);
    }

    ModuleRow withShare(double s) {
        return new ModuleRow(id, kind, state, reason, enabled, weight, votesIn(state, s), lastLatencyMicros, p99LatencyMicros, lastOutput, calls, strikes);
    }

    /** A share is shown for a running source only: one that runs no more casts no vote in the next decision. */
    private static double votesIn(ModuleState state, double share) {
        return state == ModuleState.RUNNING ? share : Double.NaN;
    }
}
