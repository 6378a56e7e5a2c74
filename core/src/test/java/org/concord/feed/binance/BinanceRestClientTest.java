package org.concord.feed.binance;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackRestServer.Served;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST side against the loopback exchange: paging, Retry-After on 429/418, 5xx retries, errors, bad rows. */
class BinanceRestClientTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final String KLINES = "/api/v3/klines";
    static LoopbackBinance ex;

    @BeforeAll
    static void startExchange() {
        ex = LoopbackBinance.withBitstampBtcusdt(3000);
    }

    @AfterAll
    static void stopExchange() {
        ex.close();
    }

    static BinanceRestClient client(InputQuality q, BinanceConfig.Builder b) {
        BinanceConfig cfg = b.interval(Timeframe.M1).build();
        return new BinanceRestClient(cfg, q, BinanceRestClient.newHttpClient(cfg));
    }

    static List<Served> klineCallsSince(int before) {
        List<Served> all = ex.rest().served(KLINES);
        return all.subList(before, all.size());
    }

    @Test
    void pagesThroughMoreThanOnePageAndReturnsTheClosedBarsExactly() {
        InputQuality q = new InputQuality();
        BinanceRestClient rest = client(q, ex.feedConfig());
        List<Kline> closed = ex.closedKlines(BTC, Timeframe.M1);
        long from = closed.get(closed.size() - 2345).openTime();
        long to = closed.get(closed.size() - 1).openTime();
        int before = ex.rest().served(KLINES).size();

        BarSeries s = rest.klines(BTC, Timeframe.M1, from, to);

        assertThat(s.size()).isEqualTo(2345);
        for (int i = 0; i < s.size(); i++) {
            Kline k = closed.get(closed.size() - 2345 + i);
            assertThat(new double[] {s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)})
                    .containsExactly(k.open(), k.high(), k.low(), k.close(), k.volume());
            assertThat(s.time(i)).isEqualTo(k.openTime());
        }
        List<Served> calls = klineCallsSince(before);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).query()).contains("startTime=" + from).contains("limit=1000");
        assertThat(calls.get(1).query()).contains("startTime=" + (from + 1000 * 60_000L));
        assertThat(calls.get(2).query()).contains("startTime=" + (from + 2000 * 60_000L));
        assertThat(q.total()).isZero();
    }

    @Test
    void historySourceLeavesOutTheFormingBar() {
        InputQuality q = new InputQuality();
        try (BinanceFeed feed = new BinanceFeed(ex.feedConfig().interval(Timeframe.M5).build(), new NullSink(), q)) {
            long formingOpen = ex.market(BTC).minuteTime(ex.cursor());
            BarSeries m1 = feed.fetch(BTC, Timeframe.M1, formingOpen - 10 * 60_000L, formingOpen + 3_600_000L);
            assertThat(m1.size()).isEqualTo(10);
            assertThat(m1.lastTime()).isEqualTo(formingOpen - 60_000L);
            BarSeries m5 = feed.fetch(BTC, Timeframe.M5, 0, Long.MAX_VALUE / 2);
            List<Kline> closed5 = ex.closedKlines(BTC, Timeframe.M5);
            assertThat(m5.size()).isEqualTo(closed5.size());
            assertThat(m5.lastTime()).isEqualTo(closed5.get(closed5.size() - 1).openTime());
        }
    }

    @Test
    void http429WaitsTheRetryAfterThenRetries() {
        InputQuality q = new InputQuality();
        BinanceRestClient rest = client(q, ex.feedConfig());
        List<Kline> closed = ex.closedKlines(BTC, Timeframe.M1);
        long t = closed.get(closed.size() - 5).openTime();
        int before = ex.rest().served(KLINES).size();
        ex.rest().failNext(KLINES, 1, 429, 1);

        BarSeries s = rest.klines(BTC, Timeframe.M1, t, t + 4 * 60_000L);

        assertThat(s.size()).isEqualTo(5);
        List<Served> calls = klineCallsSince(before);
        assertThat(calls).extracting(Served::status).containsExactly(429, 200);
        assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos())).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(rest.rateLimited()).isEqualTo(1);
        assertThat(rest.retries()).isEqualTo(1);
    }

    @Test
    void http418IsBackedOffLike429AndATooLongRetryAfterFailsAtOnce() {
        BinanceRestClient rest = client(new InputQuality(), ex.feedConfig().maxRetryAfter(Duration.ofSeconds(30)));
        int before = ex.rest().served(KLINES).size();
        ex.rest().failNext(KLINES, 1, 418, 120);
        assertThatThrownBy(() -> rest.klines(BTC, Timeframe.M1, 0, 60_000L))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(418))
                .hasMessageContaining("asks to wait 120000 ms");
        assertThat(klineCallsSince(before)).hasSize(1);

        ex.rest().failNext(KLINES, 1, 418, 0);
        long t = ex.closedKlines(BTC, Timeframe.M1).get(0).openTime();
        assertThat(rest.klines(BTC, Timeframe.M1, t, t).size()).isEqualTo(1);
        assertThat(rest.rateLimited()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenGivenUp() {
        BinanceRestClient rest = client(new InputQuality(), ex.feedConfig());
        long t = ex.closedKlines(BTC, Timeframe.M1).get(100).openTime();
        int before = ex.rest().served(KLINES).size();
        ex.rest().failNext(KLINES, 1, 502, null);
        assertThat(rest.klines(BTC, Timeframe.M1, t, t).size()).isEqualTo(1);
        assertThat(klineCallsSince(before)).extracting(Served::status).containsExactly(502, 200);
        assertThat(rest.serverErrors()).isEqualTo(1);

        before = ex.rest().served(KLINES).size();
        ex.rest().failNext(KLINES, 4, 503, null);
        assertThatThrownBy(() -> rest.klines(BTC, Timeframe.M1, t, t)).isInstanceOf(BinanceApiException.class)
                .hasMessageContaining("still failing after 4 attempts (last: HTTP 503)");
        List<Served> calls = klineCallsSince(before);
        assertThat(calls).extracting(Served::status).containsExactly(503, 503, 503, 503);
        // exponential backoff from 20 ms: 20 + 40 + 80 between the four attempts
        assertThat(Duration.ofNanos(calls.get(3).atNanos() - calls.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }

    @Test
    void clientErrorsFailAtOnceWithBinancesCode() {
        BinanceRestClient rest = client(new InputQuality(), ex.feedConfig());
        int before = ex.rest().served(KLINES).size();
        assertThatThrownBy(() -> rest.klines(Symbol.of("NOPEUSDT"), Timeframe.M1, 0, 60_000L))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(-1121);
                }).hasMessageContaining("Invalid symbol.");
        assertThatThrownBy(() -> rest.klines(BTC, Timeframe.S1, 0, 60_000L))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-1120));
        assertThat(klineCallsSince(before)).hasSize(2);
    }

    @Test
    void aMalformedBodyIsCountedAndRetriedAndBadRowsAreDropped() {
        InputQuality q = new InputQuality();
        BinanceRestClient rest = client(q, ex.feedConfig());
        long t = ex.closedKlines(BTC, Timeframe.M1).get(200).openTime();
        ex.rest().respondNext(KLINES, 1, 200, "[[1385337600000,\"800.0");
        assertThat(rest.klines(BTC, Timeframe.M1, t, t).size()).isEqualTo(1);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.MALFORMED)).isEqualTo(1);

        // a page with a duplicate, an out-of-order, a NaN, a high<low, an off-boundary and a malformed row
        String body = "[[" + t + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"," + (t + 59_999) + "],"
                + "[" + t + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"," + (t + 59_999) + "],"
                + "[" + (t - 60_000) + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",0],"
                + "[" + (t + 60_000) + ",\"NaN\",\"2\",\"0.5\",\"1.5\",\"10\",0],"
                + "[" + (t + 120_000) + ",\"1\",\"0.4\",\"0.5\",\"1.5\",\"10\",0],"
                + "[" + (t + 180_001) + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",0],"
                + "[\"x\"],"
                + "[" + (t + 240_000) + ",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",0]]";
        ex.rest().respondNext(KLINES, 1, 200, body);
        BarSeries s = rest.klines(BTC, Timeframe.M1, t - 60_000, t + 240_000);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time(0)).isEqualTo(t);
        assertThat(s.time(1)).isEqualTo(t + 240_000);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.DUPLICATE)).isEqualTo(1);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.INVALID_PRICE)).isEqualTo(1);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.INCONSISTENT_OHLC)).isEqualTo(1);
        assertThat(q.count(BinanceRestClient.SOURCE, InputIssue.MALFORMED)).isEqualTo(1 + 2);
    }
}
