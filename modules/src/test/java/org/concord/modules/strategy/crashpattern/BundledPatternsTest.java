package org.concord.modules.strategy.crashpattern;

import org.concord.backtest.BacktestData;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.modules.TestBudgets;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash-pattern library a new data directory starts with, and why it cannot be lookahead. */
class BundledPatternsTest {
    @TempDir
    Path dir;

    private CrashPatternModule module(ModuleFixture f, String more) throws Exception {
        return f.init(new CrashPatternModule(), "timeframe: 15m\ndirectory: " + dir.resolve("patterns") + "\n" + more, BundledData.BTCUSD);
    }

    @Test
    void aNewLibraryStartsWithTheCrashesOfTheBundledDataEachKnownFromItsEnd() throws Exception {
        CrashPatternModule m = module(new ModuleFixture(), "");
        List<Pattern> lib = m.library().patterns();
        assertThat(lib).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lib).extracting(Pattern::name).anyMatch(n -> n.startsWith("BTCUSD 15m crash 2013-11-25"))
                .anyMatch(n -> n.startsWith("ETHUSD 5m crash 2023-03"));
        assertThat(lib).allMatch(p -> p.length() == BundledPatterns.LENGTH && p.knownFrom() != Pattern.ALWAYS);
        assertThat(m.library().problems()).isEmpty();
    }

    @Test
    void withoutSeedingOrInAnExistingDirectoryTheLibraryIsWhatTheUserLeftThere() throws Exception {
        assertThat(module(new ModuleFixture(), "seed: false").library().patterns()).isEmpty();
        Files.createDirectories(dir.resolve("patterns")); // the user emptied it: it stays empty
        assertThat(module(new ModuleFixture(), "").library().patterns()).isEmpty();
    }

    /**
     * On the bundled tape, at the very bar where a crash's own pattern ends (its window matches exactly), the
     * detector must not see it: the crash was not over yet. Played again after it is known, the same path is RED.
     */
    @Test
    void aCrashIsMatchedOnlyOnceItIsOverAndThenItsPathIsRed() throws Exception {
        ModuleFixture f = new ModuleFixture();
        CrashPatternModule m = module(f, "");
        List<Pattern> btc = m.library().patterns().stream().filter(p -> p.name().startsWith("BTCUSD")).toList();
        Pattern first = btc.get(0);
        BarSeries s = BacktestData.bars(BundledData.bitstampTrades(), Timeframe.M15);
        int end = -1; // the bar whose close ends the first pattern's window
        int ends = 0;
        for (int i = 0; i < s.size(); i++) {
            f.bar(m, s, i);
            Prediction p = m.predictions(BundledData.BTCUSD).get(0);
            for (Pattern own : btc) {
                if (sameShape(s, i, own)) { // every crash at the end of its own window, the quick ones included
                    ends++;
                    end = own == first ? i : end;
                    assertThat(p.rationale()).as("its own crash, before it was over").doesNotContain(own.name());
                    assertThat(p.action()).isEqualTo(Action.HOLD);
                }
            }
        }
        assertThat(ends).as("every BTC pattern's window is on the tape").isEqualTo(btc.size());
        long t = s.timeframe().closeTime(s.lastTime());
        for (int k = end - BundledPatterns.LENGTH + 1; k <= end; k++) { // the same path again, after the crash is known
            t += s.timeframe().millis();
            double c = s.close(k);
            m.onBarClose(BundledData.BTCUSD, Timeframe.M15, t - s.timeframe().millis(), c, c, c, c, 1);
        }
        Prediction again = m.predictions(BundledData.BTCUSD).get(0);
        assertThat(again.action()).isEqualTo(Action.SELL);
        assertThat(again.rationale()).startsWith("RED").contains(first.name());
    }

    /**
     * In the orchestrator, on the bundled tape's 15-minute bars: the seeded library is what the detector's score (a
     * state-vector input of the learned fusion, shown in the signal panel) is made of. Measured: the path into the
     * fall of 30 Nov 2013 comes within AMBER of the 27 Nov crash (score ≈ 66); no path reaches RED, so on this
     * data the detector warns but never sells.
     */
    @Test
    void inTheOrchestratorTheLibraryIsWhatTheDetectorsScoreIsMadeOf() throws Exception {
        double[] seeded = scores(dir.resolve("seeded"), true);
        double[] empty = scores(dir.resolve("empty"), false);
        assertThat(empty).containsOnly(0.0);
        assertThat(Arrays.stream(seeded).max().orElseThrow()).isGreaterThanOrEqualTo(0.6);
    }

    private static double[] scores(Path library, boolean seed) throws Exception {
        String yaml = String.join("\n", "orchestrator:", "  symbols: [BTCUSD]", "  decisionTimeframe: 15m", "  threading: synchronous",
                "  feed: { trades: false, books: false }", "  modules:",
                "    - { id: crash-pattern, settings: { directory: " + library + ", seed: " + seed + " } }", "");
        OrchestratorConfig cfg = ConfigFiles.parse(yaml, "test.yaml").withFaults(TestBudgets.RELAXED);
        BarSeries s = BacktestData.bars(BundledData.bitstampTrades(), Timeframe.M15);
        double[] out = new double[s.size()];
        try (TradingOrchestrator orch = TradingOrchestrator.builder(cfg).build()) {
            orch.start();
            for (int i = 0; i < s.size(); i++) {
                orch.onBarClose(s.symbol(), Timeframe.M15, s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
                out[i] = orch.lastState(s.symbol()).get("crash-pattern.score");
            }
        }
        return out;
    }

    private static boolean sameShape(BarSeries s, int end, Pattern p) {
        int m = p.length();
        if (end + 1 < m) {
            return false;
        }
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            w[k] = s.close(end - m + 1 + k);
        }
        double[] z = new double[m];
        Dtw.normalize(w, m, z);
        double[] v = p.values();
        for (int k = 0; k < m; k++) {
            if (Math.abs(z[k] - v[k]) > 1e-9) {
                return false;
            }
        }
        return true;
    }
}
