package org.concord.feed;

import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;
import java.util.Optional;

/**
 * The three bundled instruments played together (the desk, {@code serve} and {@code replay} with the bundled feed),
 * and how each is played. Their files cover different times, so each is played on the clock that keeps it honest:
 * <ul>
 *   <li><b>BTCUSD</b> — the Bitstamp trade tape (2013-11-25..12-01), replayed trade by trade as live by
 *       {@link ReplayFeed} at the session's speed; it is the session's clock (seek, the status bar's data time).</li>
 *   <li><b>AAPL</b> — the 2013 daily bars, on BTCUSD's clock ({@link BarReplayFeed#following}): the days before the
 *       tape's time are history at once, each later day arrives when the tape's clock passes its close. Both are
 *       2013 data, so at any moment the two show the same calendar time and a cross-asset statistic pairs returns of
 *       the same days; no Apple bar is seen before the tape reaches its close. It ends with its file (2013-12-31).</li>
 *   <li><b>ETHUSD</b> — the 5-minute bars of 2023-03-13..15, on its own clock ({@link BarReplayFeed#paced}): the
 *       first half at once, then bar by bar at the session's speed, looping like the tape. Its data lies ten years
 *       after the others, so it cannot share their clock; statistics that need simultaneous data (correlation) find
 *       no common times with it and say so (not ready) instead of pairing returns of different years.</li>
 * </ul>
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

    /** The bar feeds that play beside the BTCUSD tape replay (not started); bad rows are counted in the provider's quality. */
    public static List<BarReplayFeed> companions(DataProvider data, double speed, boolean loop) {
        BarSeries eth = BundledData.eth5mBars(data.quality());
        BarSeries aapl = BundledData.appleDailyBars(data.quality());
        return List.of(
                BarReplayFeed.paced(eth, data, speed, eth.size() / 2, loop),
                BarReplayFeed.following(aapl, data, BundledData.BTCUSD, () -> data.clock(BundledData.BTCUSD)));
    }
}
