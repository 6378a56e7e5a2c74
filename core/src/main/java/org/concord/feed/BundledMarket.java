package org.concord.feed;

import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The three bundled instruments played together (the desk, {@code serve} and {@code replay} with the bundled feed),
 * and how each is played. Their files cover different times, so each is played on the clock that keeps it honest:
 * <ul>
 *   <li><b>BTCUSD</b> — the Bitstamp trade tape (2013-11-25..12-01), replayed trade by trade as live by
 *       {@link ReplayFeed} at the session's speed; it is the session's clock (seek, the status bar's data time).</li>
 *   <li><b>AAPL</b> — the 2013 daily bars, on BTCUSD's clock ({@link BarReplayFeed#following}): the days before the
 *       tape's time are history at once, each later day arrives when the tape's clock passes its close. Both are
 *       2013 data, so at any moment the two show the same calendar time and a cross-asset statistic pairs returns of
 *       the same days; no Apple bar is seen before the tape reaches its close. After its file (2013-12-31) it stays at
 *       its end.</li>
 *   <li><b>ETHUSD</b> — the 5-minute bars of 2023-03-13..15, on BTCUSD's clock too, whole days later
 *       ({@link BarReplayFeed#following} with a shift, {@link #ethShift}): its first day plays as the tape's second, at
 *       the same time of day, looping like the tape. Its bars keep their own dates (real data is not re-dated), so
 *       statistics that need simultaneous data (correlation) find no common times with it and say so (not ready).</li>
 * </ul>
 * One clock: a seek of the tape moves both bar replays to the same instant ({@link BarReplayFeed#seek}).
 */
public final class BundledMarket {
    /** The bundled instruments, in watchlist order. */
    public static final List<Symbol> SYMBOLS = List.of(BundledData.BTCUSD, BundledData.ETHUSD, BundledData.AAPL);

    private BundledMarket() {
    }

    /** The timeframe a bundled symbol's data comes in (empty: trades, bars built from 1s up). */
    public static Optional<Timeframe> barTimeframe(Symbol s) {
        if (BundledData.ETHUSD.equals(s)) {
            return Optional.of(Timeframe.M5);
        }
        if (BundledData.AAPL.equals(s)) {
            return Optional.of(Timeframe.D1);
        }
        return Optional.empty();
    }

    /**
     * The decision timeframe for {@code s}: the configured one, or the symbol's own bar timeframe where that is longer
     * (ETHUSD decides on 5m, AAPL on 1d: they have no shorter bars).
     */
    public static Timeframe decisionTimeframe(Symbol s, Timeframe configured) {
        Timeframe own = barTimeframe(s).orElse(configured);
        return own.millis() > configured.millis() ? own : configured;
    }

    /**
     * The bar feeds that play beside the BTCUSD tape replay (not started), on its clock; bad rows are counted in the
     * provider's quality. With {@code loop} (the tape loops) ETHUSD loops too and AAPL stays at its end (2013-12-31)
     * until a seek takes the market back; without, both end with their files.
     */
    public static List<BarReplayFeed> companions(DataProvider data, long tapeStart, double speed, boolean loop) {
        BarSeries eth = BundledData.eth5mBars(data.quality());
        BarSeries aapl = BundledData.appleDailyBars(data.quality());
        LongSupplier tape = () -> data.clock(BundledData.BTCUSD);
        List<BarReplayFeed> out = List.of(
                BarReplayFeed.following(eth, data, BundledData.BTCUSD, tape, ethShift(eth, tapeStart),
                        loop ? BarReplayFeed.AtEnd.LOOP : BarReplayFeed.AtEnd.FINISH),
                BarReplayFeed.following(aapl, data, BundledData.BTCUSD, tape, 0, loop ? BarReplayFeed.AtEnd.STAY : BarReplayFeed.AtEnd.FINISH));
        out.forEach(b -> b.setSpeed(speed)); // only shown: on the tape's clock they move at its speed
        return out;
    }

    /**
     * How many whole days later ETHUSD's recording plays than the tape: its first day is the tape's second, so a desk
     * that opens two days into the tape shows ETHUSD's first day as history and its second as it comes (as before,
     * when it played half at once on a clock of its own). Whole days: a bar keeps its time of day.
     */
    static long ethShift(BarSeries eth, long tapeStart) {
        return Timeframe.D1.floor(eth.time(0)) - (Timeframe.D1.floor(tapeStart) + Timeframe.D1.millis());
    }
}
