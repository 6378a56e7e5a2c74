package org.concord.orchestrator;

import org.concord.orchestrator.module.ModuleState;

/**
 * A module or model changed state (published on {@link OrchestratorTopics#MODULE_STATES}).
 *
 * @param afterSeq the last decision made before the change: the change applies from decision {@code afterSeq + 1}
 * @param dataTime the decision clock at the change (data time, not wall clock)
 * @param symbol   the instrument of the orchestrator that changed (empty: one of several symbols)
 */
public record ModuleStateChanged(String moduleId, ModuleState from, ModuleState to, String reason, long afterSeq,
                                 long dataTime, String symbol) {
    public ModuleStateChanged {
        if (moduleId == null || to == null) {
            throw new IllegalArgumentException("moduleId and to are required");
        }
        reason = reason == null ? "" : reason;
        symbol = symbol == null ? "" : symbol;
    }

    public ModuleStateChanged(String moduleId, ModuleState from, ModuleState to, String reason, long afterSeq, long dataTime) {
        this(moduleId, from, to, reason, afterSeq, dataTime, "");
    }
}
