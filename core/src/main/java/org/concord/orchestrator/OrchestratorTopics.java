package org.concord.orchestrator;

import org.concord.bus.Topic;

/** The orchestrator's topics on the {@link org.concord.bus.EventBus}. All event types are plain Jackson-friendly records. */
public final class OrchestratorTopics {
    /** Every decision, in order (durable: a remote consumer must not miss one). */
    public static final Topic<Decision> DECISIONS = Topic.durable("orchestrator.decisions", Decision.class);
    /** Module and model state changes (LOADING, RUNNING, DISABLED, ERROR with the reason). */
    public static final Topic<ModuleStateChanged> MODULE_STATES = Topic.durable("orchestrator.module-states", ModuleStateChanged.class);
    /** Commands to the orchestrator: enable/disable/weight/module-specific (UI → orchestrator). */
    public static final Topic<ModuleCommand> MODULE_COMMANDS = Topic.durable("orchestrator.module-commands", ModuleCommand.class);
    /** A switch to another whole preset (UI → the session running the orchestrator, which rebuilds it). */
    public static final Topic<PresetCommand> PRESET_COMMANDS = Topic.durable("orchestrator.preset-commands", PresetCommand.class);
    /** Snapshots of all sources' status and stats (for the module panel; a dropped one is replaced by the next). */
    public static final Topic<ModuleStatusReport> MODULE_STATUS = Topic.transientTopic("orchestrator.module-status", ModuleStatusReport.class);

    private OrchestratorTopics() {
    }
}
