package org.concord.engine;

import org.concord.metrics.EquityCurve;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live pipeline (the desk's, {@code serve}'s) keeps at most {@link TradingPipeline#LIVE_HISTORY} samples of its
 * coordination's equity curve, the run's first and newest among them; a backtest's keeps every one for its report.
 * On the desk the curve grew by a sample per bar: 30 MB within three minutes of a max-speed replay (heap dump), beside
 * the cached bars and the chart that filled the 512 MB heap.
 */
class LiveHistoriesTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    @TempDir
    Path dir;

    /** The bundled 1m bars again and again, each pass later in time, until {@code n} bars were handed to {@code p}. */
    private static long[] feed(TradingPipeline p, int n) {
        BarSeries bars = org.concord.execution.RealBars.bitstamp(Timeframe.M1);
        long span = bars.time(bars.size() - 1) - bars.time(0) + Timeframe.M1.millis();
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            int i = k % bars.size();
            long t = bars.time(i) + k / bars.size() * span;
            p.onBarClose(BTC, Timeframe.M1, t, bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            first = first == Long.MIN_VALUE ? Timeframe.M1.closeTime(t) : first;
            last = Timeframe.M1.closeTime(t);
        }
        return new long[] {first, last};
    }

    @Test
    void aLivePipelineKeepsTheNewestEquitySamplesAndTheFirst() throws Exception {
        int n = TradingPipeline.LIVE_HISTORY + 5_000;
        try (TradingPipeline p = TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5), null, BotModeStore.inDataDir(dir), null)) {
            long[] span = feed(p, n);
            assertThat(p.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            long[] seen = BotAccountPipelineTest.onPipeline(p, x -> {
                EquityCurve c = x.bot().engine().equityCurve();
                return new long[] {c.size(), c.time(0), c.time(c.size() - 1)};
            });
            assertThat(seen[0]).as("equity samples kept of %d bars", n).isBetween(TradingPipeline.LIVE_HISTORY / 2L, (long) TradingPipeline.LIVE_HISTORY);
            assertThat(seen[1]).as("the run's first sample (the synergy's start)").isEqualTo(span[0]);
            assertThat(seen[2]).as("the newest sample").isEqualTo(span[1]);
        }
    }

    @Test
    void aBacktestPipelineKeepsEverySample() {
        int n = TradingPipeline.LIVE_HISTORY + 5_000;
        try (TradingPipeline p = TradingPipeline.synchronous(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5), null)) {
            feed(p, n);
            assertThat(p.bot().engine().equityCurve().size()).isEqualTo(n);
        }
    }
}
