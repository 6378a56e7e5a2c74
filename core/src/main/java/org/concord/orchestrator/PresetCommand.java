package org.concord.orchestrator;

import org.concord.orchestrator.config.ConfigFiles;

/**
 * Asks the session that runs the orchestrator to switch to a whole preset (published on
 * {@link OrchestratorTopics#PRESET_COMMANDS} by the module panel or a remote desk): modules, weights, thresholds,
 * threading and module settings all as the preset says, written to the configuration file.
 *
 * @param preset one of {@link ConfigFiles#PRESETS}
 */
public record PresetCommand(String preset) {
    public PresetCommand {
        if (preset == null || !ConfigFiles.PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown preset '" + preset + "', expected one of " + ConfigFiles.PRESETS);
        }
    }
}
