package org.concord.feed.binance;

import org.concord.bench.Bench;
import org.concord.data.DataProvider;
import org.concord.quality.InputQuality;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.BinanceJson;
import org.concord.testkit.exchange.ExchangeMarket;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Throughput of the Binance feed's parts on real data: parsing, the live path end to end, REST backfill. Prints figures only. */
@Tag("benchmark")
class BinanceFeedBench {
    @TempDir
    Path dir;

    static final BinanceMessages.StreamHandler SINK = new BinanceMessages.StreamHandler() {
        long acc;

        @Override
        public void onKline(String s, Timeframe tf, long e, long t, long ct, double o, double h, double l, double c, double v, long n, boolean x) {
            acc += t;
        }

        @Override
        public void onAggTrade(String s, long e, long a, double p, double q, long f, long l, long t, boolean m) {
            acc += a;
        }

        @Override
        public void onDepth(String s, long id, double[] bp, double[] bq, double[] ap, double[] aq) {
            acc += id;
        }

        @Override
        public void onMalformed(String stream, String detail) {
            throw new AssertionError(detail);
        }
    };

    @Test
    void parsing() {
        Bench.note("machine: " + Bench.machine());
        ExchangeMarket m = LoopbackBinance.bitstampMarket();
        int n = 50_000;
        String[] trades = new String[n];
        for (int i = 0; i < n; i++) {
            trades[i] = BinanceJson.combined("btcusdt@aggTrade", BinanceJson.aggTrade("BTCUSDT", i, m.tape().price(i), m.tape().size(i),
                    m.tape().time(i), m.tape().buyerMaker(i)));
        }
        List<Kline> klines = m.klines(Timeframe.M1, 5000);
        String[] kl = new String[klines.size()];
        for (int i = 0; i < kl.length; i++) {
            kl[i] = BinanceJson.combined("btcusdt@kline_1m", BinanceJson.klineEvent(klines.get(i), klines.get(i).closeTime() + 1));
        }
        double tps = Bench.throughput(3, 5, n, () -> {
            for (String s : trades) {
                BinanceMessages.parseStream(s, SINK);
            }
        });
        Bench.report("binance-parse", "aggTrade messages (combined wrapper)", tps, "msg/s");
        double kps = Bench.throughput(3, 5, kl.length, () -> {
            for (String s : kl) {
                BinanceMessages.parseStream(s, SINK);
            }
        });
        Bench.report("binance-parse", "kline messages (combined wrapper)", kps, "msg/s");
    }

    @Test
    void liveStreamIntoTheProvider() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(100);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("bench.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            AtomicLong trades = new AtomicLong();
            provider.subscribeTrades((s, t, p, q, mk) -> trades.incrementAndGet());
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).aggTrades(true).initialBackfillBars(0).queueCapacity(1_000_000).build();
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                ex.stream().awaitOpened(1, Duration.ofSeconds(10));
                ExchangeMarket m = ex.market(LoopbackBinance.BTCUSDT);
                int minutes = 3000;
                long expectedTrades = m.tradeTo(100 + minutes - 1) - m.tradeFrom(100);
                long t0 = System.nanoTime();
                ex.advance(minutes);
                Await.until(Duration.ofSeconds(120), () -> trades.get() == expectedTrades, () -> trades.get() + " of " + expectedTrades + " trades");
                long dt = System.nanoTime() - t0;
                long msgs = feed.stats().messages();
                Bench.report("binance-live", "WS messages through feed into provider", msgs * 1e9 / dt, "msg/s");
                Bench.note(String.format("binance-live: %d minutes of real Bitstamp trades as %d aggTrades + %d klines over loopback WebSocket in %.0f ms",
                        minutes, expectedTrades, msgs - expectedTrades, dt / 1e6));
            }
        }
    }

    @Test
    void restBackfill() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(9500)) {
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).build();
            BinanceRestClient rest = new BinanceRestClient(cfg, new InputQuality(), BinanceRestClient.newHttpClient(cfg));
            List<Kline> closed = ex.closedKlines(LoopbackBinance.BTCUSDT, Timeframe.M1);
            long from = closed.get(0).openTime();
            long to = closed.get(closed.size() - 1).openTime();
            double bps = Bench.throughput(2, 5, closed.size(), () -> rest.klines(LoopbackBinance.BTCUSDT, Timeframe.M1, from, to));
            Bench.report("binance-rest", "klines paged 1000/call over loopback HTTP", bps, "bars/s");
        }
    }
}
