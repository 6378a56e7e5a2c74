package org.concord.orchestrator;

import java.util.List;

/**
 * Every source's status at once (published on {@link OrchestratorTopics#MODULE_STATUS} after changes and periodically),
 * with the preset the orchestrator runs.
 */
public record ModuleStatusReport(long afterSeq, long dataTime, String preset, List<ModuleStatus> sources) {
    public ModuleStatusReport {
        sources = sources == null ? List.of() : List.copyOf(sources);
        preset = preset == null ? "" : preset;
    }
}
