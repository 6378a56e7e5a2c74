package org.concord.training;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.training.eval.PromotionGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Takes {@link TrainingCommand}s from the bus for the coordinators this process owns: each goes to the coordinator it
 * names (model id or symbol) through {@link TrainingCoordinator#submit}, the answer goes out at once and the job's
 * result when it ends. Commands for models owned elsewhere are left to their owner.
 */
public final class TrainingCommandHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingCommandHandler.class);
    private final Subscription sub;

    public TrainingCommandHandler(EventBus bus, List<TrainingCoordinator> coordinators) {
        if (bus == null || coordinators == null || coordinators.isEmpty()) {
            throw new IllegalArgumentException("bus and coordinators are required");
        }
        List<TrainingCoordinator> owned = List.copyOf(coordinators);
        sub = bus.subscribe(TrainingCommand.TOPIC, c -> {
            for (TrainingCoordinator coordinator : owned) {
                if (coordinator.answersTo(c.target())) {
                    handle(bus, coordinator, c);
                    return;
                }
            }
        });
    }

    private static void handle(EventBus bus, TrainingCoordinator coordinator, TrainingCommand c) {
        String model = coordinator.config().modelId();
        if (TrainingCommand.ACTIVATE.equals(c.action())) {
            activate(bus, coordinator, c);
            return;
        }
        TrainingJob job;
        try {
            job = coordinator.submit(c);
        } catch (RuntimeException e) {
            LOG.warn("training command {} for {} refused: {}", c.action(), model, e.getMessage());
            bus.publish(TrainingCommand.ANSWERS, new TrainingCommand.Answer(c.id(), model, null, e.getMessage()));
            return;
        }
        bus.publish(TrainingCommand.ANSWERS, new TrainingCommand.Answer(c.id(), model, job == null ? null : job.id(), null));
        if (job != null && !TrainingCommand.CANCEL.equals(c.action())) {
            LOG.info("training job {} requested: {}", job.id(), job.reason());
            job.result().whenComplete((r, e) -> {
                if (r != null) {
                    bus.publish(TrainingCommand.RESULTS, new TrainingCommand.Outcome(c.id(), r));
                }
            });
        }
    }

    /** A person's activation: the coordinator loads, verifies and swaps the version in; the answer says whether it did. */
    private static void activate(EventBus bus, TrainingCoordinator coordinator, TrainingCommand c) {
        String model = coordinator.config().modelId();
        String error = null;
        try {
            coordinator.activate(c.version(), c.confirmedGap() == null ? null : new PromotionGate.Confirmation(c.confirmedGap(), "a person, on the desk"));
        } catch (RuntimeException e) {
            LOG.warn("activation of {} {} refused: {}", model, c.version(), e.getMessage());
            error = e.getMessage();
        }
        bus.publish(TrainingCommand.ANSWERS, new TrainingCommand.Answer(c.id(), model, null, error));
    }

    @Override
    public void close() {
        sub.close();
    }
}
