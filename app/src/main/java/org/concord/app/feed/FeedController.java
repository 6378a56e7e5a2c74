package org.concord.app.feed;

import org.concord.config.ConcordConfig;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.feed.FeedState;
import org.concord.feed.ReplayFeed;
import org.concord.feed.binance.BinanceConfig;
import org.concord.feed.binance.BinanceFeed;
import org.concord.instrument.Instrument;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.module.ModuleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts, steers and describes the desktop's feed: the bundled replay (play/pause, speed, seek) or Binance live
 * (one symbol). Methods may block briefly (feed start/stop): call them off the FX thread.
 */
public final class FeedController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedController.class);
    /** Replay speeds offered in the UI; the last is "max". */
    public static final double[] SPEEDS = {1, 10, 60, 600, 3_600, ReplayFeed.MAX_SPEED};

    private final ConcordRuntime engine;
    private volatile ReplayFeed replay;
    private volatile BinanceFeed live;
    private volatile Symbol liveSymbol;

    public FeedController(ConcordRuntime engine) {
        if (engine == null) {
            throw new IllegalArgumentException("engine is required");
        }
        this.engine = engine;
    }

    /**
     * Starts the bundled replay at {@code speed}, looping. It continues where the data dir's last replay left off
     * (a restart picks up the session instead of replaying the tape from its start over stored bars); on a data dir
     * without one it starts at the tape's start and plays {@code skipMillis} of it at once first.
     */
    public synchronized ReplayFeed startReplay(double speed, long skipMillis) {
        stopLive();
        long resume = engine.data().resumePoint(BundledData.BTCUSD);
        ReplayFeed r = engine.startBundledReplay(speed, true, resume);
        if (resume == Long.MIN_VALUE && skipMillis > 0) {
            r.seek(r.tape().firstTime() + skipMillis);
        }
        replay = r;
        return r;
    }

    /**
     * Goes live on Binance for {@code symbol} (klines of every chart timeframe from 1m to 1d, and trades/book as the
     * template says); the replay stops. {@code template} carries URLs and timings (null: the {@code binance:} section
     * of {@code <data dir>/concord.yaml}, else Binance's public endpoints with aggregate trades and depth); the symbol
     * and the intervals are added to it.
     */
    public synchronized void startBinance(Symbol symbol, BinanceConfig.Builder template) {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is required");
        }
        engine.stopFeed();
        replay = null;
        stopLive();
        BinanceConfig cfg = (template == null ? configuredTemplate() : template)
                .symbol(symbol)
                .intervals(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1).build();
        live = BinanceFeed.connect(cfg, engine.data());
        liveSymbol = symbol;
        LOG.info("live feed started: {}", live.name());
    }

    /** The live feed's listings from Binance's exchangeInfo (tick, step, minimums under Binance's symbols); empty on the replay. */
    public List<Instrument> liveListings() {
        BinanceFeed l = live;
        return l == null ? List.of() : l.instruments();
    }

    private BinanceConfig.Builder configuredTemplate() {
        Path file = engine.dataDir().resolve(ConcordConfig.FILE);
        return Files.exists(file) ? ConcordConfig.load(file, ModuleCatalog.fromClasspath()).binance()
                : BinanceConfig.builder().aggTrades(true).depth(true);
    }

    private void stopLive() {
        BinanceFeed l = live;
        if (l != null) {
            l.stop();
            live = null;
            liveSymbol = null;
        }
    }

    /*
     * Play, pause and speed steer the whole bundled market: the tape and the bar replays beside it (ETHUSD, AAPL).
     * Paused, the ETHUSD bars went on arriving every half second at 600x and kept its orchestrator and chart busy
     * (7.7 % of a core with the replay "paused", DeskBudgetsBench; the budget is 3 %).
     */
    public void play() {
        ReplayFeed r = replay;
        if (r != null) {
            r.resume();
            engine.companions().forEach(BarReplayFeed::resume);
        }
    }

    public void pause() {
        ReplayFeed r = replay;
        if (r != null) {
            r.pause();
            engine.companions().forEach(BarReplayFeed::pause);
        }
    }

    public void setSpeed(double speed) {
        ReplayFeed r = replay;
        if (r != null) {
            r.setSpeed(speed);
            engine.companions().forEach(b -> b.setSpeed(speed));
        }
    }

    /**
     * Seeks the bundled market to {@code fraction} (0..1) of its tape: the tape goes there, and the bar replays beside
     * it (ETHUSD, AAPL) go to the same instant once the tape is there (one market clock, {@link BarReplayFeed#seek}).
     */
    public void seekFraction(double fraction) {
        ReplayFeed r = replay;
        if (r != null) {
            r.seek(instant(r, fraction));
        }
    }

    /**
     * Where a seek to {@code fraction} of the tape puts each bundled instrument's data ({@link ConcordRuntime#seekPoints}):
     * what a paper session restarted for that seek waits for. Empty without a replay. Cheap (in-memory series).
     */
    public Map<Symbol, Long> seekPoints(double fraction) {
        ReplayFeed r = replay;
        return r == null ? Map.of() : engine.seekPoints(instant(r, fraction));
    }

    private static long instant(ReplayFeed r, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return r.tape().firstTime() + (long) (f * (r.tape().lastTime() - r.tape().firstTime()));
    }

    public ReplayFeed replay() {
        return replay;
    }

    /**
     * Whether {@code symbol}'s data at {@code time} is past the end of its bundled recording: the replay then plays
     * shifted copies of it, every other one mirrored in price (loops), whose prices never traded. Cheap (volatile
     * reads); false for a live feed and for instruments the replay does not play.
     */
    public boolean synthetic(Symbol symbol, long time) {
        ReplayFeed r = replay;
        if (r == null || symbol == null || time == Long.MIN_VALUE) {
            return false;
        }
        if (r.tape().symbol().equals(symbol)) {
            return time > r.tape().lastTime();
        }
        for (BarReplayFeed b : engine.companions()) {
            BarSeries bars = b.series();
            if (b.symbol().equals(symbol) && !bars.isEmpty()) {
                return time > bars.timeframe().closeTime(bars.time(bars.size() - 1));
            }
        }
        return false;
    }

    /** A snapshot for the status bar (cheap: volatile reads). */
    public FeedStatus status() {
        ReplayFeed r = replay;
        if (r != null) {
            return new FeedStatus(r.name(), r.tape().symbol().code(), r.state(), r.speed(), r.dataTime(), -1, r.delivered(),
                    r.tape().firstTime(), r.tape().lastTime(), true);
        }
        BinanceFeed l = live;
        Symbol s = liveSymbol;
        if (l != null && s != null) {
            long clock = engine.data().clock(s);
            long lag = clock == Long.MIN_VALUE ? -1 : Math.max(0, System.currentTimeMillis() - clock);
            return new FeedStatus(l.name(), s.code(), l.state(), 1, clock, lag, l.stats().messages(), -1, -1, false);
        }
        return FeedStatus.NONE;
    }

    public boolean running() {
        FeedStatus s = status();
        return s.state() == FeedState.RUNNING;
    }

    @Override
    public synchronized void close() {
        stopLive();
        engine.stopFeed();
    }
}
