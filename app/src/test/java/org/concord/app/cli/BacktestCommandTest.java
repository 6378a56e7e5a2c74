package org.concord.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        CliRun run = CliRun.of("backtest", "--data-dir", dir.resolve("data").toString(), "--config", cfg.toString(),
                "--from", "2013-11-26", "--to", "2013-11-28", "--out", out.toString(), "--name", "run", "--log");
        assertThat(run.rc()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        // --log: a row per decision (with each source's contribution) and per order event of the bot's account
        List<String> decisions = Files.readAllLines(out.resolve("run-decisions.csv"));
        assertThat(decisions.get(0)).isEqualTo("run,seq,time,iso_time,price,action,score,confidence,contributions");
        assertThat(decisions.size() - 1L).isEqualTo(report.at("/result/decisions").asLong());
        assertThat(decisions.get(decisions.size() - 1)).matches("1,\\d+,\\d+,2013-11-2\\S+,.*:(BUY|SELL|HOLD):.*");
        List<String> orders = Files.readAllLines(out.resolve("run-orders.csv"));
        assertThat(orders.size()).as("the bot's orders").isGreaterThan(1);
        assertThat(orders.get(1)).startsWith("1,").contains(",NEW,");
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
        // the costs beside the trade count: every fill in the order log, counted, and its notional summed
        Map<String, Double> filled = new HashMap<>();
        long fills = 0;
        double notional = 0;
        for (String row : orders.subList(1, orders.size())) {
            String[] f = row.split(",", -1);
            double done = Double.parseDouble(f[9]);
            double before = filled.getOrDefault(f[3], 0.0);
            if (done > before) {
                fills++;
                notional += (done - before) * Double.parseDouble(f[10]);
                filled.put(f[3], done);
            }
        }
        JsonNode costs = report.at("/result/coordination/costs");
        assertThat(fills).as("fills in the order log").isGreaterThan(report.at("/result/coordination/metrics/tradeCount").asLong());
        assertThat(costs.get("fills").asLong()).isEqualTo(fills);
        assertThat(costs.get("tradedNotional").asDouble()).isCloseTo(notional, within(notional * 1e-6));
        double firstEquity = Double.parseDouble(equity.get(1).split(",")[3]);
        assertThat(costs.get("turnover").asDouble()).isCloseTo(notional / firstEquity, within(notional / firstEquity * 1e-6));
        assertThat(costs.get("fees").asDouble()).isPositive();
        assertThat(run.out()).contains(String.format(Locale.ROOT, "(%,d fills, fees %,.2f = %.2f%% of initial equity, turnover %,.1fx)",
                fills, costs.get("fees").asDouble(), costs.get("feeShare").asDouble() * 100, costs.get("turnover").asDouble()));

        // the baselines beside the result: buy-and-hold recomputed from the real 1m bars of the traded range
        JsonNode b = report.at("/result/baselines");
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        long from = report.at("/result/tradeFrom").asLong();
        long to = report.at("/result/to").asLong();
        int first = -1;
        int last = -1;
        for (int i = 0; i < m1.size(); i++) {
            if (m1.time(i) >= from && m1.time(i) < to) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        double c = (report.at("/config/takerBps").asDouble() + report.at("/config/slippageBps").asDouble()) / 10_000;
        assertThat(c).isPositive();
        double buyAndHold = 100 * ((1 - c) / m1.close(first) * m1.close(last) * (1 - c) - 1);
        assertThat(b.get("buyAndHoldPct").asDouble()).isCloseTo(buyAndHold, within(1e-6));
        assertThat(b.get("alwaysFlatPct").asDouble()).isZero();
        assertThat(b.get("strategyPct").asDouble()).isCloseTo(100 * report.at("/result/coordination/metrics/totalReturn").asDouble(), within(1e-9));
        assertThat(b.get("horizonBars").asInt()).isEqualTo(5);
        assertThat(b.has("alwaysLongPct") && b.has("majorityPct") && b.has("majorityAction")).isTrue();
        double best = Math.max(Math.max(0, b.get("buyAndHoldPct").asDouble()), Math.max(b.get("alwaysLongPct").asDouble(), b.get("majorityPct").asDouble()));
        // the command's text says whether the strategy beats the best of them
        assertThat(run.out()).contains(String.format(Locale.ROOT, "baselines: strategy %+.2f%% vs always-flat +0.00%%, buy-and-hold %+.2f%%",
                b.get("strategyPct").asDouble(), buyAndHold)).contains(b.get("strategyPct").asDouble() > best
                ? "— beats every baseline" : "— does NOT beat the best baseline");
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
