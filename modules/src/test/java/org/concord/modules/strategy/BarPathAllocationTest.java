package org.concord.modules.strategy;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.modules.marketanalysis.MarketAnalysisModule;
import org.concord.modules.multitimeframe.MultiTimeframeModule;
import org.concord.modules.strategy.composite.CompositeModule;
import org.concord.modules.strategy.crashpattern.CrashPatternModule;
import org.concord.modules.strategy.crashpattern.PatternLibrary;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bar closes allocate nothing in this area's modules (their indicators and state update in place), measured with the
 * JVM's per-thread allocation counter over the real 1m bars. Features reuse their array; only predictions (a value
 * with a rationale text, once per decision) allocate.
 */
class BarPathAllocationTest {
    @TempDir
    Path dir;

    @Test
    void barClosesAndFeaturesAllocateNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        PatternLibrary lib = PatternLibrary.inDataDir(dir);
        lib.saveWindow("a", bars.copyRange(100, 160));
        lib.saveWindow("b", bars.copyRange(900, 930));
        String crash = "directory: " + lib.directory();
        ModuleFixture f = new ModuleFixture();
        Symbol s = bars.symbol();
        List<OrchestratorModule> mods = new ArrayList<>();
        for (String id : CompositeModule.knownMembers()) {
            if (!id.equals("crash-pattern") && !id.equals("macro-gate")) {
                OrchestratorModule m = org.concord.orchestrator.module.ModuleCatalog.fromClasspath().find(id).orElseThrow().factory().get();
                mods.add(f.init(m, "", s));
            }
        }
        mods.add(f.init(new CrashPatternModule(), crash, s));
        mods.add(f.init(new MarketAnalysisModule(), "", s));
        mods.add(f.init(new MultiTimeframeModule(), "timeframes: [1m]\nminTimeframes: 1", s));
        mods.add(f.init(new CompositeModule(), "memberSettings:\n  crash-pattern: { " + crash + " }", s));
        for (OrchestratorModule m : mods) {
            List<OrchestratorModule> one = List.of(m);
            feed(one, bars, s); // class loading, JIT, first-use maps
            m.reset();
            feed(one, bars, s); // states are re-created once per symbol after a reset: not part of the per-bar path
            long id = Thread.currentThread().getId();
            long t0 = mx.getThreadAllocatedBytes(id);
            long overhead = mx.getThreadAllocatedBytes(id) - t0;
            long before = mx.getThreadAllocatedBytes(id);
            double sink = feed(one, bars, s);
            long bytes = mx.getThreadAllocatedBytes(id) - before - overhead;
            System.out.println("allocated " + bytes + " bytes for " + bars.size() + " bar closes + features calls of " + m.id() + ", sink " + sink);
            // one object per bar would be >= 16 bytes x 9,399 bars; the JVM's own bookkeeping (JIT) is a few KB
            assertThat(bytes).as(m.id() + ": bytes allocated on the bar path").isLessThan(bars.size() * 16L / 8);
        }
    }

    private static double feed(List<OrchestratorModule> mods, BarSeries b, Symbol s) {
        double sink = 0;
        int n = mods.size();
        for (int i = 0; i < b.size(); i++) {
            for (int k = 0; k < n; k++) { // an index loop: an iterator would be the test's own allocation
                OrchestratorModule m = mods.get(k);
                m.onBarClose(s, Timeframe.M1, b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
                if (!(m instanceof CompositeModule)) {
                    sink += m.features(s)[0];
                }
            }
        }
        return sink;
    }
}
