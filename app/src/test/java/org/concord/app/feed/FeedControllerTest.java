package org.concord.app.feed;

import org.concord.chart.DisplayFormat;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.feed.FeedState;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed controls' model: replay steering, then Binance live against the loopback exchange, then back. */
class FeedControllerTest {
    @TempDir
    Path dir;

    @Test
    void replayIsSteeredAndBinanceLiveReplacesIt() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir);
             LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             FeedController feed = new FeedController(engine)) {
            feed.startReplay(600, 86_400_000L);
            await(() -> feed.status().dataTime() > feed.status().firstTime() + 86_400_000L - 60_000);
            FeedStatus s = feed.status();
            assertThat(s.replay()).isTrue();
            assertThat(s.lagMillis()).isEqualTo(-1);
            // play, pause and speed steer the whole bundled market, the bar replays beside the tape too (paused, the
            // ETHUSD bars once went on arriving and kept the desk busy)
            assertThat(engine.companions()).hasSize(2);
            feed.pause();
            assertThat(feed.status().state()).isEqualTo(FeedState.PAUSED);
            assertThat(engine.companions()).allSatisfy(b -> assertThat(b.state()).isEqualTo(FeedState.PAUSED));
            feed.setSpeed(3_600);
            assertThat(engine.companions()).allSatisfy(b -> assertThat(b.speed()).isEqualTo(3_600));
            BarReplayFeed eth = engine.companions().stream().filter(b -> b.symbol().equals(BundledData.ETHUSD)).findFirst().orElseThrow();
            long ethBars = eth.delivered();
            feed.play();
            assertThat(feed.status().speed()).isEqualTo(3_600);
            assertThat(feed.status().state()).isEqualTo(FeedState.RUNNING);
            assertThat(engine.companions()).allSatisfy(b -> assertThat(b.state()).isIn(FeedState.RUNNING, FeedState.FINISHED));
            await(() -> eth.delivered() > ethBars);

            feed.startBinance(LoopbackBinance.BTCUSDT, ex.feedConfig().initialBackfillBars(300));
            assertThat(feed.replay()).isNull();
            assertThat(ex.stream().awaitOpened(1, Duration.ofSeconds(30))).isTrue();
            ex.advance(3); // the first live kline triggers the initial backfill
            await(() -> engine.data().bars(LoopbackBinance.BTCUSDT, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1000,
                    Direction.LATEST).size() >= 300);
            await(() -> feed.status().state() == FeedState.RUNNING);
            FeedStatus live = feed.status();
            assertThat(live.replay()).isFalse();
            assertThat(live.symbol()).isEqualTo("BTCUSDT");
            assertThat(live.lagMillis()).isPositive(); // the loopback market's clock is in 2013
            assertThat(live.dataTime()).isEqualTo(engine.data().clock(LoopbackBinance.BTCUSDT));

            feed.startReplay(600, 0);
            assertThat(feed.status().replay()).isTrue();
        }
    }

    @Test
    void dataPastTheEndOfABundledRecordingIsCalledSyntheticAndSaidSoInTheStatusBar() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir);
             FeedController feed = new FeedController(engine)) {
            ReplayFeed r = feed.startReplay(ReplayFeed.MAX_SPEED, 0);
            Symbol btc = r.tape().symbol();
            long end = r.tape().lastTime();
            await(() -> engine.data().clock(btc) > end); // the tape loops: a shifted copy plays, mirrored in price
            assertThat(feed.synthetic(btc, engine.data().clock(btc))).isTrue();
            assertThat(feed.synthetic(btc, end)).as("the recording's last trade is real").isFalse();
            assertThat(feed.synthetic(btc, r.tape().firstTime())).isFalse();
            BarReplayFeed eth = engine.companions().stream().filter(b -> b.symbol().equals(BundledData.ETHUSD)).findFirst().orElseThrow();
            BarSeries bars = eth.series();
            long ethEnd = bars.timeframe().closeTime(bars.time(bars.size() - 1));
            assertThat(feed.synthetic(eth.symbol(), ethEnd)).isFalse();
            assertThat(feed.synthetic(eth.symbol(), ethEnd + 1)).isTrue();
            assertThat(feed.synthetic(Symbol.of("XRPUSD"), Long.MAX_VALUE)).as("not played by the replay").isFalse();

            StatusSnapshot looped = new StatusSnapshot(feed.status(), "in-process", 0, 0, "local", btc.code(), engine.data().clock(btc), true);
            assertThat(StatusLine.text(looped, DisplayFormat.UTC, 10)).contains(btc.code() + " data ").contains(StatusLine.SYNTHETIC);
            StatusSnapshot recorded = new StatusSnapshot(feed.status(), "in-process", 0, 0, "local", btc.code(), end, false);
            assertThat(StatusLine.text(recorded, DisplayFormat.UTC, 10)).doesNotContain("synthetic");
        }
    }

    private static void await(BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
