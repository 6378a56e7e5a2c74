package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.BinanceJson;
import org.concord.testkit.exchange.ExchangeMarket;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** aggTrade → the DataProvider's trade listeners; depth20 → book snapshots; their bad-input rules. */
class BinanceFeedTradesAndBooksTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final Duration WAIT = Duration.ofSeconds(8);
    static final String WS = BinanceFeed.SOURCE_WS;

    @TempDir
    Path dir;

    record T(long time, double price, double size, boolean buyerMaker) {
    }

    @Test
    void tradesAndBooksReachTheProviderInOrderAndBadOnesAreCounted() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(1200);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            List<T> trades = new CopyOnWriteArrayList<>();
            List<OrderBookSnapshot> books = new CopyOnWriteArrayList<>();
            provider.subscribeTrades((s, t, p, q, m) -> trades.add(new T(t, p, q, m)));
            provider.subscribeBooks(books::add);
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).aggTrades(true).depth(true).initialBackfillBars(10).build();
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                ExchangeMarket m = ex.market(BTC);
                int firstMinute = ex.cursor();
                ex.advance(8);
                int lastMinute = ex.cursor() - 1;
                List<T> expected = tapeTrades(m, firstMinute, lastMinute);
                assertThat(expected.size()).as("real trades in these minutes").isGreaterThan(20);
                Await.until(WAIT, () -> trades.size() >= expected.size() && books.size() >= 8, () -> trades.size() + " trades, " + books.size() + " books");
                assertThat(trades).containsExactlyElementsOf(expected);

                // the book of the last step: 20 levels one cent around that minute's close, stamped with exchange time
                OrderBookSnapshot book = provider.latestBook(BTC).orElseThrow();
                double close = ex.closedKlines(BTC, Timeframe.M1).get(lastMinute).close();
                assertThat(book.bidDepth()).isEqualTo(20);
                assertThat(book.askDepth()).isEqualTo(20);
                assertThat(book.bestBid()).isEqualTo(ExchangeMarket.round8(close - 0.01));
                assertThat(book.bestAsk()).isEqualTo(ExchangeMarket.round8(close + 0.01));
                assertThat(book.time()).isEqualTo(m.minuteTime(lastMinute) + 60_001L);
                assertThat(provider.clock(BTC)).isLessThan(System.currentTimeMillis() - 365L * 86_400_000L); // exchange time, not local time

                // bad trades and books: a repeated trade id, an older id, a NaN and a negative price; a stale, a repeated and a crossed book
                TradeTape tape = m.tape();
                int lastId = m.tradeTo(lastMinute) - 1;
                String code = BTC.code();
                ex.stream().publish("btcusdt@aggTrade", BinanceJson.aggTrade(code, lastId, tape.price(lastId), tape.size(lastId), tape.time(lastId), false));
                ex.stream().publish("btcusdt@aggTrade", BinanceJson.aggTrade(code, lastId - 5, tape.price(lastId), 1, tape.time(lastId), false));
                ex.stream().publish("btcusdt@aggTrade", BinanceJson.aggTrade(code, lastId + 1, Double.NaN, 1, tape.time(lastId), false));
                ex.stream().publish("btcusdt@aggTrade", BinanceJson.aggTrade(code, lastId + 1, -900, 1, tape.time(lastId), false));
                ex.stream().publish("btcusdt@depth20@100ms", BinanceJson.depth(1, new double[] {900}, new double[] {1}, new double[] {901}, new double[] {1}));
                ex.stream().publish("btcusdt@depth20@100ms", BinanceJson.depth(1_000_000 + 8, new double[] {900}, new double[] {1},
                        new double[] {901}, new double[] {1}));
                ex.stream().publish("btcusdt@depth20@100ms", BinanceJson.depth(2_000_000, new double[] {902}, new double[] {1},
                        new double[] {901}, new double[] {1}));
                // a disconnect loses the trades of one minute: counted as a gap (trades are not backfilled)
                ex.advance(1);
                Await.until(WAIT, () -> feed.stats().books() == 9, () -> "ninth book");
                ex.stream().setAccepting(false);
                ex.stream().dropAll();
                ex.advance(1);
                ex.stream().setAccepting(true);
                assertThat(ex.stream().awaitOpened(2, WAIT)).isTrue();
                ex.advance(1);
                Await.until(WAIT, () -> feed.stats().books() == 10, () -> "tenth book");

                InputQuality q = provider.quality();
                assertThat(q.count(WS, InputIssue.DUPLICATE)).as(q.snapshot().toString()).isEqualTo(2); // trade id + book id
                assertThat(q.count(WS, InputIssue.OUT_OF_ORDER)).isEqualTo(2); // older trade id + stale book
                assertThat(q.count(WS, InputIssue.INVALID_PRICE)).isEqualTo(3); // NaN, negative, crossed book
                int lostMinute = ex.cursor() - 2;
                assertThat(m.tradeTo(lostMinute) - m.tradeFrom(lostMinute)).as("the lost minute had trades").isPositive();
                assertThat(m.tradeTo(lostMinute + 1) - m.tradeFrom(lostMinute + 1)).as("the next minute has trades").isPositive();
                assertThat(q.count(WS, InputIssue.GAP)).isEqualTo(1);
                assertThat(q.total()).isEqualTo(8);
                List<T> all = tapeTrades(m, firstMinute, ex.cursor() - 1);
                all.removeAll(tapeTrades(m, lostMinute, lostMinute));
                assertThat(trades).as("every trade once, in order, except the lost minute's").containsExactlyElementsOf(all);
            }
        }
    }

    static List<T> tapeTrades(ExchangeMarket m, int fromMinute, int toMinute) {
        List<T> out = new ArrayList<>();
        for (int i = m.tradeFrom(fromMinute); i < m.tradeTo(toMinute); i++) {
            out.add(new T(m.tape().time(i), ExchangeMarket.round8(m.tape().price(i)), ExchangeMarket.round8(m.tape().size(i)),
                    m.tape().buyerMaker(i)));
        }
        return out;
    }
}
