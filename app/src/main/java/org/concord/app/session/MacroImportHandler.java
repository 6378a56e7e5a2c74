package org.concord.app.session;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.data.DataProvider;
import org.concord.modules.strategy.macrogate.MacroDataImport;
import org.concord.modules.strategy.macrogate.MacroImportReport;
import org.concord.modules.strategy.macrogate.MacroImportRequest;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Executes the desk's {@link MacroImportRequest}s from the bus in the process that runs the orchestrator, one after
 * the other on its own thread (file and store I/O, the gate's reload: never a bus or FX thread), and answers each
 * with a {@link MacroImportReport}. The rule reaches every instrument's macro gate (DXY and VIX describe the whole
 * market, not one symbol).
 */
final class MacroImportHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MacroImportHandler.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Daemons.named("concord-macro-import"));
    private final Subscription sub;

    /** @param orchestrators every instrument's orchestrator, the one that writes concord.yaml first */
    MacroImportHandler(EventBus bus, DataProvider data, Supplier<List<TradingOrchestrator>> orchestrators) {
        MacroDataImport imports = new MacroDataImport(data, orchestrators);
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
