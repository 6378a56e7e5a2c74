package org.concord.orchestrator;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fault kind, on a real replay: the module goes to ERROR after N strikes, decisions go on, re-enable works. */
class FaultIsolationTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    @TempDir
    Path dir;

    @AfterEach
    void releaseHung() {
        ScriptedModule.release = true;
    }

    private static OrchestratorConfig config(boolean sync) {
        return config(sync, 50_000);
    }

    /** A generous budget except where overruns are the point, so machine load cannot add strikes to the other cases. */
    private static OrchestratorConfig config(boolean sync, long budgetMicros) {
        return OrchestratorConfig.of(List.of(BTC), List.of(new ModuleEntry("good", true, 1, null),
                        new ModuleEntry("bad", true, 1, null)))
                .withSynchronous(sync)
                .withFaults(new FaultPolicy(budgetMicros, 3, 10, 50, 300));
    }

    @ParameterizedTest
    @EnumSource(value = ScriptedModule.Fault.class, names = {"THROW", "NAN", "SLOW"})
    void faultyModuleGoesToErrorDecisionsContinueAndReEnableWorks(ScriptedModule.Fault fault) throws Exception {
        ScriptedModule.release = false;
        // faults on decision calls 100..102 (three strikes within 10 calls), clean afterwards
        ScriptedModule bad = new ScriptedModule("bad", fault, 100, 102);
        List<ModuleStateChanged> changes = new CopyOnWriteArrayList<>();
        AtomicLong reEnabledAfter = new AtomicLong(-1);
        AtomicInteger m1Closes = new AtomicInteger();
        try (ReplayHarness h = new ReplayHarness(dir, config(true, fault == ScriptedModule.Fault.SLOW ? 5_000 : 50_000), b -> b.catalog(ModuleCatalog.empty()
                .with("good", "", () -> new ScriptedModule("good", ScriptedModule.Fault.NONE, 0, 0))
                .with("bad", "", () -> bad)))) {
            h.engine.data().subscribeBarCloses((s, tf, t, o, hi, lo, c, v) -> {
                if (tf == Timeframe.M1) {
                    m1Closes.incrementAndGet();
                }
            });
            h.orchestrator.onStateChange(changes::add);
            h.orchestrator.onDecision(d -> {
                // at decision 200 (the module is in ERROR by then) ask for a re-enable from the decision listener
                if (d.seq() == 200) {
                    h.orchestrator.enable("bad").thenAccept(r -> reEnabledAfter.set(r.appliedAfterSeq()));
                }
            });
            h.replay();

            List<Decision> ds = new ArrayList<>(h.decisions);
            assertThat(ds).hasSize(m1Closes.get());
            for (int i = 0; i < ds.size(); i++) {
                assertThat(ds.get(i).seq()).isEqualTo(i + 1);
            }
            ModuleStateChanged error = changes.stream().filter(c -> c.to() == ModuleState.ERROR).findFirst()
                    .orElseThrow(() -> new AssertionError("no ERROR among " + changes + " after " + ds.size() + " decisions, "
                            + bad.calls + " calls: " + h.orchestrator.modules()));
            assertThat(error.moduleId()).isEqualTo("bad");
            assertThat(error.reason()).contains(switch (fault) {
                case THROW -> "threw java.lang.IllegalStateException: scripted failure";
                case NAN -> "non-finite feature bad.close = NaN";
                default -> "over budget";
            }).contains("3 strikes within 10 decisions");
            // the third faulty call (decision 102) puts it aside; its output is dropped from that decision on
            assertThat(error.afterSeq()).isEqualTo(101);
            // decisions 100 and 101 had a faulty features() call, but its predictions still voted
            assertThat(ds.get(98).contribution("bad")).isNotNull();
            assertThat(ds.get(100).contribution("bad")).isNotNull();
            // from decision 102 on (the third strike) it is not called any more
            assertThat(ds.get(101).contribution("bad")).isNull();
            assertThat(ds.get(150).contribution("bad")).isNull();
            assertThat(ds.get(150).contribution("good")).isNotNull();
            // re-enabled: back from the next decision on
            assertThat(reEnabledAfter.get()).isEqualTo(200);
            assertThat(ds.get(199).contribution("bad")).isNull();
            assertThat(ds.get(200).contribution("bad")).isNotNull();
            assertThat(ds.get(ds.size() - 1).contribution("bad")).isNotNull();
            assertThat(h.orchestrator.module("bad").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
            assertThat(h.orchestrator.module("bad").orElseThrow().strikes()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void hungModuleIsPutAsideByTheWatchdogAndNoDecisionIsLost() throws Exception {
        ScriptedModule.release = false;
        AtomicInteger m1Closes = new AtomicInteger();
        List<ModuleStateChanged> changes = new CopyOnWriteArrayList<>();
        try (ReplayHarness h = new ReplayHarness(dir, config(false), b -> b.catalog(ModuleCatalog.empty()
                .with("good", "", () -> new ScriptedModule("good", ScriptedModule.Fault.NONE, 0, 0))
                .with("bad", "", () -> new ScriptedModule("bad", ScriptedModule.Fault.HANG, 50, 50))))) {
            h.engine.data().subscribeBarCloses((s, tf, t, o, hi, lo, c, v) -> {
                if (tf == Timeframe.M1) {
                    m1Closes.incrementAndGet();
                }
            });
            h.orchestrator.onStateChange(changes::add);
            h.replay();
            assertThat(h.orchestrator.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
            List<Decision> ds = new ArrayList<>(h.decisions);
            assertThat(ds).hasSize(m1Closes.get());
            for (int i = 0; i < ds.size(); i++) {
                assertThat(ds.get(i).seq()).as("decision %d", i).isEqualTo(i + 1);
            }
            ModuleStateChanged error = changes.stream().filter(c -> c.to() == ModuleState.ERROR).findFirst().orElseThrow();
            assertThat(error.moduleId()).isEqualTo("bad");
            assertThat(error.reason()).startsWith("hung: no return after");
            // decision 50 was being built when the module hung: it is finished without the module, not lost
            assertThat(ds.get(48).contribution("bad")).isNotNull();
            assertThat(ds.get(49).contribution("bad")).isNull();
            assertThat(ds.get(49).contribution("good")).isNotNull();
            assertThat(ds.get(ds.size() - 1).contribution("good")).isNotNull();
        }
    }
}
