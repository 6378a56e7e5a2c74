package org.concord.orchestrator;

import java.util.Map;

/**
 * A request to the orchestrator (published on {@link OrchestratorTopics#MODULE_COMMANDS} by the UI, the CLI or a
 * remote process): {@code enable}, {@code disable}, {@code weight} (args {@code weight}) or a module-specific command
 * (e.g. {@code trigger} for the training module).
 */
public record ModuleCommand(String moduleId, String command, Map<String, String> args) {
    public static final String ENABLE = "enable";
    public static final String DISABLE = "disable";
    public static final String WEIGHT = "weight";

    public ModuleCommand {
        if (moduleId == null || moduleId.isBlank() || command == null || command.isBlank()) {
            throw new IllegalArgumentException("moduleId and command are required");
        }
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public static ModuleCommand enable(String id) {
        return new ModuleCommand(id, ENABLE, Map.of());
    }

    public static ModuleCommand disable(String id) {
        return new ModuleCommand(id, DISABLE, Map.of());
    }
}
