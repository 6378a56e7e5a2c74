package org.concord.modules.strategy.macrogate;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.StateVector;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk's macro import in the process that runs the orchestrator, on a real store and a real orchestrator: the
 * file's rows by the importer's rules, the rule written into concord.yaml and acted on by a fresh gate, both still
 * there after a restart; a bad file or a refused rule changes nothing. The VIX/DXY files are synthetic (written here):
 * no external series is bundled, and these are the edge cases the rules exist for.
 */
class MacroDataImportTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    @TempDir
    Path dir;
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

    private Path data() {
        return dir.resolve("data");
    }

    private Path configFile() {
        return data().resolve("concord.yaml");
    }

    /** A config with the gate (no series yet, a pivots entry beside it that must survive) written to concord.yaml. */
    private void writeConfig() throws Exception {
        OrchestratorConfig c = OrchestratorConfig.of(List.of(BTC), List.of(
                new ModuleEntry("pivots", false, 0.5, ModuleFixture.settings("lookback: 7")),
                new ModuleEntry(MacroGateModule.ID, true, 0.0, ModuleFixture.settings("missing: allow")))).withSynchronous(true);
        Files.createDirectories(data());
        ConfigFiles.save(configFile(), c);
    }

    private TradingOrchestrator start(ConcordRuntime engine) {
        TradingOrchestrator o = TradingOrchestrator.on(engine.data(), ConfigFiles.load(configFile()), null, configFile()).start();
        open.add(o);
        return o;
    }

    private ConcordRuntime engine() {
        ConcordRuntime e = new ConcordRuntime(data());
        open.add(e);
        return e;
    }

    /** The gate's verdict after a BTC minute bar closing on {@code d} 00:01 (the orchestrator's clock). */
    private static String verdictOn(TradingOrchestrator o, int d) throws Exception {
        return verdictOn(o, BTC, d);
    }

    /** The gate's verdict after a minute bar of {@code symbol} closing on {@code d} 00:01. */
    private static String verdictOn(TradingOrchestrator o, Symbol symbol, int d) throws Exception {
        o.onBarClose(symbol, Timeframe.M1, day(d), 100, 101, 99, 100, 1);
        assertThat(o.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        return o.command(MacroGateModule.ID, "status", Map.of()).get(30, TimeUnit.SECONDS);
    }

    private static double allowFeature(TradingOrchestrator o) {
        StateVector s = o.lastState(BTC);
        return s.get(s.names().indexOf("macro-gate.allow"));
    }

    /** VIX closes 25..34 on 2024-01-01..10, plus one NaN row, a repeated day and a row dated in 2999. */
    private Path vixFile() throws Exception {
        StringBuilder sb = new StringBuilder("date,close\n");
        for (int d = 1; d <= 10; d++) {
            sb.append(String.format("2024-01-%02d,%d\n", d, 24 + d));
            if (d == 2) {
                sb.append("2024-01-02,26\n"); // the same day again, same value
            }
        }
        sb.append("2024-01-11,nan\n2999-01-01,30\n");
        Path f = dir.resolve("vix.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void aGoodFileAddsTheRuleTheGateActsOnAndARestartKeepsBoth() throws Exception {
        writeConfig();
        ConcordRuntime engine = engine();
        TradingOrchestrator orch = start(engine);
        assertThat(verdictOn(orch, 12)).isEqualTo("ALLOW: no data (no macro series configured)");

        MacroImportReport r = new MacroDataImport(engine.data(), () -> List.of(orch))
                .run(new MacroImportRequest("r1", vixFile().toString(), "VIX", "below", 20, 0, false));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.requestId()).isEqualTo("r1");
        assertThat(r.rule()).isEqualTo("VIX below 20");
        assertThat(r.rows()).isEqualTo(13);
        assertThat(r.added()).isEqualTo(10);
        assertThat(r.rejected()).containsExactlyInAnyOrderEntriesOf(Map.of("MALFORMED", 1L, "FUTURE", 1L, "DUPLICATE", 1L));
        assertThat(r.storedBars()).isEqualTo(10);
        assertThat(r.storedFrom()).isEqualTo(day(1));
        assertThat(r.storedTo()).isEqualTo(day(10));
        // the verdict at the orchestrator's clock (2024-01-12 00:01): the bar of 01-10 is in force
        assertThat(r.gate()).isEqualTo("BLOCK: VIX 34 not < 20");
        assertThat(r.allow()).isFalse();
        assertThat(verdictOn(orch, 13)).isEqualTo("BLOCK: VIX 34 not < 20");
        assertThat(allowFeature(orch)).as("the verdict reaches the state vector coordination reads").isZero();

        OrchestratorConfig saved = ConfigFiles.load(configFile());
        JsonNode series = saved.module(MacroGateModule.ID).orElseThrow().settings().get("series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).get("symbol").asText()).isEqualTo("VIX");
        assertThat(series.get(0).get("allowWhen").asText()).isEqualTo("below");
        assertThat(series.get(0).get("level").asDouble()).isEqualTo(20);
        assertThat(series.get(0).has("csv")).as("the bars are in the store: no file to find at the next start").isFalse();
        assertThat(saved.module(MacroGateModule.ID).orElseThrow().settings().get("missing").asText()).isEqualTo("allow");
        assertThat(saved.module("pivots").orElseThrow().settings().get("lookback").asInt()).isEqualTo(7);

        // a second rule for another series, then a new rule for VIX: one rule per series, the others kept
        Path dxy = dir.resolve("dxy.csv");
        Files.writeString(dxy, "2024-01-01,100\n2024-01-02,101\n2024-01-03,102\n2024-01-04,99\n");
        MacroImportReport d = new MacroDataImport(engine.data(), () -> List.of(orch))
                .run(new MacroImportRequest("r2", dxy.toString(), "DXY", "belowMa", 0, 3, false));
        assertThat(d.ok()).as(d.error()).isTrue();
        assertThat(d.gate()).isEqualTo("BLOCK: VIX 34 not < 20; DXY 99 < MA3 100.667");
        MacroImportReport v = new MacroDataImport(engine.data(), () -> List.of(orch))
                .run(new MacroImportRequest("r3", vixFile().toString(), "VIX", "above", 30, 0, false));
        assertThat(v.added()).as("re-importing the same file adds nothing").isZero();
        assertThat(v.unchanged()).as("every row equal to its stored bar, the repeated day's two included").isEqualTo(11);
        assertThat(v.gate()).isEqualTo("ALLOW: VIX 34 > 30; DXY 99 < MA3 100.667");
        assertThat(ConfigFiles.load(configFile()).module(MacroGateModule.ID).orElseThrow().settings().get("series")).hasSize(2);

        // restart: a new engine and orchestrator on the same data directory have the series and the rules
        open.remove(orch);
        orch.close();
        open.remove(engine);
        engine.close();
        TradingOrchestrator again = start(engine());
        assertThat(verdictOn(again, 13)).isEqualTo("ALLOW: VIX 34 > 30; DXY 99 < MA3 100.667");
    }

    @Test
    void theRuleReachesEveryInstrumentsGateAndTheFileOnce() throws Exception {
        writeConfig();
        ConcordRuntime engine = engine();
        TradingOrchestrator btc = start(engine);
        // a second instrument's orchestrator on the same file, narrowed to ETHUSD, writing nothing (as the desk runs it)
        Symbol eth = Symbol.of("ETHUSD");
        TradingOrchestrator ethOrch = TradingOrchestrator.builder(ConfigFiles.load(configFile())).data(engine.data())
                .instrument(eth, Timeframe.M1).build().start();
        open.add(ethOrch);
        assertThat(verdictOn(btc, 12)).isEqualTo("ALLOW: no data (no macro series configured)"); // the clock the report's verdict reads
        assertThat(verdictOn(ethOrch, eth, 12)).isEqualTo("ALLOW: no data (no macro series configured)");

        MacroImportReport r = new MacroDataImport(engine.data(), () -> List.of(btc, ethOrch))
                .run(new MacroImportRequest("m1", vixFile().toString(), "VIX", "below", 20, 0, false));
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.gate()).isEqualTo("BLOCK: VIX 34 not < 20");
        assertThat(verdictOn(ethOrch, eth, 13)).as("ETHUSD's gate took the rule too").isEqualTo("BLOCK: VIX 34 not < 20");
        assertThat(verdictOn(btc, 13)).isEqualTo("BLOCK: VIX 34 not < 20");
        OrchestratorConfig saved = ConfigFiles.load(configFile());
        assertThat(saved.symbols()).as("the file keeps its own instrument list").containsExactly(BTC);
        assertThat(saved.module(MacroGateModule.ID).orElseThrow().settings().get("series")).hasSize(1);
    }

    @Test
    void aBadFileOrRuleChangesNothing() throws Exception {
        writeConfig();
        ConcordRuntime engine = engine();
        TradingOrchestrator orch = start(engine);
        MacroDataImport imp = new MacroDataImport(engine.data(), () -> List.of(orch));
        byte[] config = Files.readAllBytes(configFile());

        Path columns = dir.resolve("columns.csv");
        Files.writeString(columns, "day,level\n2024-01-01,20\n");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "date,close\n# nothing yet\n");
        Path allBad = dir.resolve("bad.csv");
        Files.writeString(allBad, "date,close\n2024-01-01,.\n2024-01-02,-3\n2999-01-01,20\n");
        Path latin = dir.resolve("latin1.csv");
        Files.write(latin, "date,close\n2024-01-01,20\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(imp.run(new MacroImportRequest("a", dir.resolve("nowhere.csv").toString(), "VIX", "below", 20, 0, false)).error())
                .contains("cannot read").contains("no such file");
        assertThat(imp.run(new MacroImportRequest("b", columns.toString(), "VIX", "below", 20, 0, false)).error())
                .contains("need a time column").contains("nothing imported");
        assertThat(imp.run(new MacroImportRequest("c", empty.toString(), "VIX", "below", 20, 0, false)).error())
                .contains("no usable rows (0 read)");
        MacroImportReport bad = imp.run(new MacroImportRequest("d", allBad.toString(), "VIX", "below", 20, 0, false));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.error()).contains("no usable rows (3 read, all rejected)");
        assertThat(bad.rejected()).containsEntry("MALFORMED", 1L).containsEntry("INVALID_PRICE", 1L).containsEntry("FUTURE", 1L);
        assertThat(imp.run(new MacroImportRequest("e", latin.toString(), "VIX", "below", 20, 0, false)).error()).contains("not UTF-8");
        // a rule the gate would refuse is refused before anything is read
        assertThatThrownBy(() -> new MacroImportRequest("f", allBad.toString(), "VIX", "under", 20, 0, false))
                .hasMessageContaining("allowWhen must be one of");
        assertThatThrownBy(() -> new MacroImportRequest("g", allBad.toString(), "DXY", "belowMa", 0, 0, false))
                .hasMessageContaining("period must be >= 1");

        assertThat(Files.readAllBytes(configFile())).as("concord.yaml untouched").isEqualTo(config);
        assertThat(engine.data().bars(Symbol.of("VIX"), Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST).size()).isZero();
        assertThat(verdictOn(orch, 12)).isEqualTo("ALLOW: no data (no macro series configured)");
    }

    @Test
    void settingsTheGateRefusesLeaveTheRunningGateAndTheFileAlone() throws Exception {
        writeConfig();
        TradingOrchestrator orch = start(engine());
        byte[] config = Files.readAllBytes(configFile());
        JsonNode refused = ModuleFixture.settings("series:\n  - { symbol: VIX, allowWhen: below }");
        assertThatThrownBy(() -> orch.configure(MacroGateModule.ID, refused).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("finite level");
        assertThat(orch.module(MacroGateModule.ID).orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
        assertThat(Files.readAllBytes(configFile())).isEqualTo(config);
        assertThat(verdictOn(orch, 12)).isEqualTo("ALLOW: no data (no macro series configured)");
        // a switched-off module takes new settings at its next load
        orch.disable(MacroGateModule.ID).get(30, TimeUnit.SECONDS);
        orch.configure(MacroGateModule.ID, ModuleFixture.settings("series:\n  - { symbol: VIX, allowWhen: below, level: 20 }"))
                .get(30, TimeUnit.SECONDS);
        assertThat(orch.module(MacroGateModule.ID).orElseThrow().state()).isEqualTo(ModuleState.DISABLED);
        assertThat(orch.enable(MacroGateModule.ID).get(30, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.RUNNING);
        assertThat(verdictOn(orch, 12)).isEqualTo("ALLOW: VIX no data (missing data allows)");
    }
}
