package org.concord.training;

import org.concord.model.Action;
import org.concord.model.InferenceFrameReference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live accuracy a trader reads beside a model: of the active version's matured predictions made <b>after its
 * training data ends</b> (rows it trained on would flatter it), how often the side the panel showed — the two-action
 * view, BUY if p(BUY) ≥ p(SELL) else SELL — matched the direction the price then took (the sign of the frame's
 * labelled return), over the last {@code window} of them; beside it the majority rate of the same frames (the share
 * of the more frequent direction: what always calling that side would have scored). Frames whose return is exactly 0
 * have no direction and are not scored. Thread-safe.
 */
public final class LiveAccuracy {
    /** What the panel shows: accuracy and the majority rate over {@code n} frames (NaN before any). */
    public record Figures(int n, double accuracy, double majorityRate) {
    }

    private static final int MAX_PENDING = 50_000;
    private final int window;
    private final boolean[] hits;
    private final boolean[] ups;
    private final Map<String, Action> sides = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Action> e) {
            return size() > MAX_PENDING;
        }
    };
    private int next;
    private int count;
    private int hitCount;
    private int upCount;

    public LiveAccuracy(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1");
        }
        this.window = window;
        this.hits = new boolean[window];
        this.ups = new boolean[window];
    }

    /** The side shown for a stored frame (two-action view of the signal's probabilities). */
    public synchronized void shown(String frameId, float pBuy, float pSell) {
        sides.put(frameId, pBuy >= pSell ? Action.BUY : Action.SELL);
    }

    /**
     * Scores a matured frame if it is the active version's and lies after {@code trainedTo} (its training data's end).
     *
     * @return true when it was scored
     */
    public synchronized boolean matured(InferenceFrameReference ref, String modelId, String activeVersion, long trainedTo) {
        Action side = sides.remove(ref.id());
        if (side == null || !modelId.equals(ref.modelId()) || !activeVersion.equals(ref.modelVersion()) || ref.windowEnd() <= trainedTo
                || ref.outcome() == null || !(ref.outcome().returnPct() != 0) || Double.isNaN(ref.outcome().returnPct())) {
            return false;
        }
        boolean up = ref.outcome().returnPct() > 0;
        boolean hit = up == (side == Action.BUY);
        if (count == window) {
            hitCount -= hits[next] ? 1 : 0;
            upCount -= ups[next] ? 1 : 0;
        } else {
            count++;
        }
        hits[next] = hit;
        ups[next] = up;
        hitCount += hit ? 1 : 0;
        upCount += up ? 1 : 0;
        next = (next + 1) % window;
        return true;
    }

    public synchronized Figures figures() {
        if (count == 0) {
            return new Figures(0, Double.NaN, Double.NaN);
        }
        return new Figures(count, hitCount / (double) count, Math.max(upCount, count - upCount) / (double) count);
    }

    /** A new version is active: its figures start empty. */
    public synchronized void reset() {
        count = 0;
        next = 0;
        hitCount = 0;
        upCount = 0;
    }
}
