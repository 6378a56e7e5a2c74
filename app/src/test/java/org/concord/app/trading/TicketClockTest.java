package org.concord.app.trading;

import org.concord.engine.TradingPipeline;
import org.concord.execution.Order;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.execution.RealBars;
import org.concord.execution.TimeInForce;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket's good-till-date order on the desk's pipeline, where the bundled instruments run on calendars of their
 * own: ETHUSD's bars are of March 2023 beside the BTCUSD tape of November 2013. Seen in the code before: the expiry
 * was counted from the account's newest clock (ETHUSD's), so a BTCUSD order "good for 30 minutes" would have worked
 * for ten years of BTCUSD data.
 */
class TicketClockTest {
    static final Symbol BTC = BundledData.BTCUSD;
    @TempDir
    Path dir;

    @Test
    void aGoodTillDateTicketIsCountedFromItsInstrumentsClock() throws Exception {
        BarSeries btc = RealBars.bitstamp(Timeframe.M1);
        BarSeries eth = BundledData.eth5mBars();
        try (DeskTrading desk = new DeskTrading(dir)) {
            TradingPipeline p = desk.pipeline;
            bar(p, btc, 0);
            bar(p, eth, 0);
            desk.service.submit(new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, false, 0.1, btc.low(0) / 2, 0, 0, TimeInForce.GTD, 30, false));
            List<Order> orders = waitFor(p, x -> x.manualBroker().orders(), l -> !l.isEmpty());
            assertThat(orders.get(0).request().expireTime()).as("30 minutes after BTCUSD's last bar, not after ETHUSD's")
                    .isEqualTo(btc.time(0) + Timeframe.M1.millis() + 30 * 60_000L);
        }
    }

    private static void bar(TradingPipeline p, BarSeries s, int i) {
        p.onBarClose(s.symbol(), s.timeframe(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
    }

    /** Reads {@code read} on the pipeline's thread until {@code done} holds (the ticket's submit is asynchronous). */
    private static <T> T waitFor(TradingPipeline p, Function<TradingPipeline, T> read, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            CompletableFuture<T> f = new CompletableFuture<>();
            p.execute(() -> f.complete(read.apply(p)));
            T v = f.get(30, TimeUnit.SECONDS);
            if (done.test(v) || System.nanoTime() > deadline) {
                return v;
            }
            Thread.onSpinWait();
        }
    }
}
