package org.concord.training;

import java.time.Duration;

/** What starts a training job ({@link TrainingCoordinator#triggerTrainingOnEvent}). */
public sealed interface TrainingTrigger {
    /** Train now. */
    record OnRequest(String reason) implements TrainingTrigger {
    }

    /** Train each time this many more frames have matured. */
    record EveryMaturedFrames(int count) implements TrainingTrigger {
        public EveryMaturedFrames {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1");
            }
        }
    }

    /** Train on a wall-clock schedule. */
    record Every(Duration period) implements TrainingTrigger {
        public Every {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
        }
    }

    static TrainingTrigger onRequest(String reason) {
        return new OnRequest(reason);
    }

    static TrainingTrigger everyMaturedFrames(int n) {
        return new EveryMaturedFrames(n);
    }

    static TrainingTrigger every(Duration period) {
        return new Every(period);
    }
}
