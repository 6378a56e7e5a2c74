package org.concord.data;

import org.concord.store.Direction;
import org.concord.model.Bar;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a trade-built session left off, read back from the store: the last closed 1s bar's close time, and the bars
 * that were forming then, rebuilt from the stored bars inside them (1m bars for the whole minutes, 1s bars for the
 * last part). A replay resumed there goes on exactly as if it had never stopped: no bar is built twice, no bar
 * starts half empty.
 */
final class SessionResume {
    private SessionResume() {
    }

    /** Close time of the newest stored 1s bar of {@code symbol} (Long.MIN_VALUE when none). */
    static long lastClose(BarStore store, Symbol symbol) {
        BarSeries last = store.query(symbol, Timeframe.S1, Long.MIN_VALUE, Long.MAX_VALUE, 1, Direction.LATEST);
        return last.isEmpty() ? Long.MIN_VALUE : Timeframe.S1.closeTime(last.lastTime());
    }

    /** The bars forming at {@code time} (a 1s boundary), coarser than 1s, from the stored bars inside them. */
    static List<Bar> formingAt(BarStore store, Symbol symbol, long time) {
        long minute = Timeframe.M1.floor(time);
        BarSeries seconds = store.query(symbol, Timeframe.S1, minute, time - 1, 60, Direction.LATEST);
        List<Bar> out = new ArrayList<>();
        for (Timeframe tf : Timeframe.all()) {
            if (tf.millis() <= Timeframe.S1.millis()) {
                continue;
            }
            long open = tf.floor(time);
            if (open == time) {
                continue; // a new bar starts with the next trade
            }
            Partial p = new Partial();
            if (tf != Timeframe.M1 && open < minute) {
                int maxMinutes = (int) ((minute - open) / Timeframe.M1.millis());
                p.add(store.query(symbol, Timeframe.M1, open, minute - 1, maxMinutes, Direction.LATEST));
            }
            p.add(seconds);
            if (p.count > 0) {
                out.add(new Bar(symbol, tf, open, p.open, p.high, p.low, p.close, p.volume, false));
            }
        }
        return out;
    }

    /** First open, highest high, lowest low, last close, summed volume of bars added oldest first. */
    private static final class Partial {
        double open;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double close;
        double volume;
        int count;

        void add(BarSeries s) {
            for (int i = 0; i < s.size(); i++) {
                if (count++ == 0) {
                    open = s.open(i);
                }
                high = Math.max(high, s.high(i));
                low = Math.min(low, s.low(i));
                close = s.close(i);
                volume += s.volume(i);
            }
        }
    }
}
