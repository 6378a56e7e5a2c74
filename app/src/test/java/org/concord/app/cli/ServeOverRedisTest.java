package org.concord.app.cli;

import org.concord.bus.redis.RedisEventBus;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.quality.InputQuality;
import org.concord.app.session.CoreSession;
import org.concord.app.session.SessionOptions;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.feed.BusMarketFeed;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleCommand;
import org.concord.orchestrator.ModuleStateChanged;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.module.ModuleState;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless server and a "desktop" in separate bus instances over a real redis-server: the desktop sees the
 * server's decisions and bars, and its module toggle reaches the server's orchestrator.
 */
class ServeOverRedisTest {
    @TempDir
    Path dir;

    @Test
    void desktopSeesDecisionsAndBarsAndItsToggleReachesTheServer() throws Exception {
        RedisServerProcess.assumeAvailable();
        try (RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"));
             RedisEventBus desk = RedisEventBus.open(redis.uri() + "?group=desktop&consumer=desk1&outbox=none");
             SqliteDatabase deskDb = SqliteDatabase.open(dir.resolve("desk.db"))) {
            DataProvider deskData = new DataProvider(new BarStore(deskDb), new InputQuality(), 10_000, 1_000_000);
            List<Decision> decisions = new CopyOnWriteArrayList<>();
            List<ModuleStateChanged> states = new CopyOnWriteArrayList<>();
            desk.subscribe(OrchestratorTopics.DECISIONS, decisions::add);
            desk.subscribe(OrchestratorTopics.MODULE_STATES, states::add);
            BusMarketFeed remote = new BusMarketFeed(desk, deskData);
            remote.start();

            try (RedisEventBus serverBus = RedisEventBus.open(redis.uri() + "?group=server&consumer=srv1&outbox=none");
                 ConcordRuntime engine = new ConcordRuntime(dir.resolve("server"));
                 CoreSession server = CoreSession.start(engine, serverBus, SessionOptions.defaults(dir.resolve("server")).withPreset("full"), true, s -> { })) {
                ReplayFeed replay = engine.startBundledReplay(ReplayFeed.MAX_SPEED, false);
                assertThat(replay.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
                // one orchestrator per instrument: ETHUSD's 5m and AAPL's daily bars are replayed beside the BTC tape
                // (AAPL's daily bars follow the BTC tape's clock: they stop with it; ETHUSD's play on their own)
                for (BarReplayFeed companion : engine.companions()) {
                    if (companion.lead() == null) {
                        assertThat(companion.awaitFinished(120, TimeUnit.SECONDS)).as(companion.name()).isTrue();
                    }
                }
                long made = 0;
                for (Symbol s : server.symbols()) {
                    assertThat(server.orchestrator(s).awaitIdle(60, TimeUnit.SECONDS)).isTrue();
                    made += server.orchestrator(s).decisions();
                }
                assertThat(server.orchestrator(BundledData.BTCUSD).decisions()).isGreaterThan(9_000);
                assertThat(server.orchestrator(BundledData.ETHUSD).decisions()).as("ETHUSD's orchestrator decides on its own bars").isPositive();
                long all = made;
                await(() -> decisions.size() == all, "all decisions of every instrument reach the desktop");
                // each orchestrator numbers its own decisions: in order per symbol, never repeated
                for (Symbol s : server.symbols()) {
                    assertThat(decisions.stream().filter(d -> d.symbol().equals(s)).map(Decision::seq).toList()).as(s.code())
                            .doesNotHaveDuplicates().isSorted();
                }

                // bars: the desktop's own DataProvider now holds the server's 1m series
                BarSeries serverBars = engine.data().bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST);
                await(() -> deskData.bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST).size() == serverBars.size(),
                        "every 1m bar reaches the desktop");
                BarSeries deskBars = deskData.bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST);
                assertThat(deskBars.lastTime()).isEqualTo(serverBars.lastTime());
                assertThat(deskBars.closes()).containsExactly(serverBars.closes());

                // toggle from the desk
                assertThat(server.orchestrator().module("pivots").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
                desk.publish(OrchestratorTopics.MODULE_COMMANDS, ModuleCommand.disable("pivots"));
                await(() -> server.orchestrator().module("pivots").map(m -> m.state() == ModuleState.DISABLED).orElse(false),
                        "the server's module is disabled");
                await(() -> states.stream().anyMatch(s -> s.moduleId().equals("pivots") && s.to() == ModuleState.DISABLED),
                        "the desktop hears the state change");
            }
            remote.stop();
            deskData.close();
        }
    }

    @Test
    void serveCommandRunsForItsDurationAndExitsCleanly() {
        int rc = ConcordCli.execute("serve", "--data-dir", dir.resolve("cli").toString(), "--speed", "max",
                "--preset", "minimal", "--duration", "2", "--status-every", "1");
        assertThat(rc).isZero();
        assertThat(ConcordCli.execute("serve", "--data-dir", dir.resolve("cli2").toString(), "--feed", "carrier-pigeon", "--duration", "1")).isEqualTo(1);
    }

    private static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
