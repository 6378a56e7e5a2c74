package org.concord.modules.strategy.macrogate;

import org.concord.data.DataProvider;
import org.concord.quality.InputIssue;
import org.concord.engine.ConcordRuntime;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacroGateModuleTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final String RULES = "series:\n"
            + "  - { symbol: DXY, csv: dxy.csv, allowWhen: belowMa, period: 3 }\n"
            + "  - { symbol: VIX, csv: vix.csv, allowWhen: below, level: 20 }\n";
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(Long.MIN_VALUE);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static long day(int d) {
        return LocalDate.of(2024, 1, d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** DXY closes 100, 101, 102, 99, 104 and VIX 15, 18, 25, 19, 12 on 2024-01-01..05 (a line series and OHLC rows). */
    private Path write(Path d, double dxy5, double vix5) throws Exception {
        Files.createDirectories(d);
        Files.writeString(d.resolve("dxy.csv"), "date,value\n2024-01-01,100\n2024-01-02,101\n2024-01-03,102\n2024-01-04,99\n2024-01-05," + dxy5 + "\n");
        Files.writeString(d.resolve("vix.csv"), "date,open,high,low,close\n2024-01-01,15,16,14,15\n2024-01-02,18,19,17,18\n"
                + "2024-01-03,25,26,20,25\n2024-01-04,19,20,18,19\n2024-01-05," + vix5 + "," + vix5 + "," + vix5 + "," + vix5 + "\n");
        return d;
    }

    private MacroGateModule gate(Path dataDir, String yaml) throws Exception {
        ConcordRuntime engine = new ConcordRuntime(dataDir);
        open.add(engine);
        MacroGateModule m = new MacroGateModule();
        m.initialize(context(engine.data(), yaml));
        return m;
    }

    private ModuleContext context(DataProvider data, String yaml) {
        return new ModuleContext(data, ModuleFixture.settings(yaml), List.of(BTC), Timeframe.M1, clock::get,
                LoggerFactory.getLogger("test"), new ModuleContext.Services() {
                    @Override
                    public <T> Optional<T> get(Class<T> type) {
                        return Optional.empty();
                    }
                });
    }

    private String at(MacroGateModule m, long t) {
        clock.set(t);
        Prediction p = m.predictions(BTC).get(0);
        assertThat(p.action()).isEqualTo(Action.HOLD);
        assertThat(p.confidence()).isZero();
        return p.rationale();
    }

    @Test
    void withNothingConfiguredItSaysNoDataAndAllows() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MacroGateModule m = f.init(new MacroGateModule(), "", BTC);
        assertThat(m.featureNames()).containsExactly("allow", "rules", "passed", "missing");
        assertThat(at(m, day(10))).isEqualTo("ALLOW: no data (no macro series configured)");
        assertThat(m.features(BTC)).containsExactly(1, 0, 0, 0);
        assertThat(m.verdict().allow()).isTrue();
        assertThat(m.timeframes()).isEmpty();
    }

    @Test
    void allowsAndBlocksByTheRulesHandWorked() throws Exception {
        MacroGateModule m = gate(write(dir.resolve("a"), 104, 12), RULES);
        assertThat(m.barsLoaded()).isEqualTo(10);
        assertThat(m.featureNames()).containsExactly("allow", "rules", "passed", "missing", "DXY.ok", "DXY.distance", "VIX.ok", "VIX.distance");
        // before 2024-01-02 00:00 no daily bar has closed: both rules miss data, which allows by default
        assertThat(at(m, day(2) - 1)).isEqualTo("ALLOW: DXY no data; VIX no data (missing data allows)");
        // bar 01-01 in force: VIX 15 < 20 passes, the 3-bar average of DXY is not there yet
        assertThat(at(m, day(2))).isEqualTo("ALLOW: DXY no data; VIX 15 < 20 (missing data allows)");
        // 01-03 in force (from 01-04 00:00): DXY 102 vs MA3 (100+101+102)/3 = 101 fails; VIX 25 fails
        assertThat(at(m, day(4))).isEqualTo("BLOCK: DXY 102 not < MA3 101; VIX 25 not < 20");
        assertThat(m.features(BTC)).containsExactly(0, 2, 0, 0, -1, 102 / 101.0 - 1, -1, 25 / 20.0 - 1);
        // 01-04 in force: DXY 99 < (101+102+99)/3 = 100.667, VIX 19 < 20
        assertThat(at(m, day(5) + 3_600_000)).isEqualTo("ALLOW: DXY 99 < MA3 100.667; VIX 19 < 20");
        assertThat(m.features(BTC)[0]).isEqualTo(1);
        assertThat(m.features(BTC)[2]).isEqualTo(2);
        // 01-05 in force: DXY 104 vs (102+99+104)/3 = 101.667 fails, VIX 12 passes
        assertThat(at(m, day(6))).isEqualTo("BLOCK: DXY 104 not < MA3 101.667; VIX 12 < 20");
        assertThat(m.verdict().allow()).isFalse();
        assertThat(m.command("status", Map.of())).startsWith("BLOCK");
    }

    @Test
    void missingDataCanBlock() throws Exception {
        MacroGateModule m = gate(write(dir.resolve("b"), 104, 12), RULES + "missing: block\n");
        assertThat(at(m, day(2))).isEqualTo("BLOCK: DXY no data; VIX 15 < 20 (missing data blocks)");
        assertThat(m.features(BTC)[3]).isEqualTo(1);
    }

    @Test
    void dataAfterTheDecisionTimeNeverChangesTheVerdict() throws Exception {
        MacroGateModule a = gate(write(dir.resolve("c"), 104, 12), RULES);
        MacroGateModule b = gate(write(dir.resolve("d"), 90, 40), RULES); // only 01-05 differs
        for (long t = day(1); t <= day(5); t += 3_600_000) {
            assertThat(at(b, t)).as("at " + t).isEqualTo(at(a, t));
        }
        assertThat(at(b, day(6))).isNotEqualTo(at(a, day(6)));
    }

    @Test
    void reloadReadsNewRowsAndBadRowsAreCounted() throws Exception {
        Path d = write(dir.resolve("e"), 104, 12);
        MacroGateModule m = gate(d, RULES);
        assertThat(at(m, day(7))).startsWith("BLOCK: DXY 104");
        Files.writeString(d.resolve("dxy.csv"), "2024-01-06,95\n2024-01-07,not-a-number\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(m.command("reload", Map.of())).isEqualTo("reloading 2 series");
        assertThat(m.reload().get(30, TimeUnit.SECONDS)).isEqualTo(11);
        // 01-06 in force: 95 < (99 + 104 + 95)/3 = 99.333
        assertThat(at(m, day(7))).isEqualTo("ALLOW: DXY 95 < MA3 99.3333; VIX 12 < 20");
        DataProvider data = ((ConcordRuntime) open.get(0)).data();
        // two reloads (the command's, then ours: they run in order), each reports the bad row once
        assertThat(data.quality().count("csv dxy.csv", InputIssue.MALFORMED)).isEqualTo(2);
        m.close();
    }

    @Test
    void badSettingsAreRefused() throws Exception {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new MacroGateModule(), "series:\n  - { symbol: VIX, allowWhen: under, level: 20 }", BTC))
                .hasMessageContaining("allowWhen must be one of");
        assertThatThrownBy(() -> f.init(new MacroGateModule(), "series:\n  - { symbol: VIX, allowWhen: below }", BTC))
                .hasMessageContaining("finite level");
        assertThatThrownBy(() -> f.init(new MacroGateModule(), "series:\n  - { symbol: VIX }", BTC))
                .hasMessageContaining("needs 'symbol' and 'allowWhen'");
        assertThatThrownBy(() -> f.init(new MacroGateModule(),
                "series:\n  - { symbol: VIX, allowWhen: below, level: 20 }\n  - { symbol: VIX, allowWhen: above, level: 10 }", BTC))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> f.init(new MacroGateModule(), "series:\n  - { symbol: VIX, allowWhen: below, level: 20, lvl: 3 }", BTC))
                .hasMessageContaining("unknown setting [lvl]");
        assertThatThrownBy(() -> f.init(new MacroGateModule(), "series: VIX", BTC)).hasMessageContaining("must be a list");
        assertThatThrownBy(() -> gate(dir.resolve("f"), "series:\n  - { symbol: VIX, csv: nowhere.csv, allowWhen: below, level: 20 }"))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> new MacroGateModule().command("explode", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        // without a DataProvider a configured rule simply has no data
        MacroGateModule noData = f.init(new MacroGateModule(), "series:\n  - { symbol: VIX, allowWhen: below, level: 20 }", BTC);
        assertThat(at(noData, day(3))).isEqualTo("ALLOW: VIX no data (missing data allows)");
        noData.reset();
        assertThat(noData.features(BTC)).containsExactly(1, 1, 0, 1, 0, 0);
    }
}
