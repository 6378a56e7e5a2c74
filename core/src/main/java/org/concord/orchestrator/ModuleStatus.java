package org.concord.orchestrator;

import org.concord.orchestrator.module.ModuleState;

import java.util.List;

/**
 * What the UI shows for one source (module or model): a snapshot, safe to hand across threads and over the bus.
 *
 * @param kind              "module" or "model"
 * @param version           a model's version ("" for modules)
 * @param enabled           what the configuration says (a module in ERROR may still be enabled there)
 * @param calls             guarded calls since start
 * @param strikes           faults counted since start (exceptions, non-finite outputs, overruns)
 * @param stalls            overruns excused since start: a GC pause or another process held the decision thread
 * @param lastLatencyMicros duration of the last call
 * @param p99LatencyMicros  99th percentile of call durations since (re-)enable, as the upper bound of its log-linear
 *                          histogram bucket (at most ~3% above it); one call in a hundred is slower, and the last may be one
 * @param lastOutput        a short text of the last output ("BUY 0.62", "12 features")
 * @param featureNames      the module's features as named in the state vector ({@code id.feature})
 */
public record ModuleStatus(String id, String kind, String version, String description, ModuleState state, String reason,
                           boolean enabled, double weight, long calls, long strikes, long stalls, double lastLatencyMicros,
                           double p99LatencyMicros, String lastOutput, List<String> featureNames) {
    public ModuleStatus {
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        reason = reason == null ? "" : reason;
        lastOutput = lastOutput == null ? "" : lastOutput;
        description = description == null ? "" : description;
        version = version == null ? "" : version;
    }
}
