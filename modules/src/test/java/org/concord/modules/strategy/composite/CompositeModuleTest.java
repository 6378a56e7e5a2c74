package org.concord.modules.strategy.composite;

import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.modules.ModuleFixture;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.supertrend.SupertrendModule;
import org.concord.modules.strategy.trend.TrendModule;
import org.concord.modules.strategy.turtle.TurtleModule;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CompositeModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String SUPERTREND = "atrPeriod: 3\nmultiplier: 1.5";
    private static final String TURTLE = "entryPeriod: 5\nexitPeriod: 3\natrPeriod: 3\nmomentumBars: 3\nminMomentumAtr: 0.5";
    private static final String TREND = "fast: 3\nslow: 8\nmacdFast: 2\nmacdSlow: 5\nmacdSignal: 2\natrPeriod: 3\nslopeBars: 2";
    private static final String THREE = "members: [supertrend, turtle, trend]\nmemberSettings:\n"
            + "  supertrend: { atrPeriod: 3, multiplier: 1.5 }\n"
            + "  turtle: { entryPeriod: 5, exitPeriod: 3, atrPeriod: 3, momentumBars: 3, minMomentumAtr: 0.5 }\n"
            + "  trend: { fast: 3, slow: 8, macdFast: 2, macdSlow: 5, macdSignal: 2, atrPeriod: 3, slopeBars: 2 }\n";
    @TempDir
    Path dir;

    private static Action[] a(Action... x) {
        return x;
    }

    @Test
    void tallyHandWorked() {
        double[] ones = {1, 1, 1, 1};
        boolean[] all = {true, true, true, true};
        // (0.8 + 0.6 − 0.5 + 0)/4 = 0.225 ≥ 0.2 with 2 buys > 1 sell: BUY, agreement 2/4, confidence 0.225 × 0.5
        CompositeModule.Tally t = CompositeModule.tally(a(Action.BUY, Action.BUY, Action.SELL, Action.HOLD),
                new double[] {0.8, 0.6, 0.5, 0}, all, ones, 4, 0.2);
        assertThat(t.action()).isEqualTo(Action.BUY);
        assertThat(t.blend()).isCloseTo(0.225, within(1e-12));
        assertThat(t.agreement()).isEqualTo(0.5);
        assertThat(t.confidence()).isCloseTo(0.1125, within(1e-12));
        assertThat(new int[] {t.ready(), t.buys(), t.sells(), t.holds()}).containsExactly(4, 2, 1, 1);
        // the seller weighted 2: (0.8 + 0.6 − 1.0)/5 = 0.08 < 0.2: HOLD, confidence 0
        t = CompositeModule.tally(a(Action.BUY, Action.BUY, Action.SELL, Action.HOLD), new double[] {0.8, 0.6, 0.5, 0}, all,
                new double[] {1, 1, 2, 1}, 4, 0.2);
        assertThat(t.action()).isEqualTo(Action.HOLD);
        assertThat(t.blend()).isCloseTo(0.08, within(1e-12));
        assertThat(t.confidence()).isZero();
        // a member that is not ready is left out: (−0.9 − 0.5 + 0.2)/3 = −0.4, 2 of 3 sell
        t = CompositeModule.tally(a(Action.SELL, Action.SELL, Action.BUY, Action.BUY), new double[] {0.9, 0.5, 0.2, 1.0},
                new boolean[] {true, true, true, false}, ones, 4, 0.2);
        assertThat(t.action()).isEqualTo(Action.SELL);
        assertThat(t.blend()).isCloseTo(-0.4, within(1e-12));
        assertThat(t.agreement()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(t.confidence()).isCloseTo(0.4 * 2 / 3.0, within(1e-12));
        // a strong blend without a majority: 1 buy, 1 sell → HOLD
        t = CompositeModule.tally(a(Action.BUY, Action.SELL), new double[] {1.0, 0.1}, new boolean[] {true, true}, ones, 2, 0.2);
        assertThat(t.action()).isEqualTo(Action.HOLD);
        assertThat(t.blend()).isCloseTo(0.45, within(1e-12));
        t = CompositeModule.tally(a(Action.BUY), new double[] {1}, new boolean[] {false}, ones, 1, 0.2);
        assertThat(t.action()).isEqualTo(Action.HOLD);
        assertThat(t.ready()).isZero();
        assertThat(t.agreement()).isZero();
    }

    /** Flat, a rally, a fall. */
    static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 128);
        double c = 100;
        for (int i = 0; i < 90; i++) {
            c += i < 30 ? (i % 2 == 0 ? 0.3 : -0.3) : i < 60 ? 1.0 : -1.2;
            b.append(i * 60_000L, c, c + 0.4, c - 0.4, c, 1);
        }
        return b;
    }

    @Test
    void blendsItsMembersAndForcesBuySellHold() throws Exception {
        ModuleFixture f = new ModuleFixture();
        CompositeModule m = f.init(new CompositeModule(), THREE, S);
        assertThat(m.members()).extracting(x -> x.id()).containsExactly("supertrend", "turtle", "trend");
        // the same members, run on their own: the composite must make of them what the rule says
        List<StrategyModule> own = List.of(f.init(new SupertrendModule(), SUPERTREND, S), f.init(new TurtleModule(), TURTLE, S),
                f.init(new TrendModule(), TREND, S));
        BarSeries b = series();
        Set<Action> seen = EnumSet.noneOf(Action.class);
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            for (StrategyModule x : own) {
                x.onBarClose(S, Timeframe.M1, b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
            }
            Action[] acts = new Action[3];
            double[] conf = new double[3];
            boolean[] ready = new boolean[3];
            for (int k = 0; k < 3; k++) {
                Prediction p = own.get(k).predictions(S).get(0);
                acts[k] = p.action();
                conf[k] = p.confidence();
                ready[k] = own.get(k).ready(S);
            }
            CompositeModule.Tally t = CompositeModule.tally(acts, conf, ready, new double[] {1, 1, 1}, 3, 0.2);
            Prediction p = m.predictions(S).get(0);
            assertThat(p.action()).as("bar " + i + ": " + p.rationale()).isEqualTo(t.action());
            assertThat(p.confidence()).isCloseTo(t.confidence(), within(1e-12));
            double[] x = m.features(S);
            assertThat(x).containsExactly(new double[] {t.ready() > 0 ? 1 : 0, t.blend(), t.agreement(), t.buys(), t.sells(), t.holds(), 1,
                    t.action().sign()}, within(1e-12));
            if (t.ready() == 0) {
                assertThat(p.rationale()).startsWith("HOLD: no member ready: supertrend not ready; turtle not ready; trend not ready");
            }
            seen.add(p.action());
        }
        assertThat(seen).containsExactlyInAnyOrder(Action.BUY, Action.SELL, Action.HOLD);
        // the fall: every member sells
        Prediction last = m.predictions(S).get(0);
        assertThat(last.action()).isEqualTo(Action.SELL);
        assertThat(last.rationale()).matches("SELL 3/3 agree, blend -[0-9.]+ \\(0 buy, 3 sell, 0 hold\\): supertrend SELL [0-9.]+ \\[close .*\\]; "
                + "turtle SELL [0-9.]+ \\[short since .*\\]; trend SELL [0-9.]+ \\[EMA3 .*\\]");
        assertThat(m.timeframes()).containsExactly(Timeframe.M1);
        assertThat(m.warmupBars()).isEqualTo(100);
        m.reset();
        assertThat(m.predictions(S).get(0).rationale()).startsWith("HOLD: no member ready");
    }

    @Test
    void theMacroGateBlocksOrAllows() throws Exception {
        ModuleFixture f = new ModuleFixture();
        String gate = "members: [supertrend, macro-gate]\nmemberSettings:\n  supertrend: { atrPeriod: 3, multiplier: 1.5 }\n"
                + "  macro-gate: { missing: MODE, series: [ { symbol: VIX, allowWhen: below, level: 20 } ] }\n";
        CompositeModule blocked = f.init(new CompositeModule(), gate.replace("MODE", "block"), S);
        CompositeModule allowed = f.init(new CompositeModule(), gate.replace("MODE", "allow"), S);
        BarSeries b = series();
        for (int i = 0; i < 50; i++) {
            f.bar(blocked, b, i);
            allowed.onBarClose(S, Timeframe.M1, b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
        }
        Prediction p = blocked.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        assertThat(p.rationale()).startsWith("BLOCKED by macro gate (BLOCK: VIX no data (missing data blocks)); would be BUY. HOLD 1/1 agree");
        assertThat(blocked.features(S)[6]).isZero();
        p = allowed.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.rationale()).endsWith("; macro gate ALLOW: VIX no data (missing data allows)");
        assertThat(allowed.features(S)[6]).isEqualTo(1);
    }

    @Test
    void settingsAndCommands() throws Exception {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: [supertrend, nope]", S)).hasMessageContaining("unknown member 'nope'");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: [trend, trend]", S)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: []", S)).hasMessageContaining("at least one member");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: [trend]\nweights: { turtle: 2 }", S))
                .hasMessageContaining("composite.weights: unknown setting [turtle]");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: [trend]\nmemberSettings: { trend: { fast: 0 } }", S))
                .hasMessageContaining("fast");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "threshold: 0", S)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> f.init(new CompositeModule(), "members: [trend]", S).command("reload", Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        CompositeModule all = f.init(new CompositeModule(), "memberSettings:\n  crash-pattern: { directory: " + dir + " }", S);
        assertThat(all.members()).extracting(x -> x.id()).containsExactlyElementsOf(CompositeModule.knownMembers());
        assertThat(all.warmupBars()).isEqualTo(1000);
        assertThat(all.command("reload", Map.of())).isEqualTo("crash-pattern: reloading patterns from " + dir + "; macro-gate: reloading 0 series");
        all.close();
    }

    @Test
    void causalOnRealBarsWithEveryMember() throws Exception {
        BarSeries btc = RealBars.bitstamp(Timeframe.M1);
        org.concord.modules.strategy.crashpattern.PatternLibrary.inDataDir(dir).saveWindow("real", btc.copyRange(1000, 1060));
        ModuleFixture.assertCausal(CompositeModule::new, "memberSettings:\n  crash-pattern: { directory: " + dir.resolve("patterns") + " }",
                btc.copyRange(0, 3000), 2000);
    }

    @Test
    void theShippedPresetsGiveTheCrashPatternMemberTheModulesOwnTimeframe() throws Exception {
        for (String preset : List.of("full", "research")) {
            OrchestratorConfig c = ConfigFiles.preset(preset);
            Timeframe own = Timeframe.ofCode(c.module("crash-pattern").orElseThrow().settings().path("timeframe").asText());
            ObjectNode settings = c.module("composite").orElseThrow().settings().deepCopy();
            ((ObjectNode) settings.path("memberSettings").path("crash-pattern")).put("directory", dir.toString());
            CompositeModule m = new ModuleFixture().init(new CompositeModule(), settings.toString(), S); // JSON is YAML
            assertThat(m.members()).filteredOn(x -> x.id().equals("crash-pattern")).singleElement()
                    .satisfies(x -> assertThat(((StrategyModule) x).timeframe()).as(preset).isEqualTo(own).isNotEqualTo(Timeframe.M1));
            m.close();
        }
    }
}
