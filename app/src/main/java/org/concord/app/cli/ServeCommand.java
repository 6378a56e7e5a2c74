package org.concord.app.cli;

import org.concord.app.feed.FeedController;
import org.concord.app.session.CoreSession;
import org.concord.app.session.SessionOptions;
import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.bus.redis.BusMetrics;
import org.concord.bus.redis.RedisEventBus;
import org.concord.engine.BotMode;
import org.concord.engine.BotModeStore;
import org.concord.engine.ConcordRuntime;
import org.concord.execution.ExecutionTopics;
import org.concord.feed.ReplayFeed;
import org.concord.model.Symbol;
import org.concord.threads.Daemons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code concord serve --bus redis://...}: the same core session the desktop runs in local mode (DataProvider,
 * orchestrator, training coordinator, trading pipeline), headless, with every bar published on the bus for remote
 * desktops; runs until SIGTERM/SIGINT or {@code --duration}.
 *
 * <p><b>Stopping.</b> A signal and the end of {@code --duration} run the same close path on the main thread, in this
 * order: the feed stops (no new data), the orchestrator decides on every bar already queued, the session closes (its
 * publishers stop), pending store writes are flushed, the bus closes (Redis reachable: the outbox is sent; Redis down:
 * what publish() accepted is kept in the outbox file under the data directory and sent first by the next start with
 * the same group and consumer), the store closes. One summary line ends the run and the exit code is 0. The whole
 * close is bounded by {@value #STOP_BOUND_MS} ms; past that the process says which step hung and exits with 1.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run feed + DataProvider + orchestrator + coordination + training headless on the event bus (--bus redis://...).")
public final class ServeCommand implements Callable<Integer> {
    /** The most a stop may take, signal to exit (feed ≤ 5 s, decisions ≤ 5 s, bus ≤ closeFlush + socket timeouts, store). */
    static final long STOP_BOUND_MS = 20_000;
    private static final long DRAIN_MS = 5_000;

    @Mixin
    CommonOptions common;

    @Option(names = "--bus", defaultValue = "inproc:", description = "event bus URI: inproc: or redis://host:port[/db]?group=..&consumer=..")
    String bus;

    @Option(names = "--feed", defaultValue = "replay", description = "replay (bundled real trades, looping) or binance (live public data; "
            + "URLs and timings from the config's binance: section)")
    String feed;

    @Option(names = "--speed", defaultValue = "60", description = "replay speed: max or a multiple of real time")
    String speed;

    @Option(names = "--symbol", description = "binance: the symbol to follow (default: the orchestrator's first symbol as Binance calls it, "
            + "BTCUSDT for the default BTCUSD; see the config's instruments: section)")
    String symbol;

    @Option(names = "--preset", description = "orchestrator preset for a new config file: minimal, full or research")
    String preset;

    @Option(names = "--bot", description = "does the orchestrator trade: off or paper (saved in <data-dir>/bot-mode.json; default: as saved, off for a new data dir)")
    String bot;

    @Option(names = "--duration", description = "stop after this many seconds (default: run until SIGTERM or SIGINT)")
    Long durationSeconds;

    @Option(names = "--status-every", defaultValue = "10", description = "seconds between status lines")
    long statusEvery;

    @Override
    public Integer call() throws Exception {
        if (!"replay".equalsIgnoreCase(feed) && !"binance".equalsIgnoreCase(feed)) {
            throw new IllegalArgumentException("--feed must be replay or binance, got '" + feed + "'");
        }
        double sp = "max".equalsIgnoreCase(speed) ? ReplayFeed.MAX_SPEED : Double.parseDouble(speed);
        Path dataDir = common.dataDir();
        if (bot != null) {
            BotMode mode = BotMode.parse(bot);
            if (mode == BotMode.LIVE) {
                throw new IllegalArgumentException("--bot live is not offered by serve (no venue is connected here): off or paper");
            }
            BotModeStore.inDataDir(dataDir).save(mode);
        }
        // the orchestrator's symbols are mapped onto the feed's venue: on Binance the default BTCUSD is traded as BTCUSDT
        String venue = "binance".equalsIgnoreCase(feed) ? "binance" : "bitstamp";
        SessionOptions options = SessionOptions.defaults(dataDir).withBus(bus).withPreset(preset).withReplay(sp, 0, false).withVenue(venue);
        try (StopSignal stop = new StopSignal(STOP_BOUND_MS + 1_000)) {
            Parts parts = new Parts(new ConcordRuntime(dataDir));
            try {
                parts.bus = BusFactory.fromUri(bus, dataDir);
                parts.core = CoreSession.start(parts.engine, parts.bus, options, common.configFile(dataDir), true, System.out::println);
                parts.bus.subscribe(ExecutionTopics.FILLS, f -> parts.fills.merge(f.symbol(), 1L, Long::sum));
                parts.feeds = new FeedController(parts.engine);
                if ("binance".equalsIgnoreCase(feed)) {
                    Symbol follow = symbol != null ? Symbol.of(symbol) : parts.core.orchestrator().config().symbols().get(0);
                    parts.feeds.startBinance(follow, parts.core.config().binance());
                    // the venue's own grid (exchangeInfo) over the configured one
                    parts.core.config().instruments().withListings(parts.feeds.liveListings()).find(venue, follow)
                            .ifPresent(i -> System.out.println("instrument " + i));
                } else {
                    parts.feeds.startReplay(sp, 0);
                }
                System.out.println("serving on " + bus + " · data dir " + dataDir + " · " + parts.status());
                long deadline = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
                long step = TimeUnit.SECONDS.toMillis(Math.max(1, statusEvery));
                while (!stop.await(Math.min(step, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) && System.nanoTime() < deadline) {
                    System.out.println(parts.status());
                }
            } catch (RuntimeException | Error e) {
                parts.closeQuietly(e);
                throw e;
            }
            String why = stop.reason() != null ? stop.reason() : "--duration " + durationSeconds + " s";
            System.out.println("stopping (" + why + ") · " + parts.status());
            System.out.println(parts.closeInOrder(why));
            return 0;
        }
    }

    /** What a serve run holds, closed in one order by {@link #closeInOrder}. */
    private static final class Parts {
        final ConcordRuntime engine;
        EventBus bus;
        CoreSession core;
        FeedController feeds;
        /** Fills published on the bus (the bot's paper account), by symbol, for the status line. */
        final Map<Symbol, Long> fills = new ConcurrentSkipListMap<>();
        private volatile String step = "starting";

        Parts(ConcordRuntime engine) {
            this.engine = engine;
        }

        String status() {
            return feeds.status() + " · decisions " + core.orchestrator().decisions() + " · queued " + core.orchestrator().queued()
                    + " · bot " + core.pipeline().botMode() + " · fills " + fills;
        }

        /** The close path: bounded by {@link #STOP_BOUND_MS}; returns the summary line. */
        String closeInOrder(String why) throws InterruptedException {
            long t0 = System.nanoTime();
            Thread watchdog = Daemons.start(() -> {
                try {
                    Thread.sleep(STOP_BOUND_MS);
                } catch (InterruptedException done) {
                    return;
                }
                System.err.println("concord serve: stop not finished after " + STOP_BOUND_MS + " ms (step: " + step + "); exiting with 1");
                Runtime.getRuntime().halt(1);
            }, "concord-serve-stop-watchdog");
            try {
                step = "stopping the feed";
                String feedName = feeds.status().source();
                feeds.close();
                step = "deciding on the queued bars";
                boolean drained = core.orchestrator().awaitIdle(DRAIN_MS, TimeUnit.MILLISECONDS);
                long decisions = core.orchestrator().decisions();
                step = "closing the session";
                core.close();
                step = "flushing the store";
                engine.data().flush();
                step = "closing the bus";
                String busLine = closeBus(bus);
                step = "closing the store";
                engine.close();
                String queue = drained ? "" : " (queue not drained in " + DRAIN_MS + " ms)";
                return String.format(Locale.ROOT, "stopped cleanly (%s) in %.1f s · feed %s stopped · decisions %d%s · store flushed · %s",
                        why, (System.nanoTime() - t0) / 1e9, feedName, decisions, queue, busLine);
            } finally {
                watchdog.interrupt();
            }
        }

        void closeQuietly(Throwable cause) {
            for (AutoCloseable c : new AutoCloseable[] {feeds, core, bus, engine}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }

        private static String closeBus(EventBus bus) {
            if (!(bus instanceof RedisEventBus r)) {
                bus.close();
                return "in-process bus closed";
            }
            bus.close();
            BusMetrics m = r.metrics();
            return "bus published " + m.published() + ", in Redis " + m.sentDurable() + ", kept in the outbox "
                    + (m.outboxSize() == 0 ? "0" : m.outboxSize() + " (" + r.config().outboxDir() + ", sent first by the next start as "
                    + r.config().group() + "/" + r.config().consumer() + ")") + ", lost " + m.lost();
        }
    }
}
