package org.concord.app.modules;

import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.module.ModuleState;

/**
 * One row of the module panel (immutable).
 *
 * @param share the source's share of the last decision's votes (NaN when it did not vote)
 */
public record ModuleRow(String id, String kind, ModuleState state, String reason, boolean enabled, double weight, double share,
                        double lastLatencyMicros, double p99LatencyMicros, String lastOutput, long calls, long strikes) {
    static ModuleRow of(ModuleStatus s, double share) {
        return new ModuleRow(s.id(), s.kind() + (s.version().isEmpty() ? "" : " " + s.version()), s.state(), s.reason(), s.enabled(),
                s.weight(), share, s.lastLatencyMicros(), s.p99LatencyMicros(), s.lastOutput(), s.calls(), s.strikes());
    }

    /** What the toggle shows: on while the module runs or is being loaded. */
    public boolean switchedOn() {
        return state == ModuleState.RUNNING || state == ModuleState.LOADING;
    }

    ModuleRow withState(ModuleState s, String r) {
        return new ModuleRow(id, kind, s, r, enabled, weight, share, lastLatencyMicros, p99LatencyMicros, lastOutput, calls, strikes);
    }

    ModuleRow withShare(double s) {
        return new ModuleRow(id, kind, state, reason, enabled, weight, s, lastLatencyMicros, p99LatencyMicros, lastOutput, calls, strikes);
    }
}
