package org.concord.training;

import org.concord.data.CandleCompletion;
import org.concord.indicators.pivots.PivotEvent;

/**
 * Receives what training learns from the market as candles close (subscribe with
 * {@code TrainingCoordinator.subscribe} or {@code TradingOrchestrator.subscribeTraining}). Both methods are called
 * on the coordinator's {@code concord-frames} thread, in candle order, never on the decision thread: keep them
 * short or hand work on. An exception thrown here is logged and does not stop the other subscribers.
 */
public interface TrainingSubscriber {
    /**
     * A candle of the model's base timeframe closed and an inference frame whose target time (window end + label
     * horizon) is that candle has matured on it: {@code frame.reference().outcome()} is its triple-barrier label,
     * {@code frame.frame()} the data re-read from the store. Called once per matured frame (not for a candle that
     * matured none; use {@code CandleCompletion.subscribe} for every candle).
     */
    default void onCandleCompletion(CandleCompletion candle, MaturedFrame frame) {
    }

    /** A Williams swing of some level was confirmed by the candle that just closed (never earlier). */
    default void onPivotEvent(PivotEvent pivot) {
    }
}
