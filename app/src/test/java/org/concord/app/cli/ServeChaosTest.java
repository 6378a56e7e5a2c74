package org.concord.app.cli;

import org.concord.bus.redis.RedisEventBus;
import org.concord.data.MarketTopics;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackBinance.StepFault;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges together, against real parts: {@code concord serve} as a child process on the loopback Binance (drops,
 * duplicates, garbage, a kline dated a year ahead), a real redis-server killed mid-run, the server stopped with
 * SIGTERM while Redis is down and started again. A consumer on the bus (another group) must end with every closed
 * 1m bar exactly once, every decision the server reports having made exactly once, and the series going on after
 * the bad kline.
 */
class ServeChaosTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final int BACKFILL = 30;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void nothingIsLostOrDoubledThroughBadKlinesARedisKillAndASigterm() throws Exception {
        RedisServerProcess.assumeAvailable();
        Path data = Files.createDirectories(dir.resolve("server"));
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"));
             RedisEventBus desk = RedisEventBus.open(redis.uri() + "?group=desk&consumer=desk1&start=earliest&outbox=none&connectTimeout=500&socketTimeout=1000")) {
            List<MarketTopics.BarEvent> bars = new CopyOnWriteArrayList<>();
            List<Decision> decisions = new CopyOnWriteArrayList<>();
            desk.subscribe(MarketTopics.BAR_CLOSES, e -> {
                if (e.timeframe() == Timeframe.M1 && e.symbol().equals(BTC)) {
                    bars.add(e);
                }
            });
            desk.subscribe(OrchestratorTopics.DECISIONS, decisions::add);
            Path config = data.resolve("concord.yaml");
            Files.writeString(config, "orchestrator:\n  preset: minimal\n  symbols: [BTCUSDT]\n  decisionTimeframe: 1m\n  feed: {trades: false, books: false}\n"
                    + "  modules: []\nbinance:\n  restUrl: " + ex.restUrl() + "\n  wsUrl: " + ex.wsUrl() + "\n  initialBackfillBars: " + BACKFILL + "\n"
                    + "  aggTrades: false\n  depth: false\n  reconnectInitialMs: 50\n  reconnectMaxMs: 400\n  restRetryInitialMs: 20\n"
                    + "  restMaxRetries: 3\n  connectTimeoutMs: 2000\n  idleTimeoutMs: 5000\n");
            String[] serve = {"--data-dir", data.toString(), "--config", config.toString(), "--feed", "binance", "--symbol", "BTCUSDT",
                    "--status-every", "1", "--bus", redis.uri() + "?group=server&consumer=srv1&connectTimeout=500&socketTimeout=1000&closeFlush=1000"};
            long firstBar = ex.market(BTC).minuteTime(ex.cursor()) - BACKFILL * 60_000L;
            Kline future;
            long s1;
            try (ServeProcess server = ServeProcess.start(dir, serve)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                ex.advance(4);
                ex.advance(2, StepFault.DROP_CLOSED);
                ex.advance(2, StepFault.DUPLICATE_CLOSED);
                ex.sendRaw("{not json");
                ex.sendRaw("\u0000\u0001 garbage \uFFFD");
                future = ex.publishFutureDated(BTC, Timeframe.M1, Duration.ofDays(365), false);
                ex.advance(4);
                awaitBars(ex, bars, "before Redis is killed");

                redis.kill();
                ex.advance(5);   // bars and decisions now wait in the server's outbox
                server.awaitDecisions(closed(ex, firstBar).size(), WAIT);
                assertThat(server.sigterm(WAIT)).as(server.output()).isZero();
                s1 = server.summaryDecisions();
                System.out.println("first run: " + server.summary());
                assertThat(server.summary()).contains("(SIGTERM)").contains("store flushed").contains("lost 0").doesNotContain("kept in the outbox 0");
            }
            assertThat(Files.list(data.resolve("bus-outbox")).toList()).as("the outbox file is in --data-dir").isNotEmpty();

            redis.restart();
            ex.advance(3);       // missed while the server is down: backfilled from the store's last bar on restart
            try (ServeProcess server = ServeProcess.start(dir, serve)) {
                assertThat(ex.stream().awaitOpened(2, WAIT)).isTrue();
                ex.advance(4);
                server.awaitDecisions(closed(ex, firstBar).size() - s1, WAIT);
                awaitBars(ex, bars, "after the restart");
                assertThat(server.sigterm(WAIT)).as(server.output()).isZero();
                System.out.println("second run: " + server.summary());
                List<Kline> expected = closed(ex, firstBar);
                assertThat(s1 + server.summaryDecisions()).as("one decision per closed bar, over both runs").isEqualTo(expected.size());
                Await.until(WAIT, () -> decisions.size() >= expected.size(), () -> decisions.size() + " of " + expected.size() + " decisions");

                assertThat(bars.stream().map(MarketTopics.BarEvent::openTime).toList()).as("every bar once, in order")
                        .containsExactlyElementsOf(expected.stream().map(Kline::openTime).toList());
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(bars.get(i).close()).isEqualTo(expected.get(i).close());
                }
                assertThat(bars).noneMatch(b -> b.openTime() >= future.openTime());
                assertThat(expected.get(expected.size() - 1).openTime()).as("the series went on after the bad kline")
                        .isGreaterThan(ex.market(BTC).minuteTime(3000 + 12));
                Set<Long> decided = decisions.stream().map(Decision::time).collect(Collectors.toSet());
                assertThat(decisions).as("no decision twice").hasSize(decided.size()).hasSize(expected.size());
                assertThat(decided).isEqualTo(expected.stream().map(k -> k.openTime() + 60_000L).collect(Collectors.toSet()));
            }
        }
    }

    private static List<Kline> closed(LoopbackBinance ex, long from) {
        return ex.closedKlines(BTC, Timeframe.M1).stream().filter(k -> k.openTime() >= from).toList();
    }

    private static void awaitBars(LoopbackBinance ex, List<MarketTopics.BarEvent> bars, String when) {
        long last = ex.closedKlines(BTC, Timeframe.M1).get(ex.closedKlines(BTC, Timeframe.M1).size() - 1).openTime();
        Await.until(WAIT, () -> !bars.isEmpty() && bars.get(bars.size() - 1).openTime() == last, () -> "bar " + last + " at the consumer " + when
                + " (last seen " + (bars.isEmpty() ? "none" : bars.get(bars.size() - 1).openTime()) + ")");
    }
}
