package org.concord.modules.strategy.macrogate;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.data.CsvBarImporter;
import org.concord.data.DataProvider;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.DataDirs;
import org.concord.modules.strategy.Settings;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.store.Direction;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * ALLOW/BLOCK from external series (DXY against its 200-bar average, VIX under 20...), read through the
 * DataProvider; CSV files named in the settings are imported into it first ({@link CsvBarImporter}). The gate
 * allows when every rule passes; a rule without data (no bar closed yet at the decision time, or too few bars for
 * its average) counts as {@code missing: allow} (default) or {@code block}. With no series configured it reports
 * "no data" and allows.
 *
 * <p><b>No lookahead.</b> The series are read once (at initialize and on the {@code reload} command, on a background
 * thread, swapped in atomically) and kept in memory; at a decision time T the gate uses, per series, the newest bar
 * whose <em>close</em> time ({@code open + timeframe}) is at or before T. A daily bar stamped 2024-01-02 counts from
 * 2024-01-03 00:00 UTC on.
 *
 * <p>The gate is not a direction: its prediction is HOLD with confidence 0 and the verdict in the rationale
 * ("ALLOW: DXY 101.2 < MA200 103.4; VIX 14.1 < 20"); give it weight 0 in the fusion and read the verdict from its
 * features ({@code allow}) or {@link #verdict()} (the composite does).
 *
 * <p>Settings: {@code timeframe} (of the series, 1d), {@code maxBars} 10000 (per series, newest), {@code missing}
 * allow|block, {@code replaceStored} false (a CSV row that differs from a stored bar replaces it only when true; by
 * default the stored bar is kept and the row counted), {@code series}: a list of {@code {symbol, allowWhen: below|above|belowMa|aboveMa, level, period
 * (200), csv (optional; relative paths are inside the data directory)}}. Features: {@code allow}, {@code rules},
 * {@code passed}, {@code missing}, then per series {@code <SYMBOL>.ok} (+1 pass, −1 fail, 0 no data) and
 * {@code <SYMBOL>.distance} (close / reference − 1).
 */
@ModuleInfo(id = MacroGateModule.ID, description = "Macro gate: ALLOW/BLOCK from external series (DXY, VIX...) imported from CSV",
        settings = {"timeframe", "maxBars", "missing", "replaceStored", "series"})
public final class MacroGateModule implements OrchestratorModule {
    public static final String ID = "macro-gate";
    private static final Logger LOG = LoggerFactory.getLogger(MacroGateModule.class);

    /** The gate's verdict at a time: allow or block, with the reason. */
    public record Verdict(boolean allow, String reason) {
    }

    private Timeframe timeframe = Timeframe.D1;
    private Timeframe decisionTf = Timeframe.M1;
    private int maxBars = 10_000;
    private boolean missingAllows = true;
    private CsvBarImporter.Options importOptions = CsvBarImporter.Options.DEFAULT;
    private List<MacroRule> rules = List.of();
    private List<String> names = List.of();
    private DataProvider data;
    private LongSupplier clock = () -> 0L;
    private volatile List<MacroSeries> snapshot = List.of();
    private ExecutorService reloader;
    // the verdict of the last decision time asked (features and predictions ask for the same one)
    private long evaluatedAt = Long.MIN_VALUE;
    private List<MacroSeries> evaluatedOn;
    private boolean allow = true;
    private int passed;
    private int missing;
    private double[] out = new double[0];
    private double[] values = new double[0];
    private double[] refs = new double[0];
    private int[] ok = new int[0];

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        Settings s = new Settings(ID, ctx.settings());
        clock = ctx.clock();
        data = ctx.data();
        decisionTf = ctx.decisionTimeframe();
        timeframe = s.timeframe("timeframe", Timeframe.D1);
        maxBars = s.integer("maxBars", 10_000, 1);
        missingAllows = s.choice("missing", "allow", "allow", "block").equals("allow");
        importOptions = new CsvBarImporter.Options(s.flag("replaceStored", false), false);
        rules = parseRules(s.node("series"));
        s.rejectUnknown();
        for (MacroRule r : rules) {
            if (r.csv() != null && !Files.isRegularFile(r.csv())) {
                throw new IllegalArgumentException("module " + ID + ": csv file for " + r.symbol() + " not found: " + r.csv());
            }
        }
        List<String> n = new ArrayList<>(List.of("allow", "rules", "passed", "missing"));
        for (MacroRule r : rules) {
            n.add(r.symbol() + ".ok");
            n.add(r.symbol() + ".distance");
        }
        names = List.copyOf(n);
        out = new double[names.size()];
        values = new double[rules.size()];
        refs = new double[rules.size()];
        ok = new int[rules.size()];
        snapshot = load();
    }

    private List<MacroRule> parseRules(JsonNode list) {
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("module " + ID + ": setting 'series' must be a list, got " + list);
        }
        List<MacroRule> out = new ArrayList<>();
        Set<Symbol> seen = new HashSet<>();
        int i = 0;
        for (JsonNode e : list) {
            Settings r = new Settings(ID + ".series[" + i++ + "]", e);
            String sym = r.text("symbol", null);
            String when = r.text("allowWhen", null);
            if (sym == null || when == null) {
                throw new IllegalArgumentException("module " + ID + ": every series needs 'symbol' and 'allowWhen', got " + e);
            }
            MacroRule.Kind kind = MacroRule.Kind.of(when);
            if (!kind.ma() && !r.has("level")) {
                throw new IllegalArgumentException("module " + ID + ": series " + sym + " needs a finite level for allowWhen " + when);
            }
            double level = kind.ma() ? Double.NaN : r.number("level", 0, -Double.MAX_VALUE, Double.MAX_VALUE);
            int period = kind.ma() ? r.integer("period", 200, 1) : 0;
            String csv = r.text("csv", null);
            r.rejectUnknown();
            MacroRule rule = new MacroRule(Symbol.of(sym), kind, level, period, csv == null ? null : DataDirs.resolve(data, csv));
            if (!seen.add(rule.symbol())) {
                throw new IllegalArgumentException("module " + ID + ": series " + rule.symbol() + " is listed twice");
            }
            out.add(rule);
        }
        return List.copyOf(out);
    }

    /** Imports the configured files and reads every series from the DataProvider (not on the decision thread). */
    private List<MacroSeries> load() {
        List<MacroSeries> loaded = new ArrayList<>();
        for (MacroRule r : rules) {
            BarSeries bars = new BarSeries(r.symbol(), timeframe, 1);
            if (data != null) {
                if (r.csv() != null) {
                    try {
                        CsvBarImporter.importFile(r.csv(), r.symbol(), timeframe, data, importOptions);
                    } catch (Exception e) {
                        LOG.error("macro-gate: cannot import {} for {}: {} (using the bars already stored)", r.csv(), r.symbol(), e.toString());
                    }
                }
                bars = data.bars(r.symbol(), timeframe, Long.MIN_VALUE, Long.MAX_VALUE, maxBars, Direction.LATEST);
            }
            loaded.add(new MacroSeries(r, bars));
        }
        return List.copyOf(loaded);
    }

    /**
     * Re-imports and re-reads the series on the module's reload thread (reloads run one after the other, in the order
     * asked); the new data apply from the next decision after it completes.
     */
    public synchronized CompletableFuture<Integer> reload() {
        if (reloader == null) {
            reloader = Executors.newSingleThreadExecutor(Daemons.named("macro-gate-reload"));
        }
        return CompletableFuture.supplyAsync(() -> {
            List<MacroSeries> s = load();
            snapshot = s;
            return s.stream().mapToInt(MacroSeries::size).sum();
        }, reloader);
    }

    @Override
    public synchronized void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    @Override
    public String command(String name, Map<String, String> args) {
        return switch (name) {
            case "reload" -> {
                reload();
                yield "reloading " + rules.size() + " series";
            }
            case "status" -> verdict().reason();
            default -> OrchestratorModule.super.command(name, args);
        };
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    /** Bars of the series in memory now (for tests and the status panel). */
    public int barsLoaded() {
        return snapshot.stream().mapToInt(MacroSeries::size).sum();
    }

    private void evaluate() {
        long now = clock.getAsLong();
        List<MacroSeries> snap = snapshot;
        if (now == evaluatedAt && snap == evaluatedOn) {
            return;
        }
        evaluatedAt = now;
        evaluatedOn = snap;
        passed = 0;
        missing = 0;
        for (int k = 0; k < snap.size(); k++) {
            MacroSeries s = snap.get(k);
            MacroRule r = s.rule;
            int i = s.at(now);
            double v = i < 0 ? Double.NaN : s.close(i);
            double ref = i < 0 ? Double.NaN : r.kind().ma() ? s.average(i, r.period()) : r.level();
            values[k] = v;
            refs[k] = ref;
            if (Double.isNaN(v) || Double.isNaN(ref)) {
                ok[k] = 0;
                missing++;
            } else if (r.passes(v, ref)) {
                ok[k] = 1;
                passed++;
            } else {
                ok[k] = -1;
            }
        }
        allow = passed + missing == snap.size() && (missing == 0 || missingAllows);
    }

    /** Whether the gate allows at the decision clock (no text built: for the composite's every decision). */
    public boolean allows() {
        evaluate();
        return evaluatedOn.isEmpty() || allow;
    }

    /** The verdict at the decision clock. */
    public Verdict verdict() {
        evaluate();
        List<MacroSeries> snap = evaluatedOn;
        if (snap.isEmpty()) {
            return new Verdict(true, "ALLOW: no data (no macro series configured)");
        }
        StringBuilder sb = new StringBuilder(96).append(allow ? "ALLOW: " : "BLOCK: ");
        for (int k = 0; k < snap.size(); k++) {
            MacroRule r = snap.get(k).rule;
            if (k > 0) {
                sb.append("; ");
            }
            sb.append(r.symbol());
            if (ok[k] == 0) {
                sb.append(" no data");
                continue;
            }
            Fmt.num(sb.append(' '), values[k]).append(ok[k] > 0 ? " " : " not ").append(r.kind().op).append(' ');
            if (r.kind().ma()) {
                sb.append("MA").append(r.period()).append(' ');
            }
            Fmt.num(sb, refs[k]);
        }
        if (missing > 0) {
            sb.append(missingAllows ? " (missing data allows)" : " (missing data blocks)");
        }
        return new Verdict(allow, sb.toString());
    }

    @Override
    public double[] features(Symbol symbol) {
        evaluate();
        double[] o = out;
        o[0] = allow ? 1 : 0;
        o[1] = rules.size();
        o[2] = passed;
        o[3] = missing;
        for (int k = 0; k < evaluatedOn.size(); k++) {
            o[4 + 2 * k] = ok[k];
            o[5 + 2 * k] = ok[k] == 0 || refs[k] == 0 ? 0 : values[k] / refs[k] - 1;
        }
        return o;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of(new Prediction(ID, symbol, clock.getAsLong(), Action.HOLD, 0, decisionTf, 1, verdict().reason()));
    }

    @Override
    public void reset() {
        evaluatedAt = Long.MIN_VALUE;
        evaluatedOn = null;
    }
}
