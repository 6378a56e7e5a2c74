package org.concord.modules;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.extrema.ExtremaModule;
import org.concord.modules.microstructure.MicrostructureModule;
import org.concord.modules.pivots.PivotsModule;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis modules' bar closes and features allocate less than an object per bar on the real 1m bars: what is left
 * are the values of the extrema and swings they confirm (an {@code Extremum}, a {@code SwingPoint}: 2 and 7 B a bar
 * here). Their per-symbol state was looked up with {@code computeIfAbsent} and a lambda that captures the module, an
 * object per call and two per bar (about 300 KB over these bars, over 30 B a bar).
 */
class AnalysisBarPathAllocationTest {
    @Test
    void barClosesAndFeaturesAllocateLessThanAnObjectPerBar() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        Symbol s = bars.symbol();
        ModuleFixture f = new ModuleFixture();
        for (OrchestratorModule m : List.of(f.init(new PivotsModule(), "", s), f.init(new ExtremaModule(), "", s),
                f.init(new MicrostructureModule(), "", s))) {
            assertThat(BarPath.bytes(m, bars, true)).as(m.id() + ": bytes allocated on the bar path").isLessThan(bars.size() * 16L);
        }
    }
}
