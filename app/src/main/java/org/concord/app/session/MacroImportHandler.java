package org.concord.app.session;

import org.concord.bus.EventBus;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;
import org.concord.modules.strategy.macrogate.MacroDataImport;
import org.concord.modules.strategy.macrogate.MacroImportReport;
import org.concord.modules.strategy.macrogate.MacroImportRequest;
import org.concord.orchestrator.TradingOrchestrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Executes the desk's {@link MacroImportRequest}s from the bus in the process that runs the orchestrator, one after
 * the other on its own thread (file and store I/O, the gate's reload: never a bus or FX thread), and answers each
 * with a {@link MacroImportReport}.
 */
final class MacroImportHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MacroImportHandler.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "concord-macro-import");
        t.setDaemon(true);
        return t;
    });
    private final Subscription sub;

    MacroImportHandler(EventBus bus, DataProvider data, Supplier<TradingOrchestrator> orchestrator) {
        MacroDataImport imports = new MacroDataImport(data, orchestrator);
        sub = bus.subscribe(MacroImportRequest.TOPIC, r -> worker.execute(() -> {
            MacroImportReport report;
            try {
                report = imports.run(r);
            } catch (RuntimeException e) {
                LOG.error("macro import {} failed: {}", r, e.toString(), e);
                report = MacroImportReport.failed(r.id(), r.symbol(), "import failed: " + e);
            }
            bus.publish(MacroImportReport.TOPIC, report);
        }));
    }

    @Override
    public void close() {
        sub.close();
        worker.shutdownNow();
    }
}
