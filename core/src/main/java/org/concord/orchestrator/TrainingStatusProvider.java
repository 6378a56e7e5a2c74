package org.concord.orchestrator;

/**
 * The hook the training coordinator implements so the "training" module can show its status and trigger runs.
 * Register one with {@code OrchestratorBuilder.service(TrainingStatusProvider.class, provider)}; without one
 * the module reports {@link TrainingActivity#IDLE}. Both methods must return at once (no training on the caller).
 */
public interface TrainingStatusProvider {
    TrainingActivity status();

    /**
     * Asks for a training run.
     *
     * @return false when the request was refused (already running, nothing to train on)
     */
    boolean trigger(String reason);
}
