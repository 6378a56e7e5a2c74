package org.concord.data;

import org.concord.bus.Subscription;
import org.concord.model.BarChecks;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.function.Consumer;

/**
 * A candle that has just closed: its values are final. The DataProvider emits one per closed bar at the live
 * edge to those who {@link #subscribe} to it; training matures the inference frames whose target time
 * is this candle's close on it. A plain record so it crosses the event bus as JSON.
 *
 * @param openTime epoch ms of the candle's open; it closes at {@code timeframe.closeTime(openTime)}
 */
public record CandleCompletion(Symbol symbol, Timeframe timeframe, long openTime, double open, double high, double low,
                               double close, double volume) {
    public CandleCompletion {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("candle completion needs a symbol and a timeframe");
        }
        if (timeframe.floor(openTime) != openTime) {
            throw new IllegalArgumentException(symbol + " " + timeframe + " candle open time " + openTime + " is not on a boundary");
        }
        String problem = BarChecks.problem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException(symbol + " " + timeframe + " candle at " + openTime + ": " + problem);
        }
    }

    /**
     * One completion per closed bar at {@code data}'s live edge (the same closes as {@link
     * DataProvider#subscribeBarCloses}, shortest timeframe first within an instant), on the ingest thread: hand work
     * to your own thread. Only these subscribers pay for the event object; the bar path itself stays allocation-free.
     */
    public static Subscription subscribe(DataProvider data, Consumer<CandleCompletion> listener) {
        if (data == null || listener == null) {
            throw new IllegalArgumentException("data provider and listener are required");
        }
        return data.subscribeBarCloses((s, tf, t, o, h, lo, c, v) -> listener.accept(new CandleCompletion(s, tf, t, o, h, lo, c, v)));
    }

    /** Epoch ms at which the candle closed (the end of its interval). */
    public long closeTime() {
        return timeframe.closeTime(openTime);
    }
}
