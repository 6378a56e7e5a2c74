package org.concord.training;

import org.concord.model.InferenceFrameReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What happened to one model's inference frames: stored, matured (labelled by their outcome) or rejected at maturing
 * (their data no longer hashes the same). Each is counted for the model's status and published as a training event;
 * a rejection is also logged, as a warning the first time and every 100th: a restart can reject a whole batch of
 * pending frames at once, and a warning per frame floods the console.
 */
final class FrameTally {
    private static final Logger LOG = LoggerFactory.getLogger(FrameTally.class);
    static final int WARN_EVERY = 100;

    private final Consumer<TrainingEvent> publish;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong matured = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    FrameTally(Consumer<TrainingEvent> publish) {
        this.publish = publish;
    }

    void stored(InferenceFrameReference ref) {
        stored.incrementAndGet();
        publish.accept(TrainingEvent.frame(TrainingEventType.FRAME_STORED, ref.modelId(), ref.id(),
                ref.outcome() == null ? null : ref.outcome().label().name(), null, ref.source().name()));
    }

    void matured(InferenceFrameReference r) {
        matured.incrementAndGet();
        publish.accept(TrainingEvent.frame(TrainingEventType.FRAME_MATURED, r.modelId(), r.id(), r.outcome().label().name(),
                CandleMaturing.returnOf(r), r.outcome().hit().name()));
    }

    void rejected(InferenceFrameReference ref, String why) {
        long n = rejected.incrementAndGet();
        if (n == 1 || n % WARN_EVERY == 0) {
            LOG.warn("frame rejected at maturing (#{} for {}; the next warning at #{}): {}", n, ref.modelId(),
                    n / WARN_EVERY * WARN_EVERY + WARN_EVERY, why);
        } else {
            LOG.debug("frame rejected at maturing (#{} for {}): {}", n, ref.modelId(), why);
        }
        publish.accept(TrainingEvent.frame(TrainingEventType.FRAME_REJECTED, ref.modelId(), ref.id(), null, null, why));
    }

    long stored() {
        return stored.get();
    }

    long matured() {
        return matured.get();
    }

    long rejected() {
        return rejected.get();
    }
}
