package org.concord.app.modules;

import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.modules.strategy.macrogate.MacroImportReport;
import org.concord.modules.strategy.macrogate.MacroImportRequest;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The macro data dialog's side of the bus: a request goes out from the presenter thread as a
 * {@link MacroImportRequest}; the session that runs the orchestrator imports and answers with a
 * {@link MacroImportReport}, matched back to its request by id. Nothing is read or computed here.
 */
public final class MacroImportPresenter implements AutoCloseable {
    /** How long the desk waits for the core's answer (a remote core may be down) before it says so. */
    static final long ANSWER_TIMEOUT_SECONDS = 120;
    private final EventBus bus;
    private final Presenters presenters;
    private final Map<String, CompletableFuture<MacroImportReport>> pending = new ConcurrentHashMap<>();
    private final Subscription sub;

    public MacroImportPresenter(EventBus bus, Presenters presenters) {
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        this.bus = bus;
        this.presenters = presenters;
        sub = bus.subscribe(MacroImportReport.TOPIC, r -> {
            CompletableFuture<MacroImportReport> f = pending.remove(r.requestId());
            if (f != null) {
                f.complete(r);
            }
        });
    }

    /**
     * Sends an import of {@code file} as {@code symbol} with its rule; the future completes (on a bus thread) with
     * the core's report, or exceptionally when the request is refused at once or no answer comes in time.
     */
    public CompletableFuture<MacroImportReport> submit(String file, String symbol, String allowWhen, double level, int period, boolean replace) {
        MacroImportRequest req;
        try {
            req = new MacroImportRequest(UUID.randomUUID().toString(), file, symbol, allowWhen, level, period, replace);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<MacroImportReport> f = new CompletableFuture<>();
        pending.put(req.id(), f);
        presenters.run(() -> bus.publish(MacroImportRequest.TOPIC, req));
        return f.orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((r, e) -> {
            if (e instanceof TimeoutException) {
                pending.remove(req.id());
            }
        });
    }

    @Override
    public void close() {
        sub.close();
        pending.values().forEach(f -> f.cancel(false));
    }
}
