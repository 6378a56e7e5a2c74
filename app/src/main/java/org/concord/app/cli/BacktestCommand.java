package org.concord.app.cli;

import org.concord.backtest.BacktestConfig;
import org.concord.backtest.BacktestFiles;
import org.concord.backtest.BacktestReport;
import org.concord.backtest.Backtester;
import org.concord.backtest.RunLog;
import org.concord.engine.ConcordRuntime;
import org.concord.metrics.PerformanceMetrics;
import org.concord.metrics.TradingCosts;
import org.concord.store.BarStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code concord backtest}: runs the live pipeline (DataProvider → orchestrator → coordination → risk → PaperBroker)
 * over history and writes the report ({@code <name>.json}) and CSVs ({@code <name>-equity.csv}, {@code <name>-trades.csv}).
 * Exit codes: 0 done, 1 failed while running, 2 bad usage or a bad configuration.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest the orchestrator's modules through coordination, risk and the paper broker; writes a JSON report and CSVs.")
public final class BacktestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--preset", description = "orchestrator preset (minimal, full, research); overrides the config's")
    String preset;

    @Option(names = "--data", description = "bundled (trades), bundled-bars (1m bars) or store (the data dir's 1m bars)")
    String data;

    @Option(names = "--symbol", description = "symbol (default: the config's, else BTCUSD)")
    String symbol;

    @Option(names = "--horizons", split = ",", description = "decision horizons in decision bars, one bucket each (e.g. 5,240)")
    List<Integer> horizons;

    @Option(names = "--synergy", description = "also run each horizon alone and report the synergy (needs >= 2 horizons)")
    boolean synergy;

    @Option(names = "--walk-forward", description = "rolling windows train,test[,step], e.g. 2d,1d")
    String walkForward;

    @Option(names = "--enable", split = ",", description = "modules to switch on")
    List<String> enable;

    @Option(names = "--disable", split = ",", description = "modules to switch off")
    List<String> disable;

    @Option(names = "--out", description = "output directory (default: <data-dir>/backtests)")
    Path out;

    @Option(names = "--name", description = "file name stem (default: backtest-<preset>)")
    String name;

    @Option(names = "--log", description = "also write <name>-decisions.csv (every decision with each source's contribution) and "
            + "<name>-orders.csv (every order event of the bot's account)")
    boolean log;

    @Override
    public Integer call() throws Exception {
        BacktestConfig cfg;
        try {
            cfg = config();
        } catch (IllegalArgumentException e) {
            System.err.println("concord backtest: bad configuration: " + e.getMessage());
            return 2;
        }
        Path dataDir = common.dataDir();
        Path dir = out != null ? out : dataDir.resolve("backtests");
        String stem = name != null ? name : "backtest-" + (cfg.preset() != null ? cfg.preset() : "custom");
        Progress progress = new Progress(System.err, "backtest");
        long t0 = System.nanoTime();
        BacktestReport report;
        ConcordRuntime engine = "store".equals(cfg.data()) ? new ConcordRuntime(dataDir) : null;
        try {
            // the data directory's models vote as they do on the desk (the current version of the symbol's model)
            Backtester.Builder b = Backtester.builder(cfg).workDir(dataDir.resolve("backtests").resolve(".work")).models(dataDir.resolve("models"))
                    .progress((run, sent, total) -> progress.update((double) sent / total,
                            String.format(Locale.ROOT, "%s: %,d of %,d events", run, sent, total)));
            if (engine != null) {
                b.store(new BarStore(engine.database()));
            }
            Backtester bt;
            try {
                bt = b.build();
            } catch (IllegalArgumentException e) {
                System.err.println("concord backtest: bad configuration: " + e.getMessage());
                return 2;
            }
            if (log) {
                Path decisions = Files.createDirectories(dir).resolve(stem + "-decisions.csv");
                Path orders = dir.resolve(stem + "-orders.csv");
                try (RunLog runLog = new RunLog(decisions, orders)) {
                    report = bt.run(runLog);
                }
                System.out.println("wrote " + decisions + " and " + orders);
            } else {
                report = bt.run();
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Path> files = BacktestFiles.write(dir, stem, report);
        long events = report.result() != null ? report.result().events()
                : report.windows().stream().mapToLong(w -> w.run().events()).sum();
        progress.done(String.format(Locale.ROOT, "%,d events in %.1f s", events, secs));
        if (report.result() != null) {
            System.out.println(summary("result", report.result()));
        }
        for (BacktestReport.Window w : report.windows()) {
            System.out.println(summary("window " + w.index() + " (test " + Instant.ofEpochMilli(w.testFrom()) + ")", w.run()));
        }
        if (report.model() != null) {
            System.out.println("model " + report.model().describe());
        }
        if (report.synergy() != null) {
            System.out.printf(Locale.ROOT, "synergy: combined pnl %.2f vs sum alone %.2f → %+.2f%n", report.synergy().combinedPnl(),
                    report.synergy().sumAlonePnl(), report.synergy().synergy());
        }
        files.forEach(f -> System.out.println("wrote " + f));
        return 0;
    }

    private static String summary(String label, BacktestReport.Run r) {
        PerformanceMetrics m = r.coordination().metrics();
        TradingCosts c = r.coordination().costs();
        return String.format(Locale.ROOT, "%s: %d bars, %d decisions, %d trades (%,d fills, fees %,.2f = %.2f%% of initial equity, "
                        + "turnover %,.1fx), return %.2f%%, max drawdown %.2f%%, Sharpe %.2f, profit factor %.2f, win rate %.1f%%%n"
                        + "  baselines: %s — %s", label, r.bars(), r.decisionsTraded(), m.tradeCount(), c.fills(), c.fees(),
                c.feeShare() * 100, c.turnover(), m.totalReturn() * 100, m.maxDrawdown() * 100, m.sharpe(), m.profitFactor(), m.winRate() * 100,
                r.baselines().describe(), r.baselines().beatsBaselines() ? "beats every baseline" : "does NOT beat the best baseline");
    }

    /** The config file (or the defaults) with the command line's options applied. */
    BacktestConfig config() {
        BacktestConfig c = common.config != null ? BacktestConfig.load(common.config) : BacktestConfig.defaults();
        if (preset != null) {
            c = c.withPreset(preset);
        }
        if (data != null) {
            c = c.withData(data);
        }
        if (symbol != null) {
            c = c.withSymbol(symbol);
        }
        if (common.from != null || common.to != null) {
            c = c.withRange(common.from != null ? instant(common.from, false) : c.from(), common.to != null ? instant(common.to, true) : c.to());
        }
        if (horizons != null || synergy) {
            c = c.withHorizons(horizons != null ? horizons : c.horizons(), synergy);
        }
        if (enable != null || disable != null) {
            List<String> on = new ArrayList<>(c.enable());
            List<String> off = new ArrayList<>(c.disable());
            if (enable != null) {
                on.addAll(enable);
                off.removeAll(enable);
            }
            if (disable != null) {
                off.addAll(disable);
                on.removeAll(disable);
            }
            c = c.withModules(on, off);
        }
        if (walkForward != null) {
            String[] p = walkForward.split(",");
            if (p.length < 2 || p.length > 3) {
                throw new IllegalArgumentException("--walk-forward expects train,test[,step], e.g. 2d,1d");
            }
            c = c.withWalkForward(new BacktestConfig.WalkForward(p[0].trim(), p[1].trim(), p.length == 3 ? p[2].trim() : null));
        }
        return c;
    }

    /** An ISO instant as given, or a date: its start (from) or the start of the next day (to, exclusive: the whole day). */
    private static String instant(String s, boolean end) {
        try {
            return Instant.parse(s).toString();
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(CommonOptions.parse(s, end) + (end ? 1 : 0)).toString();
        }
    }
}
