package org.concord.feed;

import org.concord.data.MarketDataSink;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayFeedTest {

    /** Records what a feed pushes, in order. */
    static final class RecordingSink implements MarketDataSink {
        final List<long[]> trades = new ArrayList<>(); // {time, price bits, buyer maker 1/0}
        final List<Long> resets = new ArrayList<>();
        final List<Long> resumes = new ArrayList<>();
        final List<Long> clocks = new ArrayList<>();
        volatile long lastTime = Long.MIN_VALUE;

        @Override
        public synchronized void onTrade(Symbol s, long time, double price, double size, boolean bm, String source) {
            trades.add(new long[] {time, Double.doubleToLongBits(price), bm ? 1 : 0});
            lastTime = time;
        }

        @Override
        public void onBar(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v, boolean closed, String source) {
        }

        @Override
        public void onBook(OrderBookSnapshot book, String source) {
        }

        @Override
        public synchronized void onClock(Symbol s, long time) {
            clocks.add(time);
        }

        @Override
        public synchronized void resetSession(Symbol s, long time) {
            resets.add(time);
        }

        @Override
        public synchronized void resumeSession(Symbol s, long time) {
            resumes.add(time);
        }

        @Override
        public void onMalformed(String source, String position, String detail) {
        }
    }

    private static TradeTape firstTrades(int n) {
        TradeTape t = BundledData.bitstampTrades();
        long[] time = new long[n];
        double[] px = new double[n];
        double[] sz = new double[n];
        boolean[] bm = new boolean[n];
        for (int i = 0; i < n; i++) {
            time[i] = t.time(i);
            px[i] = t.price(i);
            sz[i] = t.size(i);
            bm[i] = t.buyerMaker(i);
        }
        return new TradeTape(t.symbol(), time, px, sz, bm);
    }

    @Test
    void maxSpeedDeliversEveryTradeInOrder() throws Exception {
        RecordingSink sink = new RecordingSink();
        TradeTape tape = BundledData.bitstampTrades();
        ReplayFeed feed = new ReplayFeed(tape, sink, ReplayFeed.MAX_SPEED, false);
        assertThat(feed.state()).isEqualTo(FeedState.IDLE);
        feed.start();
        assertThat(feed.awaitFinished(30, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.state()).isEqualTo(FeedState.FINISHED);
        assertThat(sink.trades).hasSize(tape.size());
        assertThat(sink.resets).containsExactly(tape.firstTime());
        for (int i = 0; i < tape.size(); i += 997) {
            assertThat(sink.trades.get(i)[0]).isEqualTo(tape.time(i));
            assertThat(Double.longBitsToDouble(sink.trades.get(i)[1])).isEqualTo(tape.price(i));
        }
        assertThatThrownBy(feed::start).isInstanceOf(IllegalStateException.class);
    }

    /** At speed s a span of data cannot be delivered faster than span / s of wall time, and the clock advances in between. */
    @Test
    void pacedReplayFollowsTheDataClock() throws Exception {
        TradeTape tape = firstTrades(12); // 133 s of data with gaps of up to 30 s
        long span = tape.lastTime() - tape.firstTime();
        double speed = span / 500.0; // the whole span should take about 500 ms, the longest gap more than 100 ms
        RecordingSink sink = new RecordingSink();
        ReplayFeed feed = new ReplayFeed(tape, sink, speed, false);
        long t0 = System.nanoTime();
        feed.start();
        assertThat(feed.awaitFinished(30, TimeUnit.SECONDS)).isTrue();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(wallMs).isGreaterThanOrEqualTo(480);
        assertThat(sink.trades).hasSize(12);
        assertThat(sink.clocks).isNotEmpty().isSorted();
        assertThat(sink.clocks).allSatisfy(c -> assertThat(c).isBetween(tape.firstTime(), tape.lastTime()));
    }

    @Test
    void pauseHoldsDeliveryAndResumeContinues() throws Exception {
        TradeTape tape = firstTrades(2_000);
        RecordingSink sink = new RecordingSink();
        ReplayFeed feed = new ReplayFeed(tape, sink, ReplayFeed.MAX_SPEED, false);
        feed.pause();
        feed.start();
        // the replay thread reached the pause point and came round to it again: a whole loop turn while paused
        waitUntil(() -> feed.pauseHolds() >= 2);
        assertThat(feed.state()).isEqualTo(FeedState.PAUSED);
        assertThat(feed.delivered()).isZero();
        synchronized (sink) {
            assertThat(sink.trades).isEmpty();
            assertThat(sink.clocks).isEmpty();
        }
        feed.resume();
        assertThat(feed.awaitFinished(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.trades).hasSize(2_000);
    }

    @Test
    void seekForwardFastForwardsAndSeekBackRestartsTheSession() throws Exception {
        TradeTape tape = firstTrades(5_000);
        RecordingSink sink = new RecordingSink();
        ReplayFeed feed = new ReplayFeed(tape, sink, ReplayFeed.MAX_SPEED, false);
        feed.pause();
        feed.start();
        long forward = tape.time(3_000);
        feed.seek(forward);
        waitUntil(() -> feed.dataTime() == forward);
        synchronized (sink) {
            // every trade up to the target was delivered (none skipped), nothing after it
            assertThat(sink.trades.get(sink.trades.size() - 1)[0]).isEqualTo(forward);
            assertThat(sink.trades.size()).isEqualTo(tape.indexAtOrAfter(forward + 1));
        }
        long back = tape.time(1_000);
        feed.seek(back);
        waitUntil(() -> sink.resets.size() == 2);
        assertThat(sink.resets.get(1)).isEqualTo(back);
        int before = sink.trades.size();
        feed.resume();
        assertThat(feed.awaitFinished(30, TimeUnit.SECONDS)).isTrue();
        // after the backward seek the tape plays again from the target
        assertThat(sink.trades.get(before)[0]).isEqualTo(back);
        assertThat(sink.trades.size() - before).isEqualTo(5_000 - tape.indexAtOrAfter(back));
    }

    @Test
    void loopPlaysTheTapeAgainLaterInTimeWithAContinuousPrice() throws Exception {
        TradeTape tape = firstTrades(1_000);
        RecordingSink sink = new RecordingSink();
        ReplayFeed feed = new ReplayFeed(tape, sink, ReplayFeed.MAX_SPEED, true);
        feed.start();
        waitUntil(() -> {
            synchronized (sink) {
                return sink.trades.size() >= 2_500;
            }
        });
        feed.stop();
        assertThat(feed.state()).isEqualTo(FeedState.STOPPED);
        synchronized (sink) {
            long[] lastOfFirst = sink.trades.get(999);
            long[] firstOfSecond = sink.trades.get(1_000);
            assertThat(firstOfSecond[0]).isGreaterThan(lastOfFirst[0]);
            // the copy's first minute is the one after the recording's last (no hours without a trade between copies),
            // each trade at its second in the minute, so the copy's 1m bars are the recording's
            assertThat(Timeframe.M1.floor(firstOfSecond[0])).isEqualTo(Timeframe.M1.floor(lastOfFirst[0]) + Timeframe.M1.millis());
            assertThat(firstOfSecond[0] % Timeframe.M1.millis()).isEqualTo(tape.firstTime() % Timeframe.M1.millis());
            assertThat(Double.longBitsToDouble(firstOfSecond[1])).isEqualTo(Double.longBitsToDouble(lastOfFirst[1]), org.assertj.core.data.Offset.offset(1e-9));
            for (int i = 1; i < sink.trades.size(); i++) {
                assertThat(sink.trades.get(i)[0]).isGreaterThanOrEqualTo(sink.trades.get(i - 1)[0]);
            }
        }
    }

    /**
     * Every other copy of a looped tape is the recording mirrored in price (p → first × last / p, buyer and seller
     * swapped): it joins the recording's end and ends where the recording began, so the copy after it is the recording
     * again and prices stay within the recording's band and its mirror's. Scaled by last / first per copy, as before,
     * BTCUSD reached 6.9 million (×4633) after a few minutes at max speed on the desk.
     */
    @Test
    void loopedCopiesAlternateWithTheirMirrorAndStayWithinTheRecordingsBand() throws Exception {
        TradeTape tape = firstTrades(1_000);
        double first = tape.price(0);
        double last = tape.price(999);
        assertThat(last).as("a recording that ends off its first price (else any scaling is the identity)").isNotEqualTo(first);
        RecordingSink sink = new RecordingSink();
        ReplayFeed feed = new ReplayFeed(tape, sink, ReplayFeed.MAX_SPEED, true);
        feed.start();
        waitUntil(() -> {
            synchronized (sink) {
                return sink.trades.size() >= 3_500;
            }
        });
        feed.stop();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 1_000; i++) {
            lo = Math.min(lo, tape.price(i));
            hi = Math.max(hi, tape.price(i));
        }
        double k = first * last;
        synchronized (sink) {
            for (int j = 0; j < 3_500; j++) {
                int i = j % 1_000;
                long[] t = sink.trades.get(j);
                double price = Double.longBitsToDouble(t[1]);
                boolean mirrored = j / 1_000 % 2 == 1;
                double expected = mirrored ? k / tape.price(i) : tape.price(i);
                assertThat(price).as("trade %d of copy %d", i, j / 1_000).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * expected));
                assertThat(t[2] == 1).as("buyer maker of trade %d of copy %d", i, j / 1_000).isEqualTo(mirrored != tape.buyerMaker(i));
                assertThat(price).as("within the recording's band and its mirror's").isBetween(Math.min(lo, k / hi) - 1e-9, Math.max(hi, k / lo) + 1e-9);
            }
        }
    }

    @Test
    void rejectsNonsense() {
        TradeTape tape = firstTrades(10);
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> new ReplayFeed(tape, sink, 0, false)).hasMessageContaining("speed");
        assertThatThrownBy(() -> new ReplayFeed(tape, sink, Double.NaN, false)).hasMessageContaining("speed");
        assertThatThrownBy(() -> new ReplayFeed(null, sink, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(2);
        }
    }
}
