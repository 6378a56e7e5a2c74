package org.concord.training;

import org.concord.bus.Subscription;
import org.concord.threads.CallbackArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * A model's inferences on the node's decision path, for whoever follows them (a live session's signals, ghost candles
 * and paper account): the orchestrator infers the model once per decision bar and publishes here what it saw and said,
 * so nothing infers the model a second time. Delivered on the decision thread in decision order; a follower hands the
 * work to its own thread and never blocks (a slow follower would hold up the decisions). A follower that throws is
 * logged and stays subscribed: the decision made on the inference is not the follower's to stop.
 */
public final class InferenceFeed {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceFeed.class);

    private final String modelId;
    @SuppressWarnings("unchecked")
    private final CallbackArray<Consumer<TrainingCoordinator.Inference>> followers = new CallbackArray<>(Consumer[]::new);

    InferenceFeed(String modelId) {
        this.modelId = modelId;
    }

    /** Follows the model's decision-path inferences from now on. */
    public Subscription subscribe(Consumer<TrainingCoordinator.Inference> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Whether anyone follows (the decision path builds nothing for the feed when no one does). */
    public boolean followed() {
        return !followers.isEmpty();
    }

    /** One inference the decision path made (decision thread). */
    public void publish(TrainingCoordinator.Inference inference) {
        if (inference == null) {
            throw new IllegalArgumentException("inference is required");
        }
        for (Consumer<TrainingCoordinator.Inference> f : followers.items()) {
            try {
                f.accept(inference);
            } catch (RuntimeException e) {
                LOG.warn("a follower of {}'s inferences failed: {}", modelId, e.toString());
            }
        }
    }
}
