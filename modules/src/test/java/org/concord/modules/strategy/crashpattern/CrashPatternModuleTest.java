package org.concord.modules.strategy.crashpattern;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CrashPatternModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final double[] DROP = {10, 10.2, 10.1, 10, 9, 8, 7, 6, 5.5, 5};
    @TempDir
    Path dir;

    private Path library(double[]... patterns) throws Exception {
        Path p = dir.resolve("patterns");
        Files.createDirectories(p);
        for (int k = 0; k < patterns.length; k++) {
            StringBuilder sb = new StringBuilder("{\"schema\":1,\"name\":\"" + (k == 0 ? "drop" : "p" + k) + "\",\"values\":[");
            for (int i = 0; i < patterns[k].length; i++) {
                sb.append(i > 0 ? "," : "").append(patterns[k][i]);
            }
            Files.writeString(p.resolve("p" + k + ".json"), sb.append("]}").toString());
        }
        return p;
    }

    /** 20 rising bars, then the drop pattern scaled by 2 and moved to 50 (the same shape). */
    private static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 32);
        for (int i = 0; i < 30; i++) {
            double c = i < 20 ? 100 + i : 2 * DROP[i - 20] + 50;
            b.append(i * 60_000L, c, c + 0.5, c - 0.5, c, 1);
        }
        return b;
    }

    @Test
    void scoresTheRecentPathAgainstTheLibraryAndForcesEveryLevel() throws Exception {
        Path lib = library(DROP);
        ModuleFixture f = new ModuleFixture();
        CrashPatternModule m = f.init(new CrashPatternModule(), "directory: " + lib + "\namber: 1\nred: 99.9", S);
        assertThat(m.library().patterns()).hasSize(1);
        BarSeries b = series();
        Pattern drop = m.library().patterns().get(0);
        Dtw dtw = new Dtw(10);
        Set<String> levels = new java.util.HashSet<>();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            Prediction p = m.predictions(S).get(0);
            if (i < 9) {
                assertThat(p.action()).isEqualTo(Action.HOLD);
                assertThat(p.rationale()).isEqualTo("GREEN: " + (i + 1) + " bars, the shortest pattern needs 10");
                assertThat(m.features(S)).containsOnly(0.0);
                continue;
            }
            double[] w = new double[10];
            for (int k = 0; k < 10; k++) {
                w[k] = b.close(i - 9 + k);
            }
            double[] z = new double[10];
            Dtw.normalize(w, 10, z);
            double d = dtw.distance(z, 10, drop.values(), 10, 1);
            double score = 100 * Math.exp(-d / 0.3);
            String level = score >= 99.9 ? "RED" : score >= 1 ? "AMBER" : "GREEN";
            levels.add(level);
            actions.add(p.action());
            assertThat(p.action()).isEqualTo(level.equals("RED") ? Action.SELL : Action.HOLD);
            assertThat(p.confidence()).isCloseTo(score / 100, within(1e-12));
            assertThat(p.rationale()).startsWith(level + ": score ").contains("vs 'drop' (DTW ", "over 10 bars; 1 of 1 patterns)");
            assertThat(m.features(S)).containsExactly(new double[] {1, score / 100, level.equals("RED") ? 2 : level.equals("AMBER") ? 1 : 0, 1}, within(1e-12));
        }
        assertThat(levels).containsExactlyInAnyOrder("GREEN", "AMBER", "RED");
        assertThat(actions).containsExactlyInAnyOrder(Action.SELL, Action.HOLD);
        // the last window is the pattern itself, scaled and shifted: distance 0, score 100
        assertThat(m.predictions(S).get(0).rationale()).isEqualTo("RED: score 100 vs 'drop' (DTW 0.000 over 10 bars; 1 of 1 patterns)");
    }

    @Test
    void theBestOfSeveralPatternsWinsAndReloadPicksUpNewFiles() throws Exception {
        double[] rise = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Path lib = library(rise);
        ModuleFixture f = new ModuleFixture();
        CrashPatternModule m = f.init(new CrashPatternModule(), "directory: " + lib, S);
        BarSeries b = series();
        for (int i = 0; i < 20; i++) {
            f.bar(m, b, i);
        }
        // a straight rise is the shape of the first 20 bars: RED against the "drop"-named rise pattern
        assertThat(m.predictions(S).get(0).rationale()).startsWith("RED: score 100 vs 'drop'");
        Files.writeString(lib.resolve("z-bad.json"), "{\"schema\":1,\"values\":[1,2]}");
        Files.writeString(lib.resolve("z-drop.json"), "{\"schema\":1,\"name\":\"real drop\",\"values\":[10,10.2,10.1,10,9,8,7,6,5.5,5]}");
        assertThat(m.command("reload", Map.of())).startsWith("reloading patterns from ");
        assertThat(m.reload().get(30, TimeUnit.SECONDS).patterns()).hasSize(2);
        assertThat(m.command("status", Map.of())).startsWith("2 patterns in ").contains("skipped: patterns/z-bad.json: 2 values");
        for (int i = 20; i < 30; i++) {
            f.bar(m, b, i);
        }
        assertThat(m.predictions(S).get(0).rationale()).isEqualTo("RED: score 100 vs 'real drop' (DTW 0.000 over 10 bars; 2 of 2 patterns)");
        assertThat(m.features(S)[3]).isEqualTo(2);
        assertThat(m.directory()).isEqualTo(lib);
        m.close();
    }

    @Test
    void anEmptyLibraryIsGreenAndSettingsAreChecked() throws Exception {
        ModuleFixture f = new ModuleFixture();
        Path empty = dir.resolve("nothing");
        CrashPatternModule m = f.init(new CrashPatternModule(), "directory: " + empty + "\nseed: false", S);
        f.bar(m, series(), 0);
        Prediction p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        assertThat(p.rationale()).isEqualTo("GREEN: no patterns in " + empty);
        assertThat(m.featureNames()).containsExactly("ready", "score", "level", "patterns");
        assertThat(m.warmupBars()).isEqualTo(1000);
        assertThat(CrashPatternModule.score(0.3, 0.3)).isCloseTo(100 / Math.E, within(1e-12));
        assertThatThrownBy(() -> f.init(new CrashPatternModule(), "amber: 90\nred: 80", S)).hasMessageContaining("must not be above red");
        assertThatThrownBy(() -> f.init(new CrashPatternModule(), "distanceScale: 0", S)).hasMessageContaining("distanceScale");
        assertThatThrownBy(() -> f.init(new CrashPatternModule(), "minLength: 20\nmaxLength: 10", S)).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> m.command("explode", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void causalOnRealBars() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        PatternLibrary lib = PatternLibrary.inDataDir(dir);
        lib.saveWindow("eth-a", eth.copyRange(50, 110));
        lib.saveWindow("eth-b", eth.copyRange(200, 230));
        ModuleFixture.assertCausal(CrashPatternModule::new, "timeframe: 5m\ndirectory: " + lib.directory(), eth, 300);
    }

    /**
     * The pruned search (LB_Keogh order, skipped patterns) finds exactly what a plain scan of every pattern finds:
     * on the real ETH bars against twelve windows of them (three lengths), the best distance of each bar is
     * recomputed by brute force (over the patterns known at the bar's close) and the module's score must equal it.
     */
    @Test
    void prunedSearchEqualsABruteForceScanOnRealBars() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        PatternLibrary lib = PatternLibrary.inDataDir(dir);
        int[] starts = {20, 60, 100, 140, 180, 220, 260, 300, 340, 380, 420, 460};
        int[] lengths = {24, 36, 48};
        for (int k = 0; k < starts.length; k++) {
            int len = lengths[k % lengths.length];
            lib.saveWindow("w" + k, eth.copyRange(starts[k], starts[k] + len));
        }
        ModuleFixture f = new ModuleFixture();
        CrashPatternModule m = f.init(new CrashPatternModule(), "timeframe: 5m\ndirectory: " + lib.directory(), eth.symbol());
        List<Pattern> patterns = m.library().patterns();
        assertThat(patterns).hasSize(starts.length);
        Dtw dtw = new Dtw(64);
        double[] window = new double[64];
        double[] z = new double[64];
        int checked = 0;
        for (int i = 0; i < eth.size(); i++) {
            f.bar(m, eth, i);
            double best = Double.POSITIVE_INFINITY;
            for (Pattern p : patterns) {
                int len = p.length();
                if (len > i + 1 || !p.knownAt(eth.timeframe().closeTime(eth.time(i)))) {
                    continue; // a window saved from these bars is known once it is over
                }
                for (int j = 0; j < len; j++) {
                    window[j] = eth.close(i - len + 1 + j);
                }
                Dtw.normalize(window, len, z);
                best = Math.min(best, dtw.distance(z, len, p.values(), len, Dtw.band(len, 0.1)));
            }
            if (Double.isFinite(best)) {
                assertThat(m.features(eth.symbol())[1]).as("score at bar %d", i).isEqualTo(CrashPatternModule.score(best, 0.3) / 100);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
        m.close();
    }
}
