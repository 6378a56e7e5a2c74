package org.concord.orchestrator;

import java.util.List;

/** Every source's status at once (published on {@link OrchestratorTopics#MODULE_STATUS} after changes and periodically). */
public record ModuleStatusReport(long afterSeq, long dataTime, List<ModuleStatus> sources) {
    public ModuleStatusReport {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
