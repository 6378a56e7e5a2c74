package org.concord.app.cli;

import org.concord.store.Direction;
import org.concord.feed.BundledData;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command reads and validates its configuration ({@code --config}, else {@code <data-dir>/concord.yaml}) before
 * it does anything: an unknown key, an undeclared module setting or a bad value stops it with exit code 2 and one
 * line naming the file, the line and the key. And {@code replay --to} bounds what reaches the store.
 */
class CliConfigTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandThatTakesConfigReadsAndValidatesIt() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "orchestrator:\n  preset: minimal\n  modules:\n    - id: extrema\n      settings:\n        lagg: 7\n");
        String data = dir.resolve("data").toString();
        String[][] commands = {
                {"serve", "--duration", "1", "--speed", "max"},
                {"replay", "--from", "2013-11-26", "--to", "2013-11-26"},
                {"export", "--symbol", "BTCUSD", "--out", dir.resolve("x.csv").toString()},
                {"train", "--epochs", "1"}};
        for (String[] c : commands) {
            String[] args = Stream.concat(Arrays.stream(c), Stream.of("--data-dir", data, "--config", bad.toString())).toArray(String[]::new);
            CliRun r = CliRun.of(args);
            assertThat(r.rc()).as(c[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains("concord " + c[0] + ": " + bad + " line 6 (orchestrator.modules.0.settings.lagg): "
                    + "module 'extrema' has no setting 'lagg'");
        }
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
        CliRun missing = CliRun.of("export", "--data-dir", data, "--config", dir.resolve("nope.yaml").toString(), "--symbol", "BTCUSD", "--out", "x.csv");
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");

        // without --config the data directory's concord.yaml is the configuration, read the same way
        Files.writeString(dir.resolve("data").resolve("concord.yaml"), "orchestrator:\n  symbols: [BTCUSD]\nbinance:\n  restUrl: https://mirror.example\n  proxy: x\n");
        CliRun dflt = CliRun.of("replay", "--data-dir", data, "--from", "2013-11-26", "--to", "2013-11-26");
        assertThat(dflt.rc()).isEqualTo(2);
        assertThat(dflt.err()).contains("concord.yaml line 5 (binance.proxy): unknown binance config key 'proxy'");
    }

    @Test
    void aBacktestConfigTypoNamesItsLineAndKey() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "preset: minimal\nhorizon: [5]\n");
        CliRun r = CliRun.of("backtest", "--data-dir", dir.resolve("b").toString(), "--config", typo.toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err()).contains(typo + " line 2 (horizon): Unrecognized field \"horizon\"");
    }

    @Test
    void aModuleSettingWithABadValueFailsTheServerAtStartNamingItsLine() throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "orchestrator:\n  modules:\n    - id: pivots\n      enabled: false\n    - id: market-analysis\n      settings:\n"
                + "        adxPeriod: 0\n");
        CliRun r = CliRun.of("serve", "--data-dir", dir.resolve("d").toString(), "--config", cfg.toString(), "--duration", "1", "--speed", "max");
        assertThat(r.rc()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(cfg + " line 6 (orchestrator.modules.1.settings): module market-analysis: setting 'adxPeriod' must be an integer >= 1, got 0");
    }

    @Test
    void replayToBoundsTheStoreNotOnlyTheOutputFile() {
        Path data = dir.resolve("r");
        CliRun r = CliRun.of("replay", "--data-dir", data.toString(), "--from", "2013-11-26", "--to", "2013-11-26", "--timeframe", "1h",
                "--out", dir.resolve("r.csv").toString());
        assertThat(r.rc()).as(r.err()).isZero();
        long day = Instant.parse("2013-11-26T00:00:00Z").toEpochMilli();
        try (SqliteDatabase db = SqliteDatabase.open(data.resolve("concord.db"))) {
            BarStore store = new BarStore(db);
            long[] m1 = store.range(BundledData.BTCUSD, Timeframe.M1);
            assertThat(m1[0]).isGreaterThanOrEqualTo(day);
            assertThat(m1[1]).as("one day asked, one day stored").isLessThan(day + 86_400_000L);
            assertThat(store.query(BundledData.BTCUSD, Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE, 1000, Direction.LATEST).size()).isEqualTo(24);
            assertThat(store.range(BundledData.BTCUSD, Timeframe.D1)).containsExactly(day, day);
        }
    }
}
