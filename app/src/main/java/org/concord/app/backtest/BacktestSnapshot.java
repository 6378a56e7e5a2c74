package org.concord.app.backtest;

/**
 * The Backtest tab's state (immutable), handed to the FX thread through the pulse.
 *
 * @param run     the run in progress ("combined", "window 2/4", "scalping alone"), or the last one
 * @param sent    events replayed in that run; {@code total} its events (0 while the data loads)
 * @param message what happened: the progress line, the summary, the failure's or the cancellation's message
 * @param outcome the last finished backtest (kept while a later one runs, fails or is cancelled), or null
 */
public record BacktestSnapshot(State state, String name, String run, long sent, long total, String message, BacktestOutcome outcome) {
    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

    /** Progress of the current run in [0, 1], or -1 while it has not started replaying. */
    public double progress() {
        return total <= 0 ? -1 : (double) sent / total;
    }
}
