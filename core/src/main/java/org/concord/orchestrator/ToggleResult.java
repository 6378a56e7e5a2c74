package org.concord.orchestrator;

import org.concord.orchestrator.module.ModuleState;

/**
 * The answer to an enable/disable: the state reached and the last decision made before the change took effect
 * (the change applies from decision {@code appliedAfterSeq + 1} on).
 */
public record ToggleResult(String moduleId, ModuleState state, String reason, long appliedAfterSeq) {
}
