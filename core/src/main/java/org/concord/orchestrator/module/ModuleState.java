package org.concord.orchestrator.module;

/** Lifecycle of a module: {@code LOADING → RUNNING ⇄ DISABLED}, and {@code ERROR} (with a reason) from any of them. */
public enum ModuleState {
    /** Known (from the configuration or the service catalog) but not instantiated yet: it costs nothing. */
    NOT_LOADED,
    /** Being instantiated and initialized (a lazy first enable). */
    LOADING,
    /** Called on every event it asked for and every decision. */
    RUNNING,
    /** Loaded but not called at all. */
    DISABLED,
    /** Put aside after a fault; decisions go on without it until it is re-enabled. */
    ERROR
}
