package org.concord.live;

/** What a live-inference session does besides inferring on every bar close. */
public enum LiveMode {
    /** Inference only: signals, ghost candles, paper P&L. */
    INFERENCE,
    /** Confirmed pivots become samples (high pivot → SELL/short, low pivot → BUY/long) and train in the background. */
    PIVOT_TRAINING,
    /** Every inference frame is stored; matured frames train the model continuously. */
    FRAME_TRAINING
}
