package org.concord.app.training;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executes {@link TrainingCommand}s from the bus against a {@link TrainingCoordinator}, in the process that owns
 * it. Requests return at once: the job runs on the coordinator's training thread and reports on the training topics.
 */
public final class TrainingCommandHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingCommandHandler.class);
    private final Subscription sub;

    public TrainingCommandHandler(EventBus bus, TrainingCoordinator coordinator) {
        this(bus, coordinator == null ? null : Map.of(coordinator.config().symbol(), coordinator));
    }

    /** Routes each command to its symbol's coordinator (an empty symbol: the first). */
    public TrainingCommandHandler(EventBus bus, Map<Symbol, TrainingCoordinator> coordinators) {
        if (bus == null || coordinators == null || coordinators.isEmpty()) {
            throw new IllegalArgumentException("bus and coordinators are required");
        }
        Map<Symbol, TrainingCoordinator> bySymbol = new LinkedHashMap<>(coordinators);
        TrainingCoordinator first = bySymbol.values().iterator().next();
        sub = bus.subscribe(TrainingCommand.TOPIC, c -> {
            try {
                TrainingCoordinator coordinator = c.symbol().isEmpty() ? first : bySymbol.get(Symbol.of(c.symbol()));
                if (coordinator == null) {
                    throw new IllegalArgumentException("no training model for " + c.symbol() + " (have " + bySymbol.keySet() + ")");
                }
                if (TrainingCommand.TRAIN.equals(c.action())) {
                    TrainingJob job = coordinator.requestTraining(c.reason().isEmpty() ? "train now (desktop)" : c.reason());
                    LOG.info("training job {} requested: {}", job.id(), job.reason());
                } else {
                    TrainingJob job = coordinator.runningJobForTest();
                    if (job != null) {
                        job.cancel();
                        LOG.info("training job {} cancel requested", job.id());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("training command {} refused: {}", c, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        sub.close();
    }
}
