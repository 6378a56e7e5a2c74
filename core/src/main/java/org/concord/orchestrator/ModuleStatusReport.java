package org.concord.orchestrator;

import java.util.List;

/**
 * Every source's status at once (published on {@link OrchestratorTopics#MODULE_STATUS} after changes and periodically),
 * with the preset the orchestrator runs and the instrument it decides ({@code symbol}; empty: an orchestrator of
 * several symbols, or a sender from before per-instrument orchestrators).
 */
public record ModuleStatusReport(long afterSeq, long dataTime, String preset, List<ModuleStatus> sources, String symbol) {
    public ModuleStatusReport {
        sources = sources == null ? List.of() : List.copyOf(sources);
        preset = preset == null ? "" : preset;
        symbol = symbol == null ? "" : symbol;
    }

    public ModuleStatusReport(long afterSeq, long dataTime, String preset, List<ModuleStatus> sources) {
        this(afterSeq, dataTime, preset, sources, "");
    }
}
