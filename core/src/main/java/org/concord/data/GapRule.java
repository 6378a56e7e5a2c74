package org.concord.data;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;

import java.time.LocalDate;

/**
 * How many bars a gap between two closed bars of one market really lacks. A market seen with a bar opening on a
 * Saturday or Sunday (UTC: crypto) lacks every bar in between; one never seen then (the bundled Apple days) lacks
 * only the bars of the days its exchange trades: a weekend or an exchange holiday is a closed market, not missing
 * data. Learnt from the bars themselves (stored bars when a cache is seeded, then every closed bar). A weekday market
 * is taken to be a US stock market, the only kind the desk has ({@link UsMarketHolidays}: the bundled Apple days
 * reported each holiday as "bad input [GAP]"); the nights of a session market still count as missing. One per
 * symbol, used under the symbol's lock.
 */
final class GapRule {
    private static final long DAY = 86_400_000L;
    /** Longer gaps are counted whole rather than walked bar by bar. */
    private static final long WALK_LIMIT = 1_000_000;

    private boolean tradesWeekends;

    /** A closed bar of this market opened at {@code openTime}. */
    void saw(long openTime) {
        if (!tradesWeekends && isWeekend(openTime)) {
            tradesWeekends = true;
        }
    }

    /** Closed bars of this market (stored ones seeding a cache). */
    void saw(BarSeries bars) {
        for (int i = 0; i < bars.size() && !tradesWeekends; i++) {
            saw(bars.time(i));
        }
    }

    /** The bars missing between {@code lastBefore} and {@code openTime} (bar open times, {@code lastBefore < openTime}). */
    long missing(Timeframe tf, long lastBefore, long openTime) {
        long step = tf.millis();
        long all = (openTime - lastBefore) / step - 1;
        if (tradesWeekends || step > DAY || all <= 0 || all > WALK_LIMIT) {
            return all;
        }
        return tradingBars(lastBefore, openTime, step);
    }

    /**
     * The bars strictly between the two open times that fall on days the exchange trades. Apart from
     * {@link #missing}, which runs for every bar and is kept small so that it can stay inlined in the ingest path (with
     * the calendar walk in it, a backtest's data layer ran at 5.6–6.8 M bars/s instead of 8.8 M; README).
     */
    private static long tradingBars(long lastBefore, long openTime, long step) {
        long n = 0;
        long day = Long.MIN_VALUE;
        boolean open = false;
        for (long t = lastBefore + step; t < openTime; t += step) {
            long d = Math.floorDiv(t, DAY);
            if (d != day) { // one calendar look-up per day, however short the bars
                day = d;
                open = !isWeekend(t) && !UsMarketHolidays.isHoliday(LocalDate.ofEpochDay(d));
            }
            if (open) {
                n++;
            }
        }
        return n;
    }

    static boolean isWeekend(long time) {
        long dayOfWeek = Math.floorMod(Math.floorDiv(time, DAY) + 3, 7); // 1970-01-01 was a Thursday; Monday is 0
        return dayOfWeek >= 5;
    }
}
