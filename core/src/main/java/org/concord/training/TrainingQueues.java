package org.concord.training;

import java.util.HashMap;
import java.util.Map;

/**
 * The training queues of one process, one per model id ({@link ModelTrainingQueue}): everything that trains a model's
 * weights acquires its queue here, so two trainings of one model never overlap. Owned by the process's runtime and
 * handed to each {@link TrainingCoordinator} (no static registry: two runtimes in one JVM, e.g. tests, do not share).
 */
public final class TrainingQueues {
    private final Map<String, ModelTrainingQueue> queues = new HashMap<>();

    /** The queue of {@code modelId} (created on first use); call {@link ModelTrainingQueue#release} when done with it. */
    public synchronized ModelTrainingQueue acquire(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model id is required");
        }
        ModelTrainingQueue q = queues.computeIfAbsent(modelId, id -> new ModelTrainingQueue(id, this));
        q.hold();
        return q;
    }

    synchronized void release(ModelTrainingQueue q) {
        if (q.letGo()) {
            queues.remove(q.modelId(), q);
        }
    }
}
