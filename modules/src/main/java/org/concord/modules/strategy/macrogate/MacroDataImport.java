package org.concord.modules.strategy.macrogate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.data.CsvBarImporter;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.DataDirs;
import org.concord.orchestrator.ToggleResult;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.module.ModuleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Carries out a {@link MacroImportRequest} in the process that runs the orchestrator, on the caller's thread
 * (blocking: file and store I/O, the module's reload): the file is imported by {@link CsvBarImporter}'s rules (bad
 * rows rejected and counted by reason, rows dated in the future refused, stored bars kept unless {@code replace}),
 * then the rule is written into the macro gate's settings (replacing the series' earlier rule; a {@code csv} it named
 * is kept) through {@link TradingOrchestrator#configure}, which persists it to concord.yaml and swaps in a gate
 * initialized with it, so it acts from the next bar and after a restart. The rule is stored without a {@code csv}:
 * the bars are in the store, and a moved or deleted file cannot stop the next start.
 *
 * <p><b>Every instrument's gate.</b> A session runs one orchestrator per instrument; DXY and VIX describe the whole
 * market, so the rule goes into the macro gate of each of them. The first orchestrator's settings are the ones read
 * and extended (it is the one that writes concord.yaml; the others run narrowed copies of the same file) and its
 * verdict is the one reported; the others take the same settings after it.
 *
 * <p><b>Nothing applied on error.</b> A file that cannot be read, is not UTF-8 or has columns the importer does not
 * know fails before any row is written; a file with no usable row writes nothing; in both cases the rule is not
 * added. The gate's settings are untouched when the import fails.
 */
public final class MacroDataImport {
    private static final Logger LOG = LoggerFactory.getLogger(MacroDataImport.class);
    private static final List<InputIssue> COUNTED = List.of(InputIssue.MALFORMED, InputIssue.INVALID_PRICE, InputIssue.INCONSISTENT_OHLC,
            InputIssue.FUTURE, InputIssue.DUPLICATE, InputIssue.CORRECTION);
    private static final int STORED_LIMIT = 10_000;
    private static final long WAIT_SECONDS = 60;

    private final DataProvider data;
    private final Supplier<List<TradingOrchestrator>> orchestrators;

    /**
     * @param orchestrators the orchestrators running now, one per instrument, the one that writes concord.yaml first
     *                      (a preset switch replaces them)
     */
    public MacroDataImport(DataProvider data, Supplier<List<TradingOrchestrator>> orchestrators) {
        if (data == null || orchestrators == null) {
            throw new IllegalArgumentException("DataProvider and orchestrators are required");
        }
        this.data = data;
        this.orchestrators = orchestrators;
    }

    /** Imports, applies the rule, reports; never throws for a bad file or rule (the report says why). */
    public MacroImportReport run(MacroImportRequest r) {
        MacroRule rule;
        try {
            rule = r.rule();
        } catch (IllegalArgumentException e) {
            return MacroImportReport.failed(r.id(), r.symbol(), e.getMessage());
        }
        String ruleText = describe(rule);
        List<TradingOrchestrator> all = orchestrators.get();
        if (all.isEmpty()) {
            return MacroImportReport.failed(r.id(), r.symbol(), "no orchestrator is running: nothing imported");
        }
        TradingOrchestrator orch = all.get(0);
        ObjectNode settings = orch.config().module(MacroGateModule.ID).map(ModuleEntry::settings)
                .filter(JsonNode::isObject).map(ObjectNode.class::cast).orElseGet(JsonNodeFactory.instance::objectNode);
        Timeframe tf;
        try {
            tf = Timeframe.ofCode(settings.path("timeframe").asText("1d"));
        } catch (IllegalArgumentException e) {
            return MacroImportReport.failed(r.id(), r.symbol(), "the macro gate's timeframe setting: " + e.getMessage());
        }
        Path file = DataDirs.resolve(data, r.file().trim());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return MacroImportReport.failed(r.id(), rule.symbol().code(), "cannot read " + file + ": "
                    + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        String source = "csv " + file.getFileName();
        InputQuality q = data.quality();
        long[] before = counts(q, source);
        CsvBarImporter.Result res;
        try {
            res = CsvBarImporter.importFile(file, rule.symbol(), tf, data, new CsvBarImporter.Options(r.replace(), false));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("macro import of {} as {} refused: {}", file, rule.symbol(), e.getMessage());
            return MacroImportReport.failed(r.id(), rule.symbol().code(), file.getFileName() + ": " + e.getMessage() + " (nothing imported)");
        }
        Map<String, Long> rejected = rejections(q, source, before);
        if (res.firstTime() == Long.MIN_VALUE) {
            String why = file.getFileName() + ": no usable rows (" + res.rows() + " read" + (rejected.isEmpty() ? "" : ", all rejected")
                    + "): nothing imported, the rule is not added";
            return report(r, false, why, ruleText, res, rejected, new BarSeries(rule.symbol(), tf, 1), "", true);
        }
        data.flush();
        BarSeries stored = data.bars(rule.symbol(), tf, Long.MIN_VALUE, Long.MAX_VALUE, STORED_LIMIT, Direction.LATEST);
        ObjectNode next = withRule(settings, rule);
        ToggleResult applied = null;
        for (TradingOrchestrator o : all) {
            try {
                ToggleResult t = o.configure(MacroGateModule.ID, next).get(WAIT_SECONDS, TimeUnit.SECONDS);
                applied = applied == null ? t : applied;
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                String why = "the bars were imported, but the macro gate" + (o == orch ? "" : " of " + o.config().symbols())
                        + " did not take the rule: " + c.getMessage();
                LOG.warn("macro import: {}", why);
                return report(r, false, why, ruleText, res, rejected, stored, "", true);
            }
        }
        String gate;
        boolean allow = true;
        if (applied.state() == ModuleState.RUNNING) {
            gate = verdict(orch);
            allow = !gate.startsWith("BLOCK");
        } else {
            gate = "the macro gate is " + applied.state() + ": the rule is saved in concord.yaml and acts once the gate is switched on";
        }
        LOG.info("macro import: {} ({}); rule {} applied; gate: {}", res.summary(), rejected, ruleText, gate);
        return report(r, true, "", ruleText, res, rejected, stored, gate, allow);
    }

    private static MacroImportReport report(MacroImportRequest r, boolean ok, String error, String rule, CsvBarImporter.Result res,
                                            Map<String, Long> counted, BarSeries stored, String gate, boolean allow) {
        int n = stored.size();
        // the importer sends every row of a new day, repeats within the file included; the DataProvider then drops an
        // equal repeat (DUPLICATE) or lets the later row win (CORRECTION, also counted for each stored bar replaced):
        // report the days added and only the file's own repeats
        Map<String, Long> rejected = new LinkedHashMap<>(counted);
        long corrections = rejected.getOrDefault(InputIssue.CORRECTION.name(), 0L) - res.replaced();
        if (corrections > 0) {
            rejected.put(InputIssue.CORRECTION.name(), corrections);
        } else {
            rejected.remove(InputIssue.CORRECTION.name());
        }
        long repeats = rejected.getOrDefault(InputIssue.DUPLICATE.name(), 0L) + Math.max(0, corrections);
        int added = (int) Math.max(0, res.added() - repeats);
        return new MacroImportReport(r.id(), ok, error, res.symbol().code(), rule, res.rows(), added, res.unchanged(), res.replaced(),
                res.kept(), rejected, res.firstTime(), res.lastTime(), n, n == 0 ? Long.MIN_VALUE : stored.time(0),
                n == 0 ? Long.MIN_VALUE : stored.time(n - 1), gate, allow);
    }

    private static String verdict(TradingOrchestrator orch) {
        try {
            return orch.command(MacroGateModule.ID, "status", Map.of()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "verdict not available: " + e.getMessage();
        }
    }

    /** The gate's settings with {@code rule} as the series' only rule (its earlier rule's csv kept). */
    static ObjectNode withRule(ObjectNode settings, MacroRule rule) {
        ObjectNode out = settings.deepCopy();
        ArrayNode series = out.withArray("series");
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("symbol", rule.symbol().code());
        e.put("allowWhen", rule.kind().code);
        if (rule.kind().ma()) {
            e.put("period", rule.period());
        } else {
            e.put("level", rule.level());
        }
        for (int i = 0; i < series.size(); i++) {
            JsonNode old = series.get(i);
            if (rule.symbol().code().equalsIgnoreCase(old.path("symbol").asText())) {
                if (old.hasNonNull("csv")) {
                    e.set("csv", old.get("csv"));
                }
                series.set(i, e);
                return out;
            }
        }
        series.add(e);
        return out;
    }

    /** "VIX below 20", "DXY belowMa 200". */
    static String describe(MacroRule r) {
        return r.symbol() + " " + r.kind().code + " " + (r.kind().ma() ? Integer.toString(r.period())
                : String.format(Locale.ROOT, "%s", stripZeros(r.level())));
    }

    private static String stripZeros(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static long[] counts(InputQuality q, String source) {
        long[] c = new long[COUNTED.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = q.count(source, COUNTED.get(i));
        }
        return c;
    }

    private static Map<String, Long> rejections(InputQuality q, String source, long[] before) {
        long[] after = counts(q, source);
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < after.length; i++) {
            if (after[i] > before[i]) {
                m.put(COUNTED.get(i).name(), after[i] - before[i]);
            }
        }
        return m;
    }
}
