package org.concord.feed;

import org.concord.data.MarketDataSink;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

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
 *       end, its copy opening where the last bar closed, every other copy mirrored in price ({@link LoopPricing}), as
 *       {@link ReplayFeed} does with a tape;</li>
 *   <li><b>another symbol's</b> ({@link #following}): a bar is delivered once the lead symbol's session clock has
 *       passed its close time, so two instruments of the same calendar (Apple's 2013 days beside the 2013 Bitstamp
 *       tape) are in step and nothing of this series is seen before the lead's time reaches it. Bars that closed
 *       before the lead's clock when it starts arrive at once (history). A series of another calendar (ETH/USD's
 *       2023 days) follows with a whole-day {@code shift}: its bar at {@code t} is due at the lead's {@code t - shift};
 *       its bars keep their own times (no re-dating). It ends with its series, or loops.</li>
 * </ul>
 * Each start plays the series from its first bar (the store keeps the bars of an earlier run; delivering them again
 * writes the same values). A following feed goes where its lead seeks ({@link #seek}): to the bar that covers or
 * precedes the lead's instant; before its first bar it waits for it, after its end (no loop) it stays there.
 */
public final class BarReplayFeed implements MarketFeed {
    public static final String SOURCE = "replay";
    /** The longest wall time between two bars on the feed's own clock. */
    public static final long MAX_BAR_WALL_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(BarReplayFeed.class);
    private static final long TICK_NANOS = 50_000_000L;
    private static final long DAY = 86_400_000L;

    private final BarSeries series;
    private final MarketDataSink sink;
    private final LongSupplier leadClock;
    private final Symbol lead;
    private final int preload;
    private final boolean loop;
    private final AtEnd atEnd;
    private final long shift; // a following feed's own time minus the lead's
    private final long span; // a loop's length: the recording's, from its first bar's open to its last bar's close
    private final BarRollup rollup;
    private final ReplayThread replay;
    private volatile double speed;
    private volatile long delivered;
    private volatile long dataTime = Long.MIN_VALUE;
    private volatile long seekRequest = Long.MIN_VALUE;
    /** How loop copies are priced (null without a loop). */
    private final LoopPricing pricing;
    // the replay thread's place: the next bar, the loop copy's time offset and number (0: the recording)
    private int next;
    private long offset;
    private long copy;

    /** What a feed does after its series' last bar. */
    public enum AtEnd {
        /** it ends (state FINISHED) */
        FINISH,
        /** it stays there, running: a seek back of its lead takes it back into its series */
        STAY,
        /** the series plays again, from where its last bar closed, every other copy mirrored in price ({@link LoopPricing}) */
        LOOP
    }

    private BarReplayFeed(BarSeries series, MarketDataSink sink, double speed, int preload, AtEnd atEnd, Symbol lead, LongSupplier leadClock,
                          long shift) {
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
        this.atEnd = atEnd;
        this.loop = atEnd == AtEnd.LOOP;
        this.lead = lead;
        this.leadClock = leadClock;
        this.shift = shift;
        // a copy opens where the recording's last bar closed: with whole days (as before), ETH/USD's two days stood
        // still for two more days of the tape's clock between copies, a stale price that looked live on the desk
        this.span = series.timeframe().closeTime(series.lastTime()) - series.time(0);
        this.pricing = loop ? LoopPricing.of(series.open(0), series.close(series.size() - 1)) : null;
        this.rollup = new BarRollup(series.symbol(), series.timeframe(), sink, SOURCE);
    }

    /** On its own clock: {@code preload} bars at once, then one bar per {@code min(timeframe / speed, 2 s)}. */
    public static BarReplayFeed paced(BarSeries series, MarketDataSink sink, double speed, int preload, boolean loop) {
        return new BarReplayFeed(series, sink, speed, preload, loop ? AtEnd.LOOP : AtEnd.FINISH, null, null, 0);
    }

    /** In step with {@code lead}: a bar arrives once {@code leadClock} (the lead's session clock) passed its close. */
    public static BarReplayFeed following(BarSeries series, MarketDataSink sink, Symbol lead, LongSupplier leadClock) {
        return following(series, sink, lead, leadClock, 0, AtEnd.FINISH);
    }

    /**
     * In step with {@code lead}, {@code shift} ms (whole days) later in its own calendar: a bar at {@code t} arrives
     * once {@code leadClock} passed {@code close(t) - shift}; after its end as {@code atEnd} says.
     */
    public static BarReplayFeed following(BarSeries series, MarketDataSink sink, Symbol lead, LongSupplier leadClock, long shift, AtEnd atEnd) {
        if (lead == null || leadClock == null) {
            throw new IllegalArgumentException("lead symbol and clock are required");
        }
        if (shift % DAY != 0) {
            throw new IllegalArgumentException("the shift must be whole days (a bar keeps its time of day), got " + shift);
        }
        if (atEnd == null) {
            throw new IllegalArgumentException("what happens at the end is required");
        }
        return new BarReplayFeed(series, sink, 1, 0, atEnd, lead, leadClock, shift);
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

    /** Close time of the last delivered bar, or the instant (in this series' own time) a seek moved it to. */
    public long dataTime() {
        return dataTime;
    }

    /** How much later in its own calendar this series plays than its lead (0: the same calendar, or its own clock). */
    public long shift() {
        return shift;
    }

    /**
     * Goes to the lead's instant {@code leadTime} (handled on the replay thread before the next bar). Back in time, the
     * bars after it are the future again, and the last bar closed by then is delivered once more as the restarted
     * session's first: the symbol's session restarts at that bar's open ({@link #resumeOpen}), so whoever listens (a
     * paper account restarted for the seek) has the instrument's price at the instant at once instead of at its next
     * bar, a tape day later for daily bars. Forward, nothing is skipped: the bars arrive as the lead's clock passes
     * them. A feed on its own clock has no lead to follow.
     */
    public void seek(long leadTime) {
        if (leadClock == null) {
            throw new IllegalStateException(name() + " plays on its own clock: it has no lead to seek with");
        }
        seekRequest = leadTime;
    }

    /**
     * Where a seek back to the lead's {@code leadTime} puts this series: the open time (its own, loop copies shifted) of
     * the first bar it delivers then — the last bar closed by that instant, delivered again, or the first bar after
     * the instant where none of this copy closed before it; Long.MAX_VALUE when none comes (past the end, no loop).
     * Pure: any thread.
     */
    public long resumeOpen(long leadTime) {
        long[] at = resume(leadTime + shift);
        return at[0] >= series.size() ? Long.MAX_VALUE : series.time((int) at[0]) + at[1];
    }

    /** As {@link #place}, one bar earlier when a bar of the same copy closed by {@code own}: the one delivered again. */
    private long[] resume(long own) {
        long[] at = place(own);
        if (at[0] > 0 && at[0] < series.size()) {
            at[0]--;
        }
        return at;
    }

    /** {next bar's index, its copy's offset}: the first bar whose close is after {@code own} (this series' time). */
    private long[] place(long own) {
        int n = series.size();
        long copy = loop ? Math.max(0, Math.floorDiv(own - series.time(0), span)) : 0;
        long off = copy * span;
        int i = 0;
        while (i < n && series.timeframe().closeTime(series.time(i)) + off <= own) {
            i++;
        }
        if (i >= n && loop) {
            return new long[] {0, off + span, copy + 1};
        }
        return new long[] {i, off, copy};
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
        offset = 0;
        copy = 0;
        sink.resetSession(series.symbol(), series.time(0));
        for (next = 0; next < preload && !replay.stopRequested(); next++) {
            deliver(next);
        }
        long due = System.nanoTime();
        while (!replay.stopRequested()) {
            long seek = seekRequest;
            if (seek != Long.MIN_VALUE) {
                seekRequest = Long.MIN_VALUE;
                goBackTo(seek + shift);
            }
            int i = next;
            if (i >= n) {
                if (atEnd == AtEnd.FINISH) {
                    return;
                }
                if (atEnd == AtEnd.STAY) {
                    LockSupport.parkNanos(TICK_NANOS); // a seek back may take it back into its series
                    continue;
                }
                next = 0;
                offset += span;
                copy++;
                rollup.reset();
                LOG.info("replay of {}: the recording ended; from {} it plays a copy {}: synthetic prices",
                        series.symbol(), Instant.ofEpochMilli(series.time(0) + offset), LoopPricing.describe(copy));
                continue;
            }
            // a following feed paused with its lead still catches up to the lead's clock, which stands still: paused
            // right after a seek forward, it would otherwise show an instant behind the tape's
            if (replay.paused() && leadClock == null) {
                replay.holdWhilePaused(TICK_NANOS);
                due = System.nanoTime();
                continue;
            }
            if (leadClock != null) {
                if (tf.closeTime(series.time(i)) + offset - shift > leadClock.getAsLong()) {
                    LockSupport.parkNanos(TICK_NANOS);
                    continue;
                }
                deliver(next++);
                continue;
            }
            double sp = speed;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, TICK_NANOS));
                continue;
            }
            deliver(next++);
            long step = sp == ReplayFeed.MAX_SPEED ? 0 : (long) Math.min(MAX_BAR_WALL_MS * 1_000_000.0, tf.millis() * 1_000_000.0 / sp);
            due += step;
        }
    }

    /**
     * Back in time to {@code own} (this series' time) if it delivered bars after it: the session restarts at the open
     * of the last bar closed by then, which comes again ({@link #resume}; at {@code own} when none of this copy closed
     * before it), the longer bars in progress are rebuilt from the day's earlier bars (stored already: written again
     * unchanged), and the bar after it is the one that covers {@code own}. A seek to where it is, or ahead, changes
     * nothing.
     */
    private void goBackTo(long own) {
        if (dataTime == Long.MIN_VALUE || own >= dataTime) {
            return;
        }
        long[] at = resume(own);
        next = (int) at[0];
        offset = at[1];
        copy = at[2];
        long restart = next < series.size() ? Math.min(own, series.time(next) + offset) : own;
        sink.resetSession(series.symbol(), restart);
        rollup.reset();
        long dayStart = Timeframe.D1.floor(restart);
        for (int j = 0; j < next && j < series.size(); j++) {
            long t = series.time(j) + offset;
            if (t >= dayStart) {
                rollup.onBar(t, series.timeframe().closeTime(t), price(series.open(j)), high(j), low(j), price(series.close(j)), series.volume(j));
            }
        }
        dataTime = own;
        LOG.info("replay of {} went back to {} (first bar again at {})", series.symbol(), Instant.ofEpochMilli(own),
                next < series.size() ? Instant.ofEpochMilli(series.time(next) + offset) : "none: the recording has ended");
    }

    /** Bar {@code i} of the recording as the current copy plays it. */
    private void deliver(int i) {
        long t = series.time(i) + offset;
        long close = series.timeframe().closeTime(t);
        double o = price(series.open(i));
        double h = high(i);
        double l = low(i);
        double c = price(series.close(i));
        double v = series.volume(i);
        sink.onBar(series.symbol(), series.timeframe(), t, o, h, l, c, v, true, SOURCE);
        rollup.onBar(t, close, o, h, l, c, v);
        sink.onClock(series.symbol(), close);
        dataTime = close;
        delivered++;
    }

    private double price(double p) {
        return copy == 0 ? p : pricing.price(copy, p);
    }

    private double high(int i) {
        return copy == 0 ? series.high(i) : pricing.high(copy, series.high(i), series.low(i));
    }

    private double low(int i) {
        return copy == 0 ? series.low(i) : pricing.low(copy, series.high(i), series.low(i));
    }
}
