package org.concord.training;

import org.concord.model.InferenceFrameReference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many samples one training may hold: their inputs may take an eighth of the JVM's heap. A desk stores an inference
 * frame per decision (42,492 for BTCUSD after two sessions at 600×), and a training that took them all, with the
 * history samples beside them, died of {@code OutOfMemoryError} in the desk's 512 MB heap: the inputs alone were
 * 300 MB, and the training copies them (merging, folds). An eighth leaves room for those copies and for the desk.
 *
 * <p>What is cut is the oldest data, never a person's label: annotation frames are all kept, then the newest inference
 * frames, then history fills what is left ({@link TrainingJobRunner#collect}).
 */
record SampleBudget(int samples) {
    /** Bytes of one input value (a float). */
    static final int VALUE_BYTES = Float.BYTES;

    SampleBudget {
        if (samples < 0) {
            throw new IllegalArgumentException("a sample budget cannot be negative, got " + samples);
        }
    }

    /** The budget for inputs of {@code inputLength} values in a heap of {@code maxHeapBytes}. */
    static SampleBudget of(long maxHeapBytes, int inputLength) {
        if (maxHeapBytes <= 0 || inputLength < 1) {
            throw new IllegalArgumentException("heap and input length must be positive, got " + maxHeapBytes + ", " + inputLength);
        }
        return new SampleBudget((int) Math.min(Integer.MAX_VALUE, maxHeapBytes / 8 / ((long) inputLength * VALUE_BYTES)));
    }

    /** The budget of this JVM. */
    static SampleBudget ofThisJvm(int inputLength) {
        return of(Runtime.getRuntime().maxMemory(), inputLength);
    }

    /**
     * The frames to train on: every annotation frame, and the newest inference frames the budget has room for
     * (by window end), in the order given.
     */
    List<InferenceFrameReference> frames(List<InferenceFrameReference> matured) {
        List<InferenceFrameReference> inference = new ArrayList<>();
        int annotations = 0;
        for (InferenceFrameReference f : matured) {
            if (f.source() == InferenceFrameReference.Source.ANNOTATION) {
                annotations++;
            } else {
                inference.add(f);
            }
        }
        int room = Math.max(0, samples - annotations);
        if (inference.size() <= room) {
            return matured;
        }
        inference.sort(Comparator.comparingLong(InferenceFrameReference::windowEnd).reversed());
        long oldestKept = room == 0 ? Long.MAX_VALUE : inference.get(room - 1).windowEnd();
        int newer = 0; // frames after the oldest kept window end: all kept; those at it share what is left
        for (int i = 0; i < room && inference.get(i).windowEnd() > oldestKept; i++) {
            newer++;
        }
        int atOldest = room - newer;
        List<InferenceFrameReference> out = new ArrayList<>(annotations + room);
        for (InferenceFrameReference f : matured) {
            if (f.source() == InferenceFrameReference.Source.ANNOTATION || f.windowEnd() > oldestKept) {
                out.add(f);
            } else if (f.windowEnd() == oldestKept && atOldest > 0) {
                out.add(f);
                atOldest--;
            }
        }
        return out;
    }

    /** History bars to read for what is left after {@code samplesHeld}, one sample every {@code stride} bars; 0 when none. */
    int historyBars(int samplesHeld, int stride, int maxHistoryBars) {
        long left = (long) samples - samplesHeld;
        return left <= 0 ? 0 : (int) Math.min(maxHistoryBars, left * stride);
    }
}
