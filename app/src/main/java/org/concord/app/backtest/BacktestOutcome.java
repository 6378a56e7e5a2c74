package org.concord.app.backtest;

import org.concord.app.shell.Counts;
import org.concord.backtest.BacktestBaselines;
import org.concord.backtest.BacktestReport;
import org.concord.chart.DisplayFormat;
import org.concord.metrics.PerformanceMetrics;
import org.concord.metrics.Synergy;
import org.concord.metrics.TradingCosts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A finished backtest as the tab shows it (immutable, built off the FX thread): one column per run (the range, or
 * each walk-forward window), the report's metrics as text, each run's equity curve thinned for the chart, and the
 * files written. Every number is the report's; this class only formats and thins.
 */
public record BacktestOutcome(String name, List<String> columns, List<MetricRow> metrics, List<Series> equity, List<Path> files,
                              String summary) {
    /** A per-trade figure of a run without a closed trade. */
    static final String NO_TRADES = "n/a (no trades)";
    static final String OPEN_AT_END = "a position open at the end";
    static final String UNDER_A_YEAR = "n/a (under a year: not annualized)";
    /** At most this many points in the equity chart, all series together. */
    public static final int MAX_POINTS = 2_000;

    /** One metric across the runs. */
    public record MetricRow(String metric, List<String> values) {
    }

    /** One run's thinned equity curve: epoch ms and equity. */
    public record Series(String name, long[] time, double[] equity) {
    }

    public BacktestOutcome {
        columns = List.copyOf(columns);
        metrics = List.copyOf(metrics);
        equity = List.copyOf(equity);
        files = List.copyOf(files);
    }

    public static BacktestOutcome of(String name, BacktestReport report, List<Path> files, DisplayFormat display) {
        if (name == null || report == null || files == null) {
            throw new IllegalArgumentException("name, report and files are required");
        }
        List<String> columns = new ArrayList<>();
        List<BacktestReport.Run> runs = new ArrayList<>();
        if (report.result() != null) {
            columns.add("result");
            runs.add(report.result());
        }
        for (BacktestReport.Window w : report.windows()) {
            columns.add("window " + w.index() + " (test from " + display.dateMinute(w.testFrom()) + ")");
            runs.add(w.run());
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("the report has no run");
        }
        List<MetricRow> rows = new ArrayList<>();
        // the return and, right under it, what the same bars and costs give done simply (core's BacktestBaselines):
        // the result is read against these, so they stay in view above the rest
        rows.add(row("Total return", runs, m -> pct(m.totalReturn())));
        rows.add(baseline("Buy and hold (after costs)", runs, b -> b.buyAndHoldPct()));
        rows.add(baseline("Always flat", runs, b -> b.alwaysFlatPct()));
        // always-long and the majority action are back-to-back round trips of the horizon, each paying costs twice: said
        // in the row's name, "always long -98 %" read as a wrong number next to "buy and hold +23 %"
        BacktestBaselines first = runs.get(0).baselines();
        String trips = String.format(Locale.ROOT, "%d-bar round trips, %.2f %% per fill", first.horizonBars(), first.costPerSidePct());
        rows.add(baseline("Always long (" + trips + ")", runs, b -> b.alwaysLongPct()));
        rows.add(new MetricRow("Majority action (" + trips + ")", runs.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f %% (%s)", r.baselines().majorityPct(), r.baselines().majorityAction())).toList()));
        rows.add(new MetricRow("Beats the baselines", runs.stream().map(r -> r.baselines().beatsBaselines() ? "yes" : "no").toList()));
        // core annualizes a year of data or more only (NaN under a year): said here, as "n/a" alone would hide why
        rows.add(row("Annualized return", runs, m -> Double.isNaN(m.annualizedReturn()) ? UNDER_A_YEAR : pct(m.annualizedReturn())));
        rows.add(row("Sharpe", runs, m -> num(m.sharpe())));
        rows.add(row("Sortino", runs, m -> num(m.sortino())));
        rows.add(row("Max drawdown", runs, m -> pct(m.maxDrawdown())));
        // core gives 0 for both without a closed trade: read as "lost every trade", so the tab says there was none
        rows.add(row("Profit factor", runs, m -> m.tradeCount() == 0 ? NO_TRADES : num(m.profitFactor())));
        rows.add(row("Win rate", runs, m -> m.tradeCount() == 0 ? NO_TRADES : pct(m.winRate())));
        rows.add(row("Average exposure", runs, m -> pct(m.averageExposure())));
        rows.add(row("Time in market", runs, m -> pct(m.timeInMarket())));
        // a position still held at the end is no round trip: "0 trades" beside a 2.5 % return read as a wrong number
        rows.add(new MetricRow("Trades", runs.stream().map(r -> r.coordination().metrics().tradeCount()
                + (openAtEnd(r) ? " closed; " + OPEN_AT_END : "")).toList()));
        // a trade is a round trip from flat to flat: one held for days and resized every few bars is one trade of
        // hundreds of fills, which only these rows show
        rows.add(costs("Fills", runs, c -> String.format(Locale.ROOT, "%,d", c.fills())));
        rows.add(costs("Fees", runs, c -> String.format(Locale.ROOT, "%,.2f (%s of initial equity)", c.fees(), pct(c.feeShare()))));
        rows.add(costs("Turnover (traded / initial equity)", runs, c -> String.format(Locale.ROOT, "%,.1f×", c.turnover())));
        List<String> synergy = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            synergy.add(i == 0 ? synergy(report.synergy()) : "");
        }
        rows.add(new MetricRow("Synergy", synergy));

        List<Series> equity = new ArrayList<>();
        int perRun = Math.max(4, MAX_POINTS / runs.size());
        for (int i = 0; i < runs.size(); i++) {
            var data = runs.get(i).coordination().equity();
            EquityDownsample.Points p = EquityDownsample.of(data.time(), data.equity(), perRun);
            equity.add(new Series(columns.get(i).replaceAll(" \\(.*", ""), p.time(), p.equity()));
        }
        long bars = runs.stream().mapToLong(BacktestReport.Run::bars).sum();
        long trades = runs.stream().mapToLong(r -> r.coordination().metrics().tradeCount()).sum();
        long fills = runs.stream().mapToLong(r -> r.coordination().costs().fills()).sum();
        String open = runs.stream().anyMatch(BacktestOutcome::openAtEnd) ? ", " + OPEN_AT_END : "";
        String summary = String.format(Locale.ROOT, "%s; %s traded, %s%s (%s)%s; %s%s", report.data(), Counts.of(bars, "bar"),
                Counts.of(trades, "trade"), open, Counts.of(fills, "fill"), runs.size() > 1 ? " in " + runs.size() + " windows" : "",
                DeskLimits.describe(report.config()), report.model() == null ? "" : "; model " + report.model().brief());
        return new BacktestOutcome(name, columns, rows, equity, files, summary);
    }

    /** Whether the run ended holding something (its equity curve's last exposure). */
    private static boolean openAtEnd(BacktestReport.Run r) {
        double[] exposure = r.coordination().equity().exposure();
        return exposure.length > 0 && exposure[exposure.length - 1] != 0;
    }

    private static MetricRow baseline(String metric, List<BacktestReport.Run> runs, Function<BacktestBaselines, Double> f) {
        return new MetricRow(metric, runs.stream().map(r -> pct(f.apply(r.baselines()) / 100)).toList());
    }

    private static MetricRow costs(String metric, List<BacktestReport.Run> runs, Function<TradingCosts, String> f) {
        return new MetricRow(metric, runs.stream().map(r -> f.apply(r.coordination().costs())).toList());
    }

    private static MetricRow row(String metric, List<BacktestReport.Run> runs, Function<PerformanceMetrics, String> f) {
        return new MetricRow(metric, runs.stream().map(r -> f.apply(r.coordination().metrics())).toList());
    }

    private static String synergy(Synergy s) {
        if (s == null) {
            return "not run (tick Synergy)";
        }
        return String.format(Locale.ROOT, "%+.2f USD (combined %.2f vs sum alone %.2f)", s.synergy(), s.combinedPnl(), s.sumAlonePnl());
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", v * 100) : text(v);
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : text(v);
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "n/a" : v > 0 ? "∞" : "-∞";
    }
}
