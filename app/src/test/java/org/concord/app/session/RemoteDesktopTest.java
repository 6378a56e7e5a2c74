package org.concord.app.session;

import org.concord.app.modules.ModulePanelPresenter;
import org.concord.app.modules.ModuleRow;
import org.concord.app.shell.Presenters;
import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleState;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote desktop mode over a real redis-server: a "server" process side (engine, core session with the market
 * publisher, replay) and a desktop session started with {@code --bus redis://...}. The desktop's own DataProvider
 * gets the bars, its module presenter the modules, and a toggle sent from it changes the server's orchestrator.
 */
class RemoteDesktopTest {
    @TempDir
    Path dir;

    @Test
    void aRemoteDesktopSeesBarsAndModulesAndSteersTheServer() throws Exception {
        RedisServerProcess.assumeAvailable();
        try (RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"))) {
            ConfigFiles.save(dir.resolve("server").resolve("concord.yaml"), ConfigFiles.preset("minimal").withModuleEnabled("pivots", true));
            try (ConcordRuntime serverEngine = new ConcordRuntime(dir.resolve("server"));
                 EventBus serverBus = BusFactory.fromUri(redis.uri() + "?group=server&consumer=s1&outbox=none");
                 CoreSession core = CoreSession.start(serverEngine, serverBus, SessionOptions.defaults(dir.resolve("server")), true, m -> { });
                 DesktopSession desk = DesktopSession.start(SessionOptions.defaults(dir.resolve("desk"))
                         .withBus(redis.uri() + "?group=desk&consumer=d1&outbox=none"), m -> { });
                 Presenters presenters = new Presenters();
                 ModulePanelPresenter modules = new ModulePanelPresenter(desk.bus(), presenters, desk.modulePoll())) {
                assertThat(desk.remote()).isTrue();
                assertThat(desk.modulePoll()).isNull(); // remote: only the bus
                ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), serverEngine.data(), 20_000, false);
                feed.start();
                // module rows arrive from the server's heartbeat
                AtomicReference<List<ModuleRow>> rows = new AtomicReference<>(List.of());
                presenters.every(20, () -> {
                    List<ModuleRow> r = modules.slot().take();
                    if (r != null) {
                        rows.set(r);
                    }
                });
                await(20, () -> row(rows, "pivots").map(r -> r.state() == ModuleState.RUNNING).orElse(false));
                // bars: the desktop's DataProvider has the server's closed 1m bars
                await(30, () -> desk.engine().data().bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000,
                        Direction.LATEST).size() > 200);
                BarSeries mine = desk.engine().data().bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 200, Direction.LATEST);
                BarSeries theirs = serverEngine.data().bars(BundledData.BTCUSD, Timeframe.M1, mine.time(0), mine.time(0));
                assertThat(theirs.size()).isEqualTo(1);
                assertThat(mine.close(0)).isEqualTo(theirs.close(0));
                assertThat(mine.volume(0)).isEqualTo(theirs.volume(0));
                // a toggle from the remote desktop reaches the server's orchestrator, and its state comes back
                TradingOrchestrator orch = core.orchestrator();
                modules.toggle("pivots", false);
                await(20, () -> orch.module("pivots").orElseThrow().state() == ModuleState.DISABLED);
                await(10, () -> row(rows, "pivots").map(r -> r.state() == ModuleState.DISABLED).orElse(false));
                modules.toggle("pivots", true);
                await(20, () -> orch.module("pivots").orElseThrow().state() == ModuleState.RUNNING);
                feed.stop();
            }
        }
    }

    private static Optional<ModuleRow> row(AtomicReference<List<ModuleRow>> rows, String id) {
        return rows.get().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static void await(int seconds, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
