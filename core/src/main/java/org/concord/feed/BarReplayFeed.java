package org.concord.feed;

import org.concord.data.MarketDataSink;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Plays a recorded bar series (the bundled ETH/USD 5-minute or Apple daily bars) as if live, one closed bar at a
 * time, with the longer timeframes rolled up from it ({@link BarRollup}). A bar series has no trades, so it moves
 * bar by bar on one of two clocks:
 * <ul>
 *   <li><b>its own</b> ({@link #paced}): the first {@code preload} bars at once (the chart's history), then one bar
 *       every {@code timeframe / speed} of wall time, but at least one every {@value #MAX_BAR_WALL_MS} ms — a daily
 *       series at 600x would otherwise show a new bar every 144 s. With {@code loop} the series plays again after its
 *       end, shifted by whole days and price-scaled to join, as {@link ReplayFeed} does with a tape;</li>
 *   <li><b>another symbol's</b> ({@link #following}): a bar is delivered once the lead symbol's session clock has
 *       passed its close time, so two instruments of the same calendar (Apple's 2013 days beside the 2013 Bitstamp
 *       tape) are in step and nothing of this series is seen before the lead's time reaches it. Bars that closed
 *       before the lead's clock when it starts arrive at once (history). It ends with its series.</li>
 * </ul>
 * Each start plays the series from its first bar (the store keeps the bars of an earlier run; delivering them again
 * writes the same values).
 */
public final class BarReplayFeed implements MarketFeed {
    public static final String SOURCE = "replay";
    /** The longest wall time between two bars on the feed's own clock. */
    public static final long MAX_BAR_WALL_MS = 2_000;
    private static final long TICK_NANOS = 50_000_000L;
    private static final long DAY = 86_400_000L;

    private final BarSeries series;
    private final MarketDataSink sink;
    private final LongSupplier leadClock;
    private final Symbol lead;
    private final int preload;
    private final boolean loop;
    private final BarRollup rollup;
    private final ReplayThread replay;
    private volatile double speed;
    private volatile long delivered;
    private volatile long dataTime = Long.MIN_VALUE;

    private BarReplayFeed(BarSeries series, MarketDataSink sink, double speed, int preload, boolean loop, Symbol lead, LongSupplier leadClock) {
        if (series == null || sink == null) {
            throw new IllegalArgumentException("series and sink are required");
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("empty bar series " + series.symbol());
        }
        checkSpeed(speed);
        this.series = series;
        this.sink = sink;
        this.replay = new ReplayThread("replay-" + series.symbol(), this::play, () -> dataTime);
        this.speed = speed;
        this.preload = Math.max(0, Math.min(preload, series.size()));
        this.loop = loop;
        this.lead = lead;
        this.leadClock = leadClock;
        this.rollup = new BarRollup(series.symbol(), series.timeframe(), sink, SOURCE);
    }

    /** On its own clock: {@code preload} bars at once, then one bar per {@code min(timeframe / speed, 2 s)}. */
    public static BarReplayFeed paced(BarSeries series, MarketDataSink sink, double speed, int preload, boolean loop) {
        return new BarReplayFeed(series, sink, speed, preload, loop, null, null);
    }

    /** In step with {@code lead}: a bar arrives once {@code leadClock} (the lead's session clock) passed its close. */
    public static BarReplayFeed following(BarSeries series, MarketDataSink sink, Symbol lead, LongSupplier leadClock) {
        if (lead == null || leadClock == null) {
            throw new IllegalArgumentException("lead symbol and clock are required");
        }
        return new BarReplayFeed(series, sink, 1, 0, false, lead, leadClock);
    }

    private static void checkSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0 (or ReplayFeed.MAX_SPEED), got " + speed);
        }
    }

    @Override
    public String name() {
        return "Replay " + series.symbol() + " " + series.timeframe() + (lead != null ? " on " + lead + "'s clock"
                : speed == ReplayFeed.MAX_SPEED ? " max" : " " + speed + "x");
    }

    @Override
    public FeedState state() {
        return replay.state();
    }

    public Symbol symbol() {
        return series.symbol();
    }

    /** The series' own timeframe (the longer ones are rolled up from it). */
    public Timeframe timeframe() {
        return series.timeframe();
    }

    public BarSeries series() {
        return series;
    }

    /** The symbol whose clock this feed follows (null: its own clock). */
    public Symbol lead() {
        return lead;
    }

    public long delivered() {
        return delivered;
    }

    /** Close time of the last delivered bar. */
    public long dataTime() {
        return dataTime;
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double s) {
        checkSpeed(s);
        speed = s;
    }

    public void pause() {
        replay.pause();
    }

    public void resume() {
        replay.resume();
    }

    @Override
    public void start() {
        replay.start();
    }

    /** Waits until the series has played to its end (never, with loop) or the feed stopped. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return replay.awaitFinished(timeout, unit);
    }

    @Override
    public void stop() {
        replay.stop();
    }

    private void play() {
        int n = series.size();
        Timeframe tf = series.timeframe();
        long span = (Math.floorDiv(series.lastTime() - series.time(0), DAY) + 2) * DAY;
        long offset = 0;
        double scale = 1.0;
        sink.resetSession(series.symbol(), series.time(0));
        int i = 0;
        for (; i < preload && !replay.stopRequested(); i++) {
            deliver(i, offset, scale);
        }
        long due = System.nanoTime();
        while (!replay.stopRequested()) {
            if (i >= n) {
                if (!loop) {
                    return;
                }
                i = 0;
                offset += span;
                scale *= series.close(n - 1) / series.open(0);
                rollup.reset();
                continue;
            }
            if (replay.paused()) {
                replay.holdWhilePaused(TICK_NANOS);
                due = System.nanoTime();
                continue;
            }
            if (leadClock != null) {
                if (tf.closeTime(series.time(i)) > leadClock.getAsLong()) {
                    LockSupport.parkNanos(TICK_NANOS);
                    continue;
                }
                deliver(i++, offset, scale);
                continue;
            }
            double sp = speed;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, TICK_NANOS));
                continue;
            }
            deliver(i++, offset, scale);
            long step = sp == ReplayFeed.MAX_SPEED ? 0 : (long) Math.min(MAX_BAR_WALL_MS * 1_000_000.0, tf.millis() * 1_000_000.0 / sp);
            due += step;
        }
    }

    private void deliver(int i, long offset, double scale) {
        long t = series.time(i) + offset;
        long close = series.timeframe().closeTime(t);
        double o = series.open(i) * scale;
        double h = series.high(i) * scale;
        double l = series.low(i) * scale;
        double c = series.close(i) * scale;
        double v = series.volume(i);
        sink.onBar(series.symbol(), series.timeframe(), t, o, h, l, c, v, true, SOURCE);
        rollup.onBar(t, close, o, h, l, c, v);
        sink.onClock(series.symbol(), close);
        dataTime = close;
        delivered++;
    }
}
