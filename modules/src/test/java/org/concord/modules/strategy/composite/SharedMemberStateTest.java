package org.concord.modules.strategy.composite;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.modules.TestBudgets;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.modules.strategy.supertrend.SupertrendModule;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.orchestrator.module.SharedModuleState;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A composite and the strategy modules beside it compute each bar once: instances of one strategy with equal
 * settings in one orchestrator hold one state per symbol ({@link SharedModuleState}), and what every module shows is
 * what it showed when each computed its own.
 */
class SharedMemberStateTest {
    private static final String SUPERTREND = "atrPeriod: 7\nmultiplier: 2.5";
    private static final String COMPOSITE = "members: [supertrend, trend]\nmemberSettings:\n  supertrend: { atrPeriod: 7, multiplier: 2.5 }\n";

    @Test
    void theOrchestratorGivesTheCompositeAndTheModuleBesideItOneState() throws Exception {
        String yaml = """
                orchestrator:
                  symbols: [BTCUSD]
                  decisionTimeframe: 1m
                  threading: synchronous
                  feed: { trades: false, books: false }
                  modules:
                    - { id: supertrend, settings: { atrPeriod: 7, multiplier: 2.5 } }
                    - { id: composite, weight: 0.0, settings: { members: [supertrend, trend], memberSettings: { supertrend: { atrPeriod: 7, multiplier: 2.5 } } } }
                """;
        OrchestratorConfig cfg = ConfigFiles.parse(yaml, "test.yaml").withFaults(TestBudgets.RELAXED);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 600);
        Symbol btc = m1.symbol();
        SupertrendModule[] sibling = new SupertrendModule[1];
        CompositeModule[] composite = new CompositeModule[1];
        try (TradingOrchestrator orch = TradingOrchestrator.builder(cfg)
                .module("supertrend", () -> sibling[0] = new SupertrendModule())
                .module("composite", () -> composite[0] = new CompositeModule()).build()) {
            orch.start();
            for (int i = 0; i < m1.size(); i++) {
                orch.onBarClose(btc, Timeframe.M1, m1.time(i), m1.open(i), m1.high(i), m1.low(i), m1.close(i), m1.volume(i));
            }
            assertThat(orch.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
            StrategyState own = sibling[0].state(btc);
            assertThat(member(composite[0], "supertrend").state(btc)).isSameAs(own);
            assertThat(own.bars()).as("each bar applied once").isEqualTo(m1.size());
            assertThat(member(composite[0], "trend").state(btc).bars()).as("a member with no module beside it").isEqualTo(m1.size());
        }
    }

    @Test
    void sharingChangesNoModulesView() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1).copyRange(0, 2500);
        Symbol s = bars.symbol();
        ModuleFixture alone = new ModuleFixture();
        OrchestratorModule soloSibling = alone.init(new SupertrendModule(), SUPERTREND, s);
        OrchestratorModule soloComposite = alone.init(new CompositeModule(), COMPOSITE, s);
        ModuleFixture together = new ModuleFixture();
        Map<Class<?>, Object> services = Map.of(SharedModuleState.class, new SharedModuleState());
        SupertrendModule sibling = new SupertrendModule();
        sibling.initialize(together.context(SUPERTREND, List.of(s), services));
        CompositeModule composite = new CompositeModule();
        composite.initialize(together.context(COMPOSITE, List.of(s), services));
        assertThat(member(composite, "supertrend").state(s)).isSameAs(sibling.state(s));
        for (int i = 0; i < bars.size(); i++) {
            alone.bar(soloSibling, bars, i);
            alone.bar(soloComposite, bars, i);
            together.bar(sibling, bars, i);
            together.bar(composite, bars, i);
            assertThat(view(sibling, s)).as("bar %d", i).isEqualTo(view(soloSibling, s));
            assertThat(view(composite, s)).as("bar %d", i).isEqualTo(view(soloComposite, s));
        }
        assertThat(sibling.state(s).bars()).isEqualTo(bars.size());
    }

    @Test
    void aResetStartsTheSharedStateAgainForEveryInstance() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1).copyRange(0, 300);
        Symbol s = bars.symbol();
        ModuleFixture f = new ModuleFixture();
        Map<Class<?>, Object> services = Map.of(SharedModuleState.class, new SharedModuleState());
        SupertrendModule sibling = new SupertrendModule();
        sibling.initialize(f.context(SUPERTREND, List.of(s), services));
        CompositeModule composite = new CompositeModule();
        composite.initialize(f.context(COMPOSITE, List.of(s), services));
        for (int i = 0; i < 200; i++) {
            f.bar(sibling, bars, i);
            f.bar(composite, bars, i);
        }
        sibling.reset(); // switched back on: the orchestrator then warms it up from its recent bars
        assertThat(member(composite, "supertrend").state(s).bars()).isZero();
        for (int i = 150; i < 300; i++) {
            f.bar(sibling, bars, i);
            if (i >= 200) {
                f.bar(composite, bars, i);
            }
        }
        assertThat(member(composite, "supertrend").state(s)).isSameAs(sibling.state(s));
        assertThat(sibling.state(s).bars()).isEqualTo(150);
    }

    private static StrategyModule member(CompositeModule c, String id) {
        return (StrategyModule) c.members().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static String view(OrchestratorModule m, Symbol s) {
        var p = m.predictions(s).get(0);
        return Arrays.toString(m.features(s)) + " " + p.action() + " " + p.confidence() + " " + p.rationale();
    }
}
