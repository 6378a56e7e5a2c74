package org.concord.orchestrator;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
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
 * budget: its calls overrun only when the decision thread is stopped, and the guard must excuse those (counted as
 * stalls), never strike them. One kind of stop cannot be excused by any process: a hypervisor that takes the vCPU
 * away without a steal clock (Firecracker CI VMs report steal 0) makes the thread's CPU clock jump as if it had
 * worked. {@link HiddenStops} counts the calls such stops pushed over the budget, seen in the guard's own readings and
 * the module's, and the test holds every strike to one of them: without the excuse, every preempted call (hundreds)
 * would be a strike.
 */
class PreemptionExcuseTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final long BUDGET_MICROS = 1_000;
    @TempDir
    Path dir;

    @Test
    void overrunsCausedByPreemptionAreExcusedNotStruck() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(), "no thread CPU clock: overruns are judged by wall time");
        OrchestratorConfig cfg = OrchestratorConfig.of(List.of(BTC), List.of(new ModuleEntry("busy", true, 1, null)))
                .withSynchronous(true)
                .withFaults(new FaultPolicy(BUDGET_MICROS, 10_000, 10_000, 20, 5_000));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = hogs(stop);
        HiddenStops hidden = new HiddenStops(BUDGET_MICROS * 1_000L);
        try (ReplayHarness h = new ReplayHarness(dir, cfg,
                b -> b.catalog(ModuleCatalog.empty().with("busy", "", () -> new CpuBoundModule(hidden))).clocks(hidden.clocks()))) {
            hogs.forEach(Thread::start);
            h.replay();
            ModuleStatus busy = h.orchestrator.modules().stream().filter(m -> m.id().equals("busy")).findFirst().orElseThrow();
            String counts = "calls " + busy.calls() + ", stalls " + busy.stalls() + ", strikes " + busy.strikes()
                    + ", hidden stops " + hidden.count() + "; " + busy.reason();
            assertThat(busy.calls()).as(counts).isGreaterThan(1_000);
            assertThat(busy.stalls()).as("preempted calls seen (else the machine never preempted the decision thread): " + counts)
                    .isGreaterThan(0);
            assertThat(busy.strikes()).as("strikes of a module whose own work is a tenth of its budget, beyond the stops the "
                    + "hypervisor hid from its CPU clock: " + counts).isLessThanOrEqualTo(hidden.count());
            assertThat(busy.state()).as(counts).isEqualTo(ModuleState.RUNNING);
        } finally {
            stop.set(true);
            for (Thread t : hogs) {
                t.join();
            }
        }
    }

    /**
     * Trades are too many to read the CPU clock around each: an overrun of {@code onTrade} marks the module and its
     * next trade is timed on the CPU clock. A cheap trade hook on the oversubscribed machine is never struck beyond
     * the hypervisor's hidden stops; one whose own work is three times the budget goes to ERROR, and the reason
     * says it was its own CPU time.
     */
    @Test
    void tradeOverrunsAreConfirmedOnTheCpuClockBeforeTheyCount() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(), "no thread CPU clock");
        HiddenStops hidden = new HiddenStops(BUDGET_MICROS * 1_000L);
        ModuleStatus cheap = runTrades(20_000, 20_000, 10_000, hidden);
        String counts = "calls " + cheap.calls() + ", stalls " + cheap.stalls() + ", strikes " + cheap.strikes() + ", hidden stops "
                + hidden.count() + "; " + cheap.reason();
        assertThat(cheap.stalls()).as("preempted trade calls excused: " + counts).isGreaterThan(0);
        assertThat(cheap.strikes()).as("strikes of a trade hook that costs a hundredth of its budget: " + counts)
                .isLessThanOrEqualTo(hidden.count());
        assertThat(cheap.state()).as(counts).isEqualTo(ModuleState.RUNNING);

        ModuleStatus slow = runTrades(2_000, 3, 3_000_000, new HiddenStops(BUDGET_MICROS * 1_000L));
        assertThat(slow.state()).as("a trade hook whose own work is 3 ms against a 1 ms budget").isEqualTo(ModuleState.ERROR);
        assertThat(slow.reason()).contains("onTrade over budget").contains("of its own CPU time");
    }

    /** Replays the first {@code trades} bundled trades through a module whose onTrade burns {@code burnNanos} of CPU. */
    private ModuleStatus runTrades(int trades, int maxStrikes, long burnNanos, HiddenStops hidden) throws Exception {
        TradeTape all = BundledData.bitstampTrades();
        int n = Math.min(trades, all.size());
        long[] time = new long[n];
        double[] price = new double[n];
        double[] size = new double[n];
        boolean[] maker = new boolean[n];
        for (int i = 0; i < n; i++) {
            time[i] = all.time(i);
            price[i] = all.price(i);
            size[i] = all.size(i);
            maker[i] = all.buyerMaker(i);
        }
        OrchestratorConfig cfg = OrchestratorConfig.of(List.of(BTC), List.of(new ModuleEntry("trades", true, 1, null)))
                .withSynchronous(true)
                .withFaults(new FaultPolicy(BUDGET_MICROS, maxStrikes, Math.max(maxStrikes, 10_000), 20, 5_000));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = hogs(stop);
        Path run = dir.resolve("trades-" + burnNanos);
        try (ReplayHarness h = new ReplayHarness(run, cfg, b -> b.catalog(ModuleCatalog.empty().with("trades", "", () -> new TradeCostModule(hidden, burnNanos))).clocks(hidden.clocks()),
                new TradeTape(all.symbol(), time, price, size, maker))) {
            hogs.forEach(Thread::start);
            h.replay();
            return h.orchestrator.modules().stream().filter(m -> m.id().equals("trades")).findFirst().orElseThrow();
        } finally {
            stop.set(true);
            for (Thread t : hogs) {
                t.join();
            }
        }
    }

    /** Four spinning threads per core: the decision thread is preempted often. */
    private static List<Thread> hogs(AtomicBoolean stop) {
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
        return hogs;
    }

    /** A module that only listens to trades, each costing {@code burnNanos} of its own CPU time. */
    static final class TradeCostModule implements OrchestratorModule {
        private final HiddenStops hidden;
        private final long burnNanos;

        TradeCostModule(HiddenStops hidden, long burnNanos) {
            this.hidden = hidden;
            this.burnNanos = burnNanos;
        }

        @Override
        public String id() {
            return "trades";
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
            hidden.enter(); // a decision's call, cheap as it is, can be stopped too
            hidden.exit();
        }

        @Override
        public void onTrade(Symbol s, long t, double price, double size, boolean buyerMaker) {
            hidden.burn(burnNanos);
        }

        @Override
        public List<String> featureNames() {
            return List.of();
        }

        @Override
        public double[] features(Symbol symbol) {
            hidden.enter();
            hidden.exit();
            return new double[0];
        }

        @Override
        public List<Prediction> predictions(Symbol symbol) {
            hidden.enter();
            hidden.exit();
            return List.of();
        }

        @Override
        public void reset() {
        }
    }

    /**
     * Burns 100 µs of its own thread's CPU time per decision, however long that takes on the wall clock. Its other
     * calls read the CPU clock on entry and exit too: a hidden stop inside a cheap call also makes the clock jump.
     */
    static final class CpuBoundModule implements OrchestratorModule {
        private final HiddenStops hidden;
        private final double[] out = new double[1];

        CpuBoundModule(HiddenStops hidden) {
            this.hidden = hidden;
        }

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
            hidden.enter();
            out[0] = c;
            hidden.exit();
        }

        @Override
        public List<String> featureNames() {
            return List.of("close");
        }

        @Override
        public double[] features(Symbol symbol) {
            hidden.burn(100_000);
            return out;
        }

        @Override
        public List<Prediction> predictions(Symbol symbol) {
            hidden.enter();
            List<Prediction> p = List.of(new Prediction("busy", symbol, 0, Action.HOLD, 0.5, Timeframe.M1, 1, "busy"));
            hidden.exit();
            return p;
        }

        @Override
        public void reset() {
        }
    }
}
