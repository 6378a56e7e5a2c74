package org.concord.execution.binance;

import org.concord.config.ConcordConfig;
import org.concord.execution.PreTradeCheck;
import org.concord.model.Symbol;
import org.concord.secrets.ApiCredentials;
import org.concord.secrets.Secret;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackSpotAccount;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A loopback exchange over the real Bitstamp trades, one funded spot account on it, and adapters pointed at it. */
final class SpotFixture implements AutoCloseable {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    /** Binance's documented example key pair (rest-api.md, "SIGNED Endpoint Examples"). */
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final Duration WAIT = Duration.ofSeconds(10);

    final LoopbackBinance ex;
    final LoopbackSpotAccount account;
    final Path dataDir;
    /** Added to the wall clock by the adapters' signing clock (a stale-timestamp test moves it). */
    final AtomicLong clockOffset = new AtomicLong();
    private final List<BinanceSpotBroker> brokers = new ArrayList<>();

    SpotFixture(Path dataDir, int startMinute) {
        this.dataDir = dataDir;
        this.ex = LoopbackBinance.withBitstampBtcusdt(startMinute);
        this.account = new LoopbackSpotAccount(ex, API_KEY, API_SECRET);
        account.deposit("USDT", 10_000);
        account.deposit("BTC", 1);
    }

    BinanceSpotConfig.Builder config() {
        return BinanceSpotConfig.custom("loopback", ex.restUrl(), ex.wsUrl()).instruments(ConcordConfig.defaultInstruments()).symbols(BTC).quoteAsset("USDT")
                .recvWindow(Duration.ofMillis(1500)).unknownOutcomeGrace(Duration.ofMillis(200))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).retries(3, Duration.ofMillis(20), Duration.ofSeconds(3))
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(30))
                .clock(() -> System.currentTimeMillis() + clockOffset.get());
    }

    static ApiCredentials credentials() {
        return new ApiCredentials(Secret.of(API_KEY), Secret.of(API_SECRET));
    }

    /** A started adapter, its stream connected and the connect-time reconciliation done, marked at the last price. */
    BinanceSpotBroker broker(PreTradeCheck check) {
        BinanceSpotBroker b = new BinanceSpotBroker(config().build(), credentials(), dataDir, check, null);
        brokers.add(b);
        b.mark(BTC, ex.lastPrice(BTC));
        b.start();
        long before = b.reconciliations();
        pollUntil(b, () -> b.streamConnected() && b.reconciliations() > before, "user-data stream connected and reconciled");
        return b;
    }

    BinanceSpotBroker broker() {
        return broker(PreTradeCheck.NONE);
    }

    /** Runs the adapter's decision-thread loop (poll) until {@code condition} holds. */
    static void pollUntil(BinanceSpotBroker b, BooleanSupplier condition, String what) {
        Await.until(WAIT, () -> {
            b.poll();
            return condition.getAsBoolean();
        }, () -> what + "; orders " + b.orders() + " fills " + b.fills().size());
    }

    /** Advances the exchange and marks the adapter at the new last price. */
    void advance(BinanceSpotBroker b, int minutes) {
        ex.advance(minutes);
        if (b != null) {
            b.mark(BTC, ex.lastPrice(BTC));
        }
    }

    @Override
    public void close() {
        for (BinanceSpotBroker b : brokers) {
            b.close();
        }
        ex.close();
    }
}
