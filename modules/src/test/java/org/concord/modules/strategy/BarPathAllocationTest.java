package org.concord.modules.strategy;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.BarPath;
import org.concord.modules.ModuleFixture;
import org.concord.modules.marketanalysis.MarketAnalysisModule;
import org.concord.modules.multitimeframe.MultiTimeframeModule;
import org.concord.modules.strategy.composite.CompositeModule;
import org.concord.modules.strategy.crashpattern.CrashPatternModule;
import org.concord.modules.strategy.crashpattern.PatternLibrary;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                OrchestratorModule m = ModuleCatalog.fromClasspath().find(id).orElseThrow().factory().get();
                mods.add(f.init(m, "", s));
            }
        }
        mods.add(f.init(new CrashPatternModule(), crash, s));
        mods.add(f.init(new MarketAnalysisModule(), "", s));
        mods.add(f.init(new MultiTimeframeModule(), "timeframes: [1m]\nminTimeframes: 1", s));
        mods.add(f.init(new CompositeModule(), "memberSettings:\n  crash-pattern: { " + crash + " }", s));
        for (OrchestratorModule m : mods) {
            assertThat(BarPath.bytes(m, bars, !(m instanceof CompositeModule))).as(m.id() + ": bytes allocated on the bar path")
                    .isLessThan(BarPath.noObjectPerBar(bars));
        }
    }
}
