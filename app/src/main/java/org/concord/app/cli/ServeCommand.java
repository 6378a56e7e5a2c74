package org.concord.app.cli;

import org.concord.app.feed.FeedController;
import org.concord.app.session.CoreSession;
import org.concord.app.session.SessionOptions;
import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.engine.BotMode;
import org.concord.engine.BotModeStore;
import org.concord.engine.ConcordEngine;
import org.concord.feed.ReplayFeed;
import org.concord.model.Symbol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code concord serve --bus redis://...}: the same core session the desktop runs in local mode (DataProvider,
 * orchestrator, training coordinator, trading pipeline), headless, with every bar published on the bus for remote
 * desktops; runs until SIGINT/SIGTERM or {@code --duration}. A desktop attaches with the same {@code --bus}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run feed + DataProvider + orchestrator + coordination + training headless on the event bus (--bus redis://...).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--bus", defaultValue = "inproc:", description = "event bus URI: inproc: or redis://host:port[/db]?group=..&consumer=..")
    String bus;

    @Option(names = "--feed", defaultValue = "replay", description = "replay (bundled real trades, looping) or binance (live public data)")
    String feed;

    @Option(names = "--speed", defaultValue = "60", description = "replay speed: max or a multiple of real time")
    String speed;

    @Option(names = "--symbol", defaultValue = "BTCUSDT", description = "binance: the symbol to follow")
    String symbol;

    @Option(names = "--preset", description = "orchestrator preset for a new <data-dir>/concord.yaml: minimal, full or research")
    String preset;

    @Option(names = "--bot", description = "does the orchestrator trade: off or paper (saved in <data-dir>/bot-mode.json; default: as saved, off for a new data dir)")
    String bot;

    @Option(names = "--duration", description = "stop after this many seconds (default: run until interrupted)")
    Long durationSeconds;

    @Option(names = "--status-every", defaultValue = "10", description = "seconds between status lines")
    long statusEvery;

    @Override
    public Integer call() throws Exception {
        if (!"replay".equalsIgnoreCase(feed) && !"binance".equalsIgnoreCase(feed)) {
            throw new IllegalArgumentException("--feed must be replay or binance, got '" + feed + "'");
        }
        double sp = "max".equalsIgnoreCase(speed) ? ReplayFeed.MAX_SPEED : Double.parseDouble(speed);
        if (bot != null) {
            BotMode mode = BotMode.parse(bot);
            if (mode == BotMode.LIVE) {
                throw new IllegalArgumentException("--bot live is not offered by serve (no venue is connected here): off or paper");
            }
            BotModeStore.inDataDir(common.dataDir()).save(mode);
        }
        SessionOptions options = SessionOptions.defaults(common.dataDir()).withBus(bus).withPreset(preset).withReplay(sp, 0, false);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "concord-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ConcordEngine engine = new ConcordEngine(options.dataDir());
             EventBus eventBus = BusFactory.fromUri(bus);
             CoreSession core = CoreSession.start(engine, eventBus, options, true, System.out::println);
             FeedController feeds = new FeedController(engine)) {
            if ("binance".equalsIgnoreCase(feed)) {
                feeds.startBinance(Symbol.of(symbol), null);
            } else {
                feeds.startReplay(sp, 0);
            }
            System.out.println("serving on " + bus + " · " + status(core, feeds));
            long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
            while (!stop.await(Math.max(1, statusEvery), TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                System.out.println(status(core, feeds));
            }
            System.out.println("stopping · " + status(core, feeds));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
        return 0;
    }

    private static String status(CoreSession core, FeedController feeds) {
        return feeds.status() + " · decisions " + core.orchestrator().decisions() + " · queued " + core.orchestrator().queued()
                + " · bot " + core.pipeline().botMode();
    }
}
