package org.concord.modules.strategy;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.TestBudgets;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleState;
import org.concord.testkit.RealBars;
import org.concord.model.BarSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twelve modules of this area found by the orchestrator's ServiceLoader catalog and configured from YAML: their
 * settings reach them, a bad setting puts only that module in ERROR with the reason, and decisions carry their votes.
 */
class StrategyModulesLoadTest {
    static final List<String> IDS = List.of("market-analysis", "multi-timeframe", "supertrend", "alphatrend", "ichimoku",
            "qqe-ssl-wae", "turtle", "mean-reversion", "trend", "composite", "macro-gate", "crash-pattern");

    @Test
    void theCatalogListsEveryModuleWithoutInstantiatingIt() {
        Map<String, ModuleCatalog.Entry> all = ModuleCatalog.fromClasspath().entries();
        assertThat(all.keySet()).containsAll(IDS);
        for (String id : IDS) {
            assertThat(all.get(id).description()).as(id).isNotBlank();
            assertThat(all.get(id).factory().get().id()).isEqualTo(id);
        }
    }

    @Test
    void yamlSettingsReachTheModulesAndDecisionsCarryTheirVotes() throws Exception {
        String yaml = """
                orchestrator:
                  symbols: [BTCUSD]
                  decisionTimeframe: 1m
                  threading: synchronous
                  feed: { trades: false, books: false }
                  modules:
                    - { id: market-analysis, settings: { percentileWindow: 100, minHistory: 20 } }
                    - { id: multi-timeframe, settings: { timeframes: [1m, 5m], emaPeriod: 10 } }
                    - { id: supertrend, settings: { atrPeriod: 7, multiplier: 2.5, warmupBars: 50 } }
                    - { id: alphatrend, settings: { period: 10, momentum: rsi } }
                    - { id: ichimoku }
                    - { id: qqe-ssl-wae, settings: { sslPeriod: 8 } }
                    - { id: turtle, settings: { entryPeriod: 30 } }
                    - { id: mean-reversion, settings: { adxMax: 30 } }
                    - { id: trend, settings: { fast: 20, slow: 60 } }
                    - { id: composite, weight: 0.5, settings: { members: [supertrend, trend, macro-gate], threshold: 0.1 } }
                    - { id: macro-gate, weight: 0.0 }
                    - { id: crash-pattern, settings: { directory: /nonexistent/patterns, seed: false } }
                """;
        OrchestratorConfig cfg = ConfigFiles.parse(yaml, "test.yaml").withFaults(TestBudgets.RELAXED);
        assertThat(cfg.module("supertrend").orElseThrow().settings().get("atrPeriod").asInt()).isEqualTo(7);
        List<Decision> decisions = new ArrayList<>();
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 1500);
        Symbol btc = m1.symbol();
        try (TradingOrchestrator orch = TradingOrchestrator.builder(cfg).build()) {
            orch.onDecision(decisions::add);
            orch.start();
            for (int i = 0; i < m1.size(); i++) {
                orch.onBarClose(btc, Timeframe.M1, m1.time(i), m1.open(i), m1.high(i), m1.low(i), m1.close(i), m1.volume(i));
            }
            assertThat(orch.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
            for (String id : IDS) {
                ModuleStatus st = orch.module(id).orElseThrow();
                assertThat(st.state()).as(id + ": " + st.reason()).isEqualTo(ModuleState.RUNNING);
            }
            assertThat(orch.module("composite").orElseThrow().weight()).isEqualTo(0.5);
            assertThat(orch.lastState(btc).names()).contains("market-analysis.vol.percentile", "multi-timeframe.5m.score",
                    "supertrend.direction", "composite.blend", "macro-gate.allow", "crash-pattern.score");
            assertThat(orch.lastState(btc).get("macro-gate.allow")).isEqualTo(1.0);
            assertThat(orch.command("crash-pattern", "status", Map.of()).get(10, TimeUnit.SECONDS))
                    .isEqualTo("0 patterns in /nonexistent/patterns");
            assertThat(orch.command("macro-gate", "status", Map.of()).get(10, TimeUnit.SECONDS))
                    .isEqualTo("ALLOW: no data (no macro series configured)");
        }
        assertThat(decisions).hasSize(m1.size());
        Decision last = decisions.get(decisions.size() - 1);
        for (String id : List.of("supertrend", "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle", "mean-reversion", "trend",
                "composite", "multi-timeframe", "crash-pattern")) {
            assertThat(last.contribution(id)).as(id).isNotNull();
        }
        assertThat(last.contribution("macro-gate")).as("weight 0: no vote").isNull();
        assertThat(last.contribution("market-analysis")).as("no prediction").isNull();
        assertThat(decisions.stream().map(d -> d.contribution("supertrend").action()).distinct()).contains(Action.BUY, Action.SELL);
    }

    @Test
    void aBadSettingPutsOnlyThatModuleInError() throws Exception {
        String yaml = """
                orchestrator:
                  symbols: [BTCUSD]
                  threading: synchronous
                  modules:
                    - { id: supertrend, settings: { atrPeriood: 7 } }
                    - { id: trend, settings: { fast: 300, slow: 200 } }
                    - { id: turtle }
                """;
        try (TradingOrchestrator orch = TradingOrchestrator.builder(ConfigFiles.parse(yaml, "bad.yaml")).build()) {
            orch.start();
            assertThat(orch.module("supertrend").orElseThrow().state()).isEqualTo(ModuleState.ERROR);
            assertThat(orch.module("supertrend").orElseThrow().reason()).contains("unknown setting [atrPeriood]");
            assertThat(orch.module("trend").orElseThrow().reason()).contains("fast EMA period 300 must be below slow 200");
            assertThat(orch.module("turtle").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
        }
    }
}
