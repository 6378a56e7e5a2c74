package org.concord.feed;

import org.concord.data.DataProvider;
import org.concord.engine.ConcordRuntime;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BarReplayFeedTest {
    @TempDir
    Path dir;

    @Test
    void ethBarsPlayToTheProviderWithLongerTimeframesRolledUp() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            DataProvider data = engine.data();
            BarSeries eth = BundledData.eth5mBars();
            BarReplayFeed feed = BarReplayFeed.paced(eth, data, ReplayFeed.MAX_SPEED, 100, false);
            feed.start();
            assertThat(feed.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
            assertThat(feed.state()).isEqualTo(FeedState.FINISHED);
            BarSeries m5 = data.bars(BundledData.ETHUSD, Timeframe.M5, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, org.concord.store.Direction.LATEST);
            assertThat(m5.size()).isEqualTo(eth.size());
            BarSeries h1 = data.bars(BundledData.ETHUSD, Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, org.concord.store.Direction.LATEST);
            assertThat(h1.size()).isBetween(eth.size() / 12 - 1, eth.size() / 12 + 2);
            // a full hour in the middle: its bar is the 12 five-minute bars inside it
            int k = h1.size() / 2;
            long from = h1.time(k);
            int i = eth.lowerBound(from);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double vol = 0;
            for (int j = i; j < i + 12; j++) {
                hi = Math.max(hi, eth.high(j));
                lo = Math.min(lo, eth.low(j));
                vol += eth.volume(j);
            }
            assertThat(eth.time(i + 11)).isEqualTo(from + 55 * 60_000L);
            assertThat(h1.open(k)).isEqualTo(eth.open(i));
            assertThat(h1.close(k)).isEqualTo(eth.close(i + 11));
            assertThat(h1.high(k)).isEqualTo(hi);
            assertThat(h1.low(k)).isEqualTo(lo);
            assertThat(h1.volume(k)).isCloseTo(vol, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aFollowingFeedShowsNoBarBeforeTheLeadsClockPassedItsClose() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            DataProvider data = engine.data();
            BarSeries aapl = BundledData.appleDailyBars(data.quality());
            AtomicLong lead = new AtomicLong(Long.MIN_VALUE);
            BarReplayFeed feed = BarReplayFeed.following(aapl, data, BundledData.BTCUSD, lead::get);
            feed.start();
            try {
                long nov25 = 1_385_337_600_000L;
                lead.set(nov25 + 3_600_000L);
                int before = aapl.lowerBound(nov25); // the days that opened before Nov 25 closed by Nov 25
                waitFor(() -> feed.delivered() == before);
                BarSeries d1 = data.bars(BundledData.AAPL, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, org.concord.store.Direction.LATEST);
                assertThat(d1.size()).isEqualTo(before);
                assertThat(Timeframe.D1.closeTime(d1.lastTime())).isLessThanOrEqualTo(lead.get());
                // the lead moves two days on: exactly the days that closed by then follow
                lead.set(nov25 + 2 * 86_400_000L);
                waitFor(() -> feed.delivered() == before + 2);
                BarSeries later = data.bars(BundledData.AAPL, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, org.concord.store.Direction.LATEST);
                assertThat(later.size()).isEqualTo(d1.size() + 2);
            } finally {
                feed.stop();
            }
        }
    }

    /**
     * Looping on its lead's clock, the copy of the series opens where the recording's last bar closed. Found on the desk:
     * with copies whole days apart, ETHUSD's two days of bars stood still for two more days of the tape's clock, its
     * last price looking live, while the log said a copy was playing.
     */
    @Test
    void aLoopingFollowerPlaysItsCopyRightAfterTheRecording() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            DataProvider data = engine.data();
            BarSeries eth = BundledData.eth5mBars();
            long end = Timeframe.M5.closeTime(eth.lastTime());
            AtomicLong lead = new AtomicLong(end);
            BarReplayFeed feed = BarReplayFeed.following(eth, data, BundledData.BTCUSD, lead::get, 0, BarReplayFeed.AtEnd.LOOP);
            feed.start();
            try {
                waitFor(() -> feed.delivered() == eth.size());
                lead.set(end + Timeframe.M5.millis()); // one bar on: the copy's first bar has closed
                waitFor(() -> feed.delivered() == eth.size() + 1);
                var first = data.latest(BundledData.ETHUSD, Timeframe.M5).orElseThrow();
                assertThat(first.openTime()).as("the copy's first bar opens where the recording's last closed").isEqualTo(end);
                assertThat(first.open()).as("priced to join the recording's last close").isCloseTo(eth.close(eth.size() - 1),
                        org.assertj.core.data.Offset.offset(1e-9));
            } finally {
                feed.stop();
            }
        }
    }

    /**
     * A looped series plays every other copy mirrored in price (a bar's open and close at first × last / p, its high the
     * mirror of its low): the copy after the mirror is the recording's prices again. Scaled by last / first per copy,
     * ETHUSD fell to 48 after a few minutes at max speed on the desk.
     */
    @Test
    void loopedCopiesAlternateWithTheirMirror() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            DataProvider data = engine.data();
            BarSeries eth = BundledData.eth5mBars();
            int n = eth.size();
            BarReplayFeed feed = BarReplayFeed.paced(eth, data, ReplayFeed.MAX_SPEED, 100, true);
            feed.start();
            try {
                waitFor(() -> feed.delivered() >= 3L * n);
            } finally {
                feed.stop();
            }
            // the first three copies: at max speed many more may have played before the stop (the newest 10,000 bars,
            // as first written, began at a later copy once they had: CI once)
            BarSeries played = data.bars(BundledData.ETHUSD, Timeframe.M5, eth.time(0) - 1, Long.MAX_VALUE, 3 * n, org.concord.store.Direction.AFTER);
            assertThat(played.size()).isEqualTo(3 * n);
            double k = eth.open(0) * eth.close(n - 1);
            for (int i = 0; i < n; i++) {
                int m = n + i;
                assertThat(played.open(m)).as("copy 1's open %d", i).isCloseTo(k / eth.open(i), within(k / eth.open(i)));
                assertThat(played.high(m)).as("copy 1's high %d: the mirror of the low", i).isCloseTo(k / eth.low(i), within(k / eth.low(i)));
                assertThat(played.low(m)).as("copy 1's low %d: the mirror of the high", i).isCloseTo(k / eth.high(i), within(k / eth.high(i)));
                assertThat(played.close(m)).as("copy 1's close %d", i).isCloseTo(k / eth.close(i), within(k / eth.close(i)));
                int r = 2 * n + i;
                assertThat(played.open(r)).as("copy 2's open %d: the recording's", i).isCloseTo(eth.open(i), within(eth.open(i)));
                assertThat(played.close(r)).as("copy 2's close %d: the recording's", i).isCloseTo(eth.close(i), within(eth.close(i)));
            }
            assertThat(played.open(n)).as("the mirror joins the recording's last close").isCloseTo(eth.close(n - 1), within(eth.close(n - 1)));
        }
    }

    /** A relative tolerance: stored prices may be rounded in their last digits. */
    private static org.assertj.core.data.Offset<Double> within(double price) {
        return org.assertj.core.data.Offset.offset(1e-8 * price);
    }

    @Test
    void theBundledReplayPlaysAllThreeInstruments() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            ReplayFeed btc = engine.startBundledReplay(ReplayFeed.MAX_SPEED, false);
            assertThat(engine.companions()).extracting(BarReplayFeed::symbol).containsExactly(BundledData.ETHUSD, BundledData.AAPL);
            assertThat(btc.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            BarReplayFeed ethFeed = engine.companions().get(0);
            BarReplayFeed aaplFeed = engine.companions().get(1);
            assertThat(ethFeed.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
            DataProvider data = engine.data();
            // AAPL follows the tape's clock: it has nothing left to wait for once the tape ended on 2013-12-01
            waitFor(() -> aaplFeed.dataTime() > data.clock(BundledData.BTCUSD) - 4 * 86_400_000L);
            assertThat(aaplFeed.state()).isEqualTo(FeedState.RUNNING);
            assertThat(data.latest(BundledData.ETHUSD, Timeframe.M5)).isPresent();
            assertThat(data.latest(BundledData.ETHUSD, Timeframe.H4)).isPresent();
            // AAPL followed the tape to its end (2013-12-01): the last Apple day shown closed before it
            long tapeEnd = data.clock(BundledData.BTCUSD);
            long lastAapl = data.latest(BundledData.AAPL, Timeframe.D1).orElseThrow().openTime();
            assertThat(Timeframe.D1.closeTime(lastAapl)).isLessThanOrEqualTo(tapeEnd).isGreaterThan(tapeEnd - 4 * 86_400_000L);
            engine.stopFeed();
            assertThat(engine.companions()).isEmpty();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
