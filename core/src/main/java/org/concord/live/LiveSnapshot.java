package org.concord.live;

import java.util.List;

/**
 * What a live-inference session publishes after every update (and on start/stop): everything the Live panel and
 * the chart's ghost candles show. A plain record (JSON on a remote bus).
 *
 * @param running        false after stop
 * @param updates        inferences made since start
 * @param latest         the newest signal, or null before the first
 * @param signals        the newest signals, newest last (at most the configured number)
 * @param ghosts         predicted next candles after the newest closed bar
 * @param ghostHits      predicted candles whose direction (close vs open) matched the real bar's, since start
 * @param ghostScored    predicted first candles that have been compared with their real bar
 * @param position       FLAT / LONG / SHORT of the paper position
 * @param entryPrice     NaN when flat
 * @param realizedPct    realized P&L of the session's paper account after every fee, percent of its starting cash
 * @param unrealizedPct  the open paper position at the last close, percent of the starting cash
 * @param feesPct        fees paid by the paper account, percent of the starting cash (inside {@code realizedPct})
 * @param buyHoldPct     the baseline: buy-and-hold of the same cash from the first signal, after the same costs, percent
 * @param pivotSamples   pivots turned into samples since start (pivot training)
 * @param framesStored   inference frames stored since start (frame training)
 * @param trainingJobs   background jobs this session started
 * @param errors         inferences that failed (each logged once)
 * @param message        a line for the status ("LIVE cnn-btcusd on BTCUSD 1m", or why it stopped)
 */
public record LiveSnapshot(String sessionId, String modelId, String symbol, String timeframe, LiveMode mode, boolean running, long updates,
                           LiveSignal latest, List<LiveSignal> signals, List<GhostCandle> ghosts, long ghostHits, long ghostScored,
                           String position, double entryPrice, double realizedPct, double unrealizedPct, double feesPct, double buyHoldPct, int trades, int wins,
                           long pivotSamples, long framesStored, long trainingJobs, long errors, String message) {
    public LiveSnapshot {
        signals = signals == null ? List.of() : List.copyOf(signals);
        ghosts = ghosts == null ? List.of() : List.copyOf(ghosts);
        message = message == null ? "" : message;
    }

    public double totalPct() {
        return realizedPct + unrealizedPct;
    }
}
