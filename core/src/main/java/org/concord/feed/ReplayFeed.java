package org.concord.feed;

import org.concord.data.MarketDataSink;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Plays a recorded trade tape as if it were live: trade {@code i} is delivered when the wall clock has advanced
 * {@code (t_i - t_start) / speed} since the start (speed 1, 10, 100, ... or {@link #MAX_SPEED}: no waiting).
 * While waiting it advances the sink's clock so bars close on time in quiet periods. Pause/resume, speed change
 * and seek are requests handled by the replay thread between two trades, so the stream stays consistent:
 * seeking forward fast-forwards (every trade is delivered), seeking backward restarts the symbol's session.
 * With {@code loop}, the tape plays again after its end, its copy's first minute the minute after the recording's
 * last, every other copy mirrored in price so that each joins the one before and prices stay bounded ({@link LoopPricing}).
 */
public final class ReplayFeed implements MarketFeed {
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    public static final String SOURCE = "replay";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayFeed.class);
    private static final long CLOCK_TICK_NANOS = 50_000_000L;

    private final TradeTape tape;
    private final MarketDataSink sink;
    private final boolean loop;
    private final long resumeAfter;
    private final ReplayThread replay;
    private volatile double speed;
    private volatile long seekRequest = Long.MIN_VALUE;
    private volatile LongConsumer seekListener = t -> { };
    private volatile boolean anchorDirty;
    private volatile long delivered;
    private volatile long dataTime = Long.MIN_VALUE;

    public ReplayFeed(TradeTape tape, MarketDataSink sink, double speed, boolean loop) {
        this(tape, sink, speed, loop, Long.MIN_VALUE);
    }

    /**
     * @param resumeAfter where an earlier run of this tape left off (a time the sink already has everything up to,
     *                    e.g. {@code DataProvider.resumePoint}); the replay continues with the first trade at or after
     *                    it, in the loop copy that covers it, and the sink resumes its session there instead of
     *                    starting over. {@code Long.MIN_VALUE}: play from the tape's start.
     */
    public ReplayFeed(TradeTape tape, MarketDataSink sink, double speed, boolean loop, long resumeAfter) {
        if (tape == null || sink == null) {
            throw new IllegalArgumentException("tape and sink are required");
        }
        if (tape.size() == 0) {
            throw new IllegalArgumentException("empty tape");
        }
        checkSpeed(speed);
        this.tape = tape;
        this.sink = sink;
        this.replay = new ReplayThread("replay-" + tape.symbol(), this::play, () -> dataTime);
        this.speed = speed;
        this.loop = loop;
        this.resumeAfter = resumeAfter;
    }

    private static void checkSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0 (or MAX_SPEED), got " + speed);
        }
    }

    @Override
    public String name() {
        return "Replay " + tape.symbol() + (speed == MAX_SPEED ? " max" : " " + speed + "x");
    }

    @Override
    public FeedState state() {
        return replay.state();
    }

    @Override
    public void start() {
        replay.start();
    }

    public void pause() {
        replay.pause();
    }

    public void resume() {
        anchorDirty = true;
        replay.resume();
    }

    public void setSpeed(double speed) {
        checkSpeed(speed);
        this.speed = speed;
        anchorDirty = true;
    }

    public double speed() {
        return speed;
    }

    /** Moves the replay to {@code time} (handled on the replay thread before the next trade). */
    public void seek(long time) {
        seekRequest = time;
    }

    /**
     * Called on the replay thread with each seek's target once this tape is there (its session restarted at it, or
     * every trade up to it delivered): what plays beside the tape (a bundled market's bar replays) seeks with it then,
     * after the tape's clock went back, never before.
     */
    public void onSeek(LongConsumer listener) {
        seekListener = listener == null ? t -> { } : listener;
    }

    public long delivered() {
        return delivered;
    }

    /** How often the replay thread has held at the pause point; grows while it is paused (see {@link #pause()}). */
    public long pauseHolds() {
        return replay.pauseHolds();
    }

    /** Data time of the last delivered trade or clock advance. */
    public long dataTime() {
        return dataTime;
    }

    public TradeTape tape() {
        return tape;
    }

    /** Waits until the tape has played to its end (never, with loop) or the feed stopped. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return replay.awaitFinished(timeout, unit);
    }

    @Override
    public void stop() {
        replay.stop();
    }

    private void play() {
        int n = tape.size();
        // a copy's first minute follows the recording's last one (its trades keep their second in the minute, so its
        // 1m bars are the recording's); with whole days, as before, the desk had 32 hours of the tape's clock without
        // a trade between copies
        long span = Timeframe.M1.floor(tape.lastTime()) - Timeframe.M1.floor(tape.firstTime()) + Timeframe.M1.millis();
        LoopPricing pricing = loop ? LoopPricing.of(tape.price(0), tape.price(n - 1)) : null;
        long offset = 0;
        long copy = 0;
        int i = 0;
        if (resumable(resumeAfter, span)) {
            copy = Math.floorDiv(resumeAfter - tape.firstTime(), span);
            offset = copy * span;
            i = tape.indexAtOrAfter(resumeAfter - offset);
            sink.resumeSession(tape.symbol(), resumeAfter);
            dataTime = resumeAfter;
            LOG.info("replay of {} continues at {} where the last run left off", tape.symbol(), Instant.ofEpochMilli(resumeAfter));
        } else {
            sink.resetSession(tape.symbol(), tape.firstTime());
        }
        long wallAnchor = System.nanoTime();
        long dataAnchor = dataTime == Long.MIN_VALUE ? tape.firstTime() : dataTime;
        while (!replay.stopRequested()) {
            if (seekRequest != Long.MIN_VALUE) {
                long target = seekRequest;
                seekRequest = Long.MIN_VALUE;
                long current = dataTime == Long.MIN_VALUE ? tape.firstTime() + offset : dataTime;
                if (target < current) {
                    // back in time: bars after the target are the future again; restart the session there
                    copy = Math.max(0, Math.floorDiv(target - tape.firstTime(), span));
                    offset = copy * span;
                    i = tape.indexAtOrAfter(target - offset);
                    sink.resetSession(tape.symbol(), target);
                    dataTime = target;
                } else {
                    // forward: deliver everything up to the target at full speed so state stays consistent
                    while (i < n && tape.time(i) + offset <= target && !replay.stopRequested()) {
                        deliver(i++, offset, copy, pricing);
                    }
                    sink.onClock(tape.symbol(), target);
                    dataTime = target;
                }
                seekListener.accept(target);
                anchorDirty = true;
            }
            if (i >= n) {
                if (!loop) {
                    return;
                }
                i = 0;
                offset += span;
                copy++;
                LOG.info("replay of {}: the recording ended at {}; from {} it plays a copy {}: synthetic prices",
                        tape.symbol(), Instant.ofEpochMilli(tape.lastTime() + offset - span), Instant.ofEpochMilli(tape.firstTime() + offset),
                        LoopPricing.describe(copy));
                continue;
            }
            if (replay.paused()) {
                replay.holdWhilePaused(CLOCK_TICK_NANOS);
                continue;
            }
            long t = tape.time(i) + offset;
            double sp = speed;
            if (anchorDirty) {
                anchorDirty = false;
                wallAnchor = System.nanoTime();
                dataAnchor = dataTime == Long.MIN_VALUE ? t : dataTime;
            }
            if (sp != MAX_SPEED) {
                long dueNanos = wallAnchor + (long) ((t - dataAnchor) * 1_000_000.0 / sp);
                long wait = dueNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, CLOCK_TICK_NANOS));
                    long now = dataAnchor + (long) ((System.nanoTime() - wallAnchor) * sp / 1_000_000.0);
                    if (now > dataTime && now < t) {
                        sink.onClock(tape.symbol(), now);
                        dataTime = now;
                    }
                    continue;
                }
            }
            deliver(i++, offset, copy, pricing);
        }
    }

    /** A resume point on this tape's timeline (its loops included, up to a year: beyond, it was not this replay's). */
    private boolean resumable(long t, long span) {
        if (t == Long.MIN_VALUE || t < tape.firstTime()) {
            return false;
        }
        return loop ? t - tape.firstTime() <= 366 * 86_400_000L : t <= tape.lastTime();
    }

    /** Trade {@code i} of the recording as copy {@code copy} plays it (0: the recording itself). */
    private void deliver(int i, long offset, long copy, LoopPricing pricing) {
        long t = tape.time(i) + offset;
        double price = copy == 0 ? tape.price(i) : pricing.price(copy, tape.price(i));
        sink.onTrade(tape.symbol(), t, price, tape.size(i), LoopPricing.buyerMaker(copy, tape.buyerMaker(i)), SOURCE);
        dataTime = t;
        delivered++;
    }
}
