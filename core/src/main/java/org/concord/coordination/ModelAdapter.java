package org.concord.coordination;

/**
 * Turns one source's raw output into a {@link Signal} and receives back what was done with it. One adapter per
 * source; called on the decision thread.
 *
 * @param <T> the source's own output type (a {@link org.concord.orchestrator.Prediction}, class probabilities, ...)
 */
public interface ModelAdapter<T> {
    String sourceId();

    /** The signal for {@code raw} at decision time {@code time}. Bad numbers pass through: the coordinator rejects them with a reason. */
    Signal adapt(T raw, long time);

    /** The action actually taken on the last signal (after coordination and risk). */
    default void onActionTaken(ActionTaken taken) {
    }

    /** The realized outcome of a position this source opened. */
    default void onFeedback(TradeFeedback feedback) {
    }
}
