package org.concord.data;

import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.quality.InputQuality;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 3: the DataProvider's listeners run outside the symbol's lock ({@link SymbolEvents}), and a symbol's
 * events still reach them in ingest order.
 */
class ListenerDeliveryTest {
    private static final Symbol BTC = BundledData.BTCUSD;

    @TempDir
    Path dir;

    /**
     * A listener that waits for another thread's query of the same symbol (what a feed thread waiting for room in a
     * decision queue does while the decision thread reads bars) finishes: under the lock it would wait forever.
     */
    @Test
    void aListenerWaitingOnAnotherThreadsQueryOfItsSymbolDoesNotDeadlock() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("a.db"));
             DataProvider data = new DataProvider(new BarStore(db))) {
            TradeTape tape = BundledData.bitstampTrades();
            CountDownLatch queried = new CountDownLatch(1);
            AtomicInteger waited = new AtomicInteger();
            data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
                if (tf != Timeframe.M1 || waited.get() > 0) {
                    return;
                }
                // another thread reads the symbol's bars while this ingest call is still in its listener
                CompletableFuture.runAsync(() -> {
                    data.bars(s, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 10, Direction.LATEST);
                    data.clock(s);
                    queried.countDown();
                });
                try {
                    if (queried.await(60, TimeUnit.SECONDS)) {
                        waited.incrementAndGet();
                    } else {
                        waited.set(-1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 2_000 && waited.get() == 0; i++) {
                data.onTrade(BTC, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            assertThat(waited.get()).as("the query ran while the listener waited (-1: it stayed blocked 60 s)").isEqualTo(1);
        }
    }

    /** Two feed threads on one symbol: every listener still sees its 1m closes in time order, none lost or doubled. */
    @Test
    void twoFeedThreadsOnOneSymbolDeliverItsClosesInOrder() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("b.db"));
             DataProvider data = new DataProvider(new BarStore(db), new InputQuality(), 500, 2_000_000)) {
            TradeTape tape = BundledData.bitstampTrades();
            List<Long> first = new ArrayList<>();
            List<Long> second = new ArrayList<>();
            data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
                if (tf == Timeframe.M1) {
                    first.add(t); // only the delivering thread touches it: one at a time per symbol
                }
            });
            data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
                if (tf == Timeframe.M1) {
                    second.add(t);
                }
            });
            AtomicInteger next = new AtomicInteger();
            Runnable feed = () -> {
                for (int i = next.getAndIncrement(); i < tape.size(); i = next.getAndIncrement()) {
                    // a trade taken after a later one was ingested is refused as out of order (counted): that is fine
                    data.onTrade(BTC, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
                }
            };
            Thread a = new Thread(feed, "feed-a");
            Thread b = new Thread(feed, "feed-b");
            a.start();
            b.start();
            a.join(TimeUnit.MINUTES.toMillis(2));
            b.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(first).hasSizeGreaterThan(5_000);
            assertThat(first).isSorted().doesNotHaveDuplicates();
            assertThat(second).isEqualTo(first);
            assertThat(data.bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST).size())
                    .as("every close the listeners heard is a stored bar").isEqualTo(first.size());
        }
    }
}
