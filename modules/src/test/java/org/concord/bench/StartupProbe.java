package org.concord.bench;

import org.concord.engine.ConcordRuntime;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link OrchestratorBench}: opens an engine, parses the preset (timed apart: the same YAML work
 * for every preset), then measures building and starting the orchestrator (load and initialize the enabled modules)
 * and the heap that retains. Prints {@code STARTUP <preset> <startMicros> <retainedBytes> <heapAfterBytes>
 * <modulesEnabled> <parseMicros>}.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String preset = args[0];
        Path dir = Files.createTempDirectory("concord-startup");
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        try (ConcordRuntime engine = new ConcordRuntime(dir)) {
            long p0 = System.nanoTime();
            OrchestratorConfig cfg = ConfigFiles.preset(preset);
            long parseMicros = (System.nanoTime() - p0) / 1_000;
            settle();
            long before = mem.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            TradingOrchestrator orch = TradingOrchestrator.on(engine.data(), cfg, null, null).start();
            long micros = (System.nanoTime() - t0) / 1_000;
            settle();
            long after = mem.getHeapMemoryUsage().getUsed();
            long running = orch.config().modules().stream().filter(m -> m.enabled()).count();
            System.out.println("STARTUP " + preset + " " + micros + " " + (after - before) + " " + after + " " + running
                    + " " + parseMicros);
            orch.close();
        }
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
