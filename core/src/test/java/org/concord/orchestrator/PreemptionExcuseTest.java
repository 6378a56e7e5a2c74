package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleState;
import org.concord.orchestrator.module.OrchestratorModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A module that needs 100 µs of CPU per decision, on a machine oversubscribed 4× by spinning threads, with a 1 ms
 * budget and a single strike allowed: its calls overrun only when the decision thread is preempted, and the guard
 * must excuse exactly those (counted as stalls), so the module stays RUNNING. Without the run-queue excuse the first
 * preempted call would put it in ERROR.
 */
class PreemptionExcuseTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    @TempDir
    Path dir;

    @Test
    void overrunsCausedByPreemptionAreExcusedNotStruck() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(), "no thread CPU clock: overruns are judged by wall time");
        OrchestratorConfig cfg = OrchestratorConfig.of(List.of(BTC), List.of(new ModuleEntry("busy", true, 1, null)))
                .withSynchronous(true)
                .withFaults(new FaultPolicy(1_000, 1, 10_000, 20, 5_000));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 4; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            t.setDaemon(true);
            hogs.add(t);
        }
        try (ReplayHarness h = new ReplayHarness(dir, cfg, b -> b.catalog(ModuleCatalog.empty().with("busy", "", CpuBoundModule::new)))) {
            hogs.forEach(Thread::start);
            h.replay();
            ModuleStatus busy = h.orchestrator.modules().stream().filter(m -> m.id().equals("busy")).findFirst().orElseThrow();
            assertThat(busy.calls()).isGreaterThan(1_000);
            assertThat(busy.stalls()).as("preempted calls seen (else the machine never preempted the decision thread)").isGreaterThan(0);
            assertThat(busy.strikes()).as("strikes of a module whose own work is a tenth of its budget").isZero();
            assertThat(busy.state()).as(busy.reason()).isEqualTo(ModuleState.RUNNING);
        } finally {
            stop.set(true);
            for (Thread t : hogs) {
                t.join();
            }
        }
    }

    /** Burns 100 µs of its own thread's CPU time per decision, however long that takes on the wall clock. */
    static final class CpuBoundModule implements OrchestratorModule {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final double[] out = new double[1];

        @Override
        public String id() {
            return "busy";
        }

        @Override
        public void initialize(ModuleContext ctx) {
        }

        @Override
        public Set<Timeframe> timeframes() {
            return EnumSet.of(Timeframe.M1);
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            out[0] = c;
        }

        @Override
        public List<String> featureNames() {
            return List.of("close");
        }

        @Override
        public double[] features(Symbol symbol) {
            long end = THREADS.getCurrentThreadCpuTime() + 100_000;
            double x = 0;
            while (THREADS.getCurrentThreadCpuTime() < end) {
                x += Math.sqrt(x + 1);
            }
            return x < 0 ? null : out;
        }

        @Override
        public List<Prediction> predictions(Symbol symbol) {
            return List.of(new Prediction("busy", symbol, 0, Action.HOLD, 0.5, Timeframe.M1, 1, "busy"));
        }

        @Override
        public void reset() {
        }
    }
}
