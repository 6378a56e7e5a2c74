package org.concord.feed.binance;

import org.concord.model.Timeframe;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket side on its own: backoff, pongs to the server's pings, idle timeout, clean stop. */
class BinanceStreamClientTest {
    static final Duration WAIT = Duration.ofSeconds(8);
    static LoopbackBinance ex;

    @BeforeAll
    static void startExchange() {
        ex = LoopbackBinance.withBitstampBtcusdt(100);
    }

    @AfterAll
    static void stopExchange() {
        ex.close();
    }

    /** Records what the client reports. */
    static final class Events implements BinanceStreamClient.Listener {
        final List<String> log = new CopyOnWriteArrayList<>();

        @Override
        public void onConnected(int connection) {
            log.add("open#" + connection);
        }

        @Override
        public void onMessage(int connection, String text) {
            log.add("msg#" + connection);
        }

        @Override
        public void onDisconnected(int connection, String reason) {
            log.add("lost#" + connection + " " + reason);
        }
    }

    @Test
    void backoffDoublesUpToTheMaximumWithinTheJitterBand() {
        BinanceConfig cfg = BinanceConfig.builder().symbol(LoopbackBinance.BTCUSDT).interval(Timeframe.M1)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5)).reconnectJitter(0.25).build();
        long[] mid = new long[8];
        for (int i = 0; i < mid.length; i++) {
            mid[i] = BinanceStreamClient.backoffMs(cfg, i, 0.5);
            assertThat(BinanceStreamClient.backoffMs(cfg, i, 0.0)).isEqualTo(Math.round(Math.min(5000, 100L << i) * 0.75));
            assertThat(BinanceStreamClient.backoffMs(cfg, i, 0.999999)).isBetween(Math.min(5000L, Math.round(Math.min(5000, 100L << i) * 1.249)), 5000L);
        }
        assertThat(mid).containsExactly(100, 200, 400, 800, 1600, 3200, 5000, 5000);
        assertThat(BinanceStreamClient.backoffMs(cfg, 1000, 0.5)).isEqualTo(5000);
        assertThat(BinanceStreamClient.backoffMs(cfg, Integer.MAX_VALUE, 0.0)).isEqualTo(3750);
    }

    @Test
    void answersPingsIdlesOutAndStopsCleanly() {
        BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).idleTimeout(Duration.ofMillis(600)).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Events events = new Events();
        BinanceStreamClient client = new BinanceStreamClient(cfg, BinanceRestClient.newHttpClient(cfg), events, timer);
        int opened = ex.stream().opened();
        try {
            client.start();
            assertThat(ex.stream().awaitOpened(opened + 1, WAIT)).isTrue();
            Await.until(WAIT, client::connected, () -> "client connected");

            // Binance pings; the client must answer with a pong (the JDK client does it itself), which also counts as activity
            int pongs = ex.stream().pongs();
            for (int i = 0; i < 4; i++) {
                ex.stream().pingAll();
                Await.until(WAIT, () -> ex.stream().pongs() > pongs, () -> "a pong");
                sleep(200);
            }
            assertThat(ex.stream().pongs()).isGreaterThanOrEqualTo(pongs + 4);
            assertThat(client.failures()).as("pings kept the connection alive past the idle timeout").isZero();

            // messages keep it alive too
            ex.advance(1);
            Await.until(WAIT, () -> events.log.contains("msg#1"), () -> "a message on connection 1");

            // silence: the idle timeout replaces the connection
            Await.until(WAIT, () -> events.log.stream().anyMatch(l -> l.startsWith("lost#1 no message for")), () -> "idle timeout: " + events.log);
            Await.until(WAIT, () -> events.log.contains("open#2"), () -> "reconnected: " + events.log);
            assertThat(client.connects()).isEqualTo(2);
        } finally {
            client.stop();
            timer.shutdownNow();
        }
        Await.until(WAIT, () -> ex.stream().openConnections() == 0, () -> "server saw the close");
        long failures = client.failures();
        sleep(300);
        assertThat(client.failures()).as("no reconnect after stop").isEqualTo(failures);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
