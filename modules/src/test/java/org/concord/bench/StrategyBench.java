package org.concord.bench;

import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import java.util.concurrent.TimeUnit;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.modules.ModuleFixture;
import org.concord.modules.marketanalysis.MarketAnalysisModule;
import org.concord.modules.multitimeframe.MultiTimeframeModule;
import org.concord.modules.strategy.alphatrend.AlphaTrendModule;
import org.concord.modules.strategy.composite.CompositeModule;
import org.concord.modules.strategy.crashpattern.PatternLibrary;
import org.concord.modules.strategy.crashpattern.CrashPatternModule;
import org.concord.modules.strategy.ichimoku.IchimokuModule;
import org.concord.modules.strategy.macrogate.MacroGateModule;
import org.concord.modules.strategy.meanreversion.MeanReversionModule;
import org.concord.modules.strategy.qqessl.QqeSslWaeModule;
import org.concord.modules.strategy.supertrend.SupertrendModule;
import org.concord.modules.strategy.trend.TrendModule;
import org.concord.modules.strategy.turtle.TurtleModule;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Per-module cost of this area's modules per decision bar, the way the decision thread calls them: the bar closes of
 * every timeframe a module asked for (interleaved as the DataProvider emits them), then, on each 1m close,
 * {@code features} and {@code predictions}. Input: the bundled Bitstamp trades repeated {@code bench.copies} times
 * (default 10) and aggregated by the real TradeAggregator. Run with
 * {@code mvn -B -Pbench -pl modules -am test -Dtest=StrategyBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StrategyBench {
    private static final String NAME = "strategies";
    @TempDir
    Path dir;

    private record Event(Timeframe tf, int index) {
    }

    @Test
    void perModuleLatencyPerDecisionBar() throws Exception {
        int copies = Integer.getInteger("bench.copies", 10);
        TradeTape tape = BundledData.bitstampTrades().repeated(copies);
        Map<Timeframe, BarSeries> bars = RealBars.aggregate(tape);
        BarSeries m1 = bars.get(Timeframe.M1);
        List<Event> events = interleave(bars, List.of(Timeframe.M1, Timeframe.M5, Timeframe.H1, Timeframe.D1));
        Bench.note("machine: " + Bench.machine());
        Bench.note(String.format(Locale.ROOT, "input: bundled Bitstamp trades x%d (%,d trades) -> %,d 1m decision bars (+5m/1h/1d closes)",
                copies, tape.size(), m1.size()));
        // a pattern library of 10 windows of 60 bars cut from the data (as if saved from annotations), a macro gate on
        // a real daily series (the bundled AAPL bars imported from CSV)
        PatternLibrary lib = PatternLibrary.inDataDir(dir);
        for (int k = 0; k < 10; k++) {
            lib.saveWindow("w" + k, m1.copyRange(500 + k * 700, 560 + k * 700));
        }
        Path aapl = dir.resolve("aapl.csv");
        try (var in = getClass().getResourceAsStream("/appleinc_bars_from_20130101_usd.csv")) {
            Files.copy(in, aapl);
        }
        String crash = "directory: " + lib.directory();
        String gate = "series:\n  - { symbol: AAPL, csv: " + aapl + ", allowWhen: aboveMa, period: 50 }";
        Map<String, Run> runs = new LinkedHashMap<>();
        runs.put("market-analysis", new Run(MarketAnalysisModule::new, ""));
        runs.put("multi-timeframe", new Run(MultiTimeframeModule::new, ""));
        runs.put("supertrend", new Run(SupertrendModule::new, ""));
        runs.put("alphatrend", new Run(AlphaTrendModule::new, ""));
        runs.put("ichimoku", new Run(IchimokuModule::new, ""));
        runs.put("qqe-ssl-wae", new Run(QqeSslWaeModule::new, ""));
        runs.put("turtle", new Run(TurtleModule::new, ""));
        runs.put("mean-reversion", new Run(MeanReversionModule::new, ""));
        runs.put("trend", new Run(TrendModule::new, ""));
        runs.put("macro-gate", new Run(MacroGateModule::new, gate));
        runs.put("crash-pattern (10 windows of 60)", new Run(CrashPatternModule::new, crash));
        runs.put("composite (all nine)", new Run(CompositeModule::new, "memberSettings:\n  crash-pattern: { " + crash
                + " }\n  macro-gate: { series: [ { symbol: AAPL, csv: " + aapl + ", allowWhen: aboveMa, period: 50 } ] }"));
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data"))) {
            for (Map.Entry<String, Run> e : runs.entrySet()) {
                long[] lat = null;
                for (int pass = 0; pass < 3; pass++) { // pass 0 warms the JIT up
                    lat = measure(e.getValue(), engine, m1.symbol(), bars, events);
                }
                double mean = java.util.Arrays.stream(lat).average().orElse(0) / 1000.0;
                Bench.report(NAME, e.getKey() + " mean per decision bar", mean, "µs");
                Bench.report(NAME, e.getKey() + " p99 per decision bar", Bench.percentileMicros(lat, 99), "µs");
            }
        }
    }

    /**
     * The cost this area adds to the {@code full} preset, end to end (trades → DataProvider → orchestrator, synchronous,
     * max speed, tape ×3): decision latency per 1m close and decisions per second, full as shipped vs full without the
     * twelve modules, both without neural fusion (whose background training makes the decision thread wait at its
     * install point and would hide the difference; OrchestratorBench measures it).
     */
    @Test
    void fullPresetWithAndWithoutThisAreasModules() throws Exception {
        TradeTape tape = BundledData.bitstampTrades().repeated(3);
        OrchestratorConfig full = ConfigFiles.preset("full").withSynchronous(true)
                .withFaults(new org.concord.orchestrator.config.FaultPolicy(1_000_000, 3, 100, 20, 10_000))
                .withModuleEnabled("neural-fusion", false);
        OrchestratorConfig without = full.withModules(full.modules().stream().filter(m -> !AREA.contains(m.id())).toList());
        Bench.note("machine: " + Bench.machine());
        Bench.note(String.format(Locale.ROOT, "input: bundled Bitstamp tape x3 (%,d trades), synchronous, max speed, neural-fusion off", tape.size()));
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT up
            for (OrchestratorConfig cfg : List.of(without, full)) {
                String label = cfg == full ? "full (with this area's 12 modules)" : "full without this area's modules";
                long[] lat;
                double seconds;
                try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("e" + round + cfg.modules().size()))) {
                    long[] start = new long[1];
                    List<Long> l = new ArrayList<>(30_000);
                    engine.data().subscribeBarCloses((sy, tf, t, o, h, lo, c, v) -> {
                        if (tf == Timeframe.M1) {
                            start[0] = System.nanoTime();
                        }
                    });
                    TradingOrchestrator orch = TradingOrchestrator.on(engine.data(), cfg, null, null).start();
                    engine.data().subscribeBarCloses((sy, tf, t, o, h, lo, c, v) -> {
                        if (tf == Timeframe.M1) {
                            l.add(System.nanoTime() - start[0]);
                        }
                    });
                    ReplayFeed feed = new ReplayFeed(tape, engine.data(), ReplayFeed.MAX_SPEED, false);
                    long t0 = System.nanoTime();
                    feed.start();
                    if (!feed.awaitFinished(10, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("replay did not finish");
                    }
                    seconds = (System.nanoTime() - t0) / 1e9;
                    lat = l.stream().mapToLong(Long::longValue).toArray();
                    long running = orch.modules().stream().filter(m -> m.state().name().equals("RUNNING")).count();
                    if (running != cfg.modules().stream().filter(m -> m.enabled()).count()) {
                        Bench.note("WARNING: only " + running + " modules running at the end of " + label);
                    }
                    orch.close();
                }
                if (round > 0) {
                    Bench.report(NAME, "decision latency p50, " + label, Bench.percentileMicros(lat, 50), "µs");
                    Bench.report(NAME, "decision latency p99, " + label, Bench.percentileMicros(lat, 99), "µs");
                    Bench.report(NAME, "decisions/s end to end, " + label, lat.length / seconds, "dec/s");
                }
            }
        }
    }

    private static final java.util.Set<String> AREA = java.util.Set.of("market-analysis", "multi-timeframe", "supertrend",
            "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle", "mean-reversion", "trend", "composite", "macro-gate", "crash-pattern");

    private record Run(Supplier<OrchestratorModule> make, String yaml) {
    }

    private static long[] measure(Run run, ConcordRuntime engine, Symbol sym, Map<Timeframe, BarSeries> bars, List<Event> events) throws Exception {
        AtomicLong clock = new AtomicLong(Long.MIN_VALUE);
        OrchestratorModule m = run.make().get();
        m.initialize(new ModuleContext(engine.data(), ModuleFixture.settings(run.yaml()), List.of(sym), Timeframe.M1, clock::get,
                LoggerFactory.getLogger("bench"), new ModuleContext.Services() {
                    @Override
                    public <T> Optional<T> get(Class<T> type) {
                        return Optional.empty();
                    }
                }));
        long[] lat = new long[bars.get(Timeframe.M1).size()];
        int n = 0;
        long sink = 0;
        long start = System.nanoTime();
        for (Event ev : events) {
            BarSeries s = bars.get(ev.tf());
            int i = ev.index();
            clock.set(ev.tf().closeTime(s.time(i)));
            if (m.timeframes().contains(ev.tf())) {
                m.onBarClose(sym, ev.tf(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
            }
            if (ev.tf() == Timeframe.M1) {
                double[] f = m.features(sym);
                List<Prediction> p = m.predictions(sym);
                sink += f.length + p.size();
                long now = System.nanoTime();
                lat[n++] = now - start;
                start = now;
            }
        }
        m.close();
        if (sink == 42) {
            System.out.print("");
        }
        return lat;
    }

    /** Closes of all timeframes in time order, shortest timeframe first at one instant (as the DataProvider emits them). */
    private static List<Event> interleave(Map<Timeframe, BarSeries> bars, List<Timeframe> tfs) {
        List<Event> out = new ArrayList<>();
        int[] pos = new int[tfs.size()];
        while (true) {
            int best = -1;
            long bestClose = Long.MAX_VALUE;
            for (int k = 0; k < tfs.size(); k++) {
                BarSeries s = bars.get(tfs.get(k));
                if (pos[k] < s.size() && tfs.get(k).closeTime(s.time(pos[k])) < bestClose) {
                    best = k;
                    bestClose = tfs.get(k).closeTime(s.time(pos[k]));
                }
            }
            if (best < 0) {
                return out;
            }
            out.add(new Event(tfs.get(best), pos[best]++));
        }
    }
}
