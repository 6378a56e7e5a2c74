package org.concord.app.training;

import org.concord.orchestrator.TrainingActivity;
import org.concord.orchestrator.TrainingStatusProvider;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingJob;
import org.concord.training.TrainingStatus;

/** Lets the orchestrator's {@code training} module show and trigger the coordinator (registered as a service). */
public final class CoordinatorStatusProvider implements TrainingStatusProvider {
    private final TrainingCoordinator coordinator;

    public CoordinatorStatusProvider(TrainingCoordinator coordinator) {
        if (coordinator == null) {
            throw new IllegalArgumentException("coordinator is required");
        }
        this.coordinator = coordinator;
    }

    @Override
    public TrainingActivity status() {
        TrainingStatus s = coordinator.status();
        TrainingJob.Result last = s.lastResult();
        String state = s.jobsRunning() > 0 ? "TRAINING" : s.jobsQueued() > 0 ? "QUEUED"
                : last != null && last.state() == TrainingJob.State.FAILED ? "FAILED" : "IDLE";
        String detail = s.modelId() + " " + s.activeVersion() + (s.note().isEmpty() ? "" : " (" + s.note() + ")");
        return new TrainingActivity(state, detail, s.jobsQueued(), s.swaps(), s.coldStart() ? "" : s.modelId() + " " + s.activeVersion());
    }

    @Override
    public boolean trigger(String reason) {
        return coordinator.submit(TrainingCommand.trainIfIdle(coordinator.config().modelId(), reason)) != null;
    }
}
