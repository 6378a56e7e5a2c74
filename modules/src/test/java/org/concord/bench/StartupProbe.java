package org.concord.bench;

import org.concord.engine.ConcordEngine;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link OrchestratorBench}: opens an engine, then measures starting an orchestrator with a
 * preset (parse the preset, build, start: load and initialize the enabled modules) and the heap it retains.
 * Prints one line: {@code STARTUP <preset> <startMicros> <retainedBytes> <heapAfterBytes>}.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String preset = args[0];
        Path dir = Files.createTempDirectory("concord-startup");
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        try (ConcordEngine engine = new ConcordEngine(dir)) {
            settle();
            long before = mem.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            OrchestratorConfig cfg = ConfigFiles.preset(preset);
            TradingOrchestrator orch = TradingOrchestrator.on(engine, cfg, null, null).start();
            long micros = (System.nanoTime() - t0) / 1_000;
            settle();
            long after = mem.getHeapMemoryUsage().getUsed();
            System.out.println("STARTUP " + preset + " " + micros + " " + (after - before) + " " + after
                    + " " + orch.modules().stream().filter(m -> m.state().name().equals("RUNNING")).count());
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
