package org.concord.app.cli;

import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.engine.HeadlessServer;
import org.concord.feed.MarketFeed;
import org.concord.feed.ReplayFeed;
import org.concord.feed.binance.BinanceConfig;
import org.concord.feed.binance.BinanceFeed;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code concord serve --bus redis://...}: runs the DataProvider and the orchestrator headless and publishes
 * everything on the bus until stopped (SIGINT/SIGTERM, or {@code --duration}). The desktop attaches with the same
 * {@code --bus}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run feed + DataProvider + orchestrator headless, publishing on the event bus (--bus redis://...).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--bus", defaultValue = "inproc:", description = "event bus URI: inproc: or redis://host:port[/db]?group=..&consumer=..")
    String bus;

    @Option(names = "--feed", defaultValue = "replay", description = "replay (bundled real trades) or binance (live public data)")
    String feed;

    @Option(names = "--speed", defaultValue = "60", description = "replay speed: max or a multiple of real time")
    String speed;

    @Option(names = "--loop", defaultValue = "true", negatable = true, description = "replay: play the tape again after its end")
    boolean loop;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "binance: the symbol to follow")
    String symbol;

    @Option(names = "--preset", description = "orchestrator preset: minimal, full or research (default: the config file, else full)")
    String preset;

    @Option(names = "--duration", description = "stop after this many seconds (default: run until interrupted)")
    Long durationSeconds;

    @Option(names = "--status-every", defaultValue = "10", description = "seconds between status lines")
    long statusEvery;

    @Override
    public Integer call() throws Exception {
        Path dataDir = common.dataDir();
        Path configFile = common.config != null ? common.config : dataDir.resolve("concord.yaml");
        OrchestratorConfig cfg = preset != null ? ConfigFiles.preset(preset)
                : Files.exists(configFile) ? ConfigFiles.load(configFile) : ConfigFiles.preset("full");
        EventBus eventBus = BusFactory.fromUri(bus);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "concord-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (eventBus; HeadlessServer server = new HeadlessServer(dataDir, eventBus, cfg, configFile, this::startFeed)) {
            System.out.println("serving on " + bus + " · " + server.status());
            long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
            while (!stop.await(Math.max(1, statusEvery), TimeUnit.SECONDS)) {
                System.out.println(server.status());
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
            System.out.println("stopping · " + server.status());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: nothing to remove
            }
        }
        return 0;
    }

    private MarketFeed startFeed(org.concord.engine.ConcordEngine engine) {
        if ("binance".equalsIgnoreCase(feed)) {
            BinanceConfig bc = BinanceConfig.builder().symbol(Symbol.of(symbol))
                    .intervals(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1).build();
            return BinanceFeed.connect(bc, engine.data());
        }
        if (!"replay".equalsIgnoreCase(feed)) {
            throw new IllegalArgumentException("--feed must be replay or binance, got '" + feed + "'");
        }
        double sp = "max".equalsIgnoreCase(speed) ? ReplayFeed.MAX_SPEED : Double.parseDouble(speed);
        return engine.startBundledReplay(sp, loop);
    }
}
