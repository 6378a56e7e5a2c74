package org.concord.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code concord backtest} end to end on the bundled data: the report and CSVs, the config it ran, exit codes. */
class BacktestCommandTest {
    @TempDir
    Path dir;

    @Test
    void backtestsTheBundledDataAndWritesTheReportAndCsvs() throws Exception {
        Path cfg = dir.resolve("bt.yaml");
        Files.writeString(cfg, """
                description: cli test
                preset: full
                disable: [neural-fusion]
                horizons: [5, 240]
                limits: { maxOrderFraction: 0.2 }
                """);
        Path out = dir.resolve("reports");
        int rc = ConcordCli.execute("backtest", "--data-dir", dir.resolve("data").toString(), "--config", cfg.toString(),
                "--from", "2013-11-26", "--to", "2013-11-28", "--out", out.toString(), "--name", "run");
        assertThat(rc).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(report.at("/config/description").asText()).isEqualTo("cli test");
        assertThat(report.at("/config/from").asText()).isEqualTo("2013-11-26T00:00:00Z");
        assertThat(report.at("/config/to").asText()).isEqualTo("2013-11-29T00:00:00Z");
        assertThat(report.at("/result/coordination/riskLimits/maxOrderFraction").asDouble()).isEqualTo(0.2);
        long bars = report.at("/result/bars").asLong();
        assertThat(bars).isBetween(3L * 1440 - 100, 3L * 1440); // three whole days of 1m bars (a few minutes without trades)
        List<String> equity = Files.readAllLines(out.resolve("run-equity.csv"));
        assertThat(equity).hasSize((int) bars + 1);
        assertThat(equity.get(0)).isEqualTo("window,time,iso_time,equity,exposure");
        assertThat(Files.readAllLines(out.resolve("run-trades.csv")).size() - 1)
                .isEqualTo(report.at("/result/coordination/metrics/tradeCount").asInt());
    }

    @Test
    void walkForwardFromTheCommandLine() throws Exception {
        Path out = dir.resolve("wf");
        int rc = ConcordCli.execute("backtest", "--data-dir", dir.resolve("data").toString(), "--preset", "full", "--disable",
                "neural-fusion", "--walk-forward", "2d,1d,2d", "--out", out.toString(), "--name", "wf");
        assertThat(rc).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("wf.json").toFile());
        assertThat(report.get("windows").size()).isEqualTo(2);
        assertThat(report.at("/windows/1/trainFrom").asLong() - report.at("/windows/0/trainFrom").asLong()).isEqualTo(2 * 86_400_000L);
    }

    @Test
    void badUsageAndBadConfigurationExitWithTwo() throws Exception {
        Path data = dir.resolve("data");
        assertThat(ConcordCli.execute("backtest", "--data-dir", data.toString(), "--horizons", "five")).isEqualTo(2);
        assertThat(ConcordCli.execute("backtest", "--data-dir", data.toString(), "--data", "nowhere")).isEqualTo(2);
        assertThat(ConcordCli.execute("backtest", "--data-dir", data.toString(), "--synergy")).as("synergy needs two horizons").isEqualTo(2);
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "preset: full\nhorizon: [5]\n");
        assertThat(ConcordCli.execute("backtest", "--data-dir", data.toString(), "--config", typo.toString())).isEqualTo(2);
        // a range without data is a failure at run time
        assertThat(ConcordCli.execute("backtest", "--data-dir", data.toString(), "--preset", "minimal", "--from", "2020-01-01",
                "--out", dir.resolve("x").toString())).isEqualTo(1);
    }
}
