package org.concord.app.session;

import org.concord.app.annotate.AnnotationServices;
import org.concord.app.feed.FeedController;
import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.feed.BusMarketFeed;
import org.concord.engine.ConcordRuntime;
import org.concord.model.Symbol;
import org.concord.orchestrator.ModuleStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything a desktop window runs on: its own engine (store + DataProvider: the chart's data), the bus, and
 * either a {@link CoreSession} (local: the orchestrator runs here) or a {@link BusMarketFeed} (remote: bars,
 * decisions and module states arrive over the bus; commands go back on it). The panels read the bus and the
 * DataProvider only, so they work the same in both modes.
 */
public final class DesktopSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopSession.class);

    private final SessionOptions options;
    private final ConcordRuntime engine;
    private final EventBus bus;
    private final CoreSession core;
    private final BusMarketFeed remote;
    private final FeedController feed;
    private final AnnotationServices annotations;
    private final List<AutoCloseable> closeWith = new CopyOnWriteArrayList<>();

    private DesktopSession(SessionOptions options, ConcordRuntime engine, EventBus bus, CoreSession core, BusMarketFeed remote,
                           FeedController feed, AnnotationServices annotations) {
        this.options = options;
        this.engine = engine;
        this.bus = bus;
        this.core = core;
        this.remote = remote;
        this.feed = feed;
        this.annotations = annotations;
    }

    /** Opens the store, the bus and the core (or the remote bridge) and starts the replay; blocking: not on the FX thread. */
    public static DesktopSession start(SessionOptions options, Consumer<String> progress) {
        if (options == null) {
            throw new IllegalArgumentException("options are required");
        }
        Consumer<String> p = progress == null ? s -> { } : progress;
        p.accept("opening the data store in " + options.dataDir());
        ConcordRuntime engine = new ConcordRuntime(options.dataDir());
        EventBus bus = null;
        try {
            p.accept("connecting the event bus " + options.busUri());
            bus = BusFactory.fromUri(options.busUri(), engine.dataDir());
            FeedController feed = new FeedController(engine);
            if (options.remote()) {
                BusMarketFeed bridge = new BusMarketFeed(bus, engine.data());
                bridge.start();
                p.accept("remote mode: waiting for bars and decisions on " + options.busUri());
                return new DesktopSession(options, engine, bus, null, bridge, feed, AnnotationServices.open(engine, null, null));
            }
            CoreSession core = CoreSession.start(engine, bus, options, false, p);
            if (options.startFeed()) {
                p.accept("starting the bundled replay");
                feed.startReplay(options.replaySpeed(), options.replaySkipMillis());
            }
            p.accept("opening the annotation store");
            return new DesktopSession(options, engine, bus, core, null, feed, AnnotationServices.open(engine, core.training(), core.patterns()));
        } catch (RuntimeException e) {
            if (bus != null) {
                bus.close();
            }
            engine.close();
            throw e;
        }
    }

    public SessionOptions options() {
        return options;
    }

    public ConcordRuntime engine() {
        return engine;
    }

    public EventBus bus() {
        return bus;
    }

    public boolean remote() {
        return core == null;
    }

    /** The in-process core (local mode only). */
    public Optional<CoreSession> core() {
        return Optional.ofNullable(core);
    }

    public FeedController feed() {
        return feed;
    }

    /** The annotation tab's core services (both modes; training only in local mode). */
    public AnnotationServices annotations() {
        return annotations;
    }

    /** Closes {@code c} (a view's background work) before the session's own parts. */
    public void closeWith(AutoCloseable c) {
        closeWith.add(c);
    }

    /** The module panel's safety-net poll of a symbol's orchestrator (local: the orchestrator itself; remote: nothing, the bus heartbeat). */
    public Function<Symbol, List<ModuleStatus>> modulePoll() {
        return core == null ? null : s -> (s == null ? core.orchestrator() : core.orchestrator(s)).modules();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeWith) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
        try {
            feed.close();
            if (core != null) {
                core.close();
            }
            if (remote != null) {
                remote.close();
            }
            bus.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the session: {}", e.toString());
        } finally {
            engine.close();
        }
    }
}
