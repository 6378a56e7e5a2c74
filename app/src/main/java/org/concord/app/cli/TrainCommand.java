package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.concord.bus.BusFactory;
import org.concord.bus.EventBus;
import org.concord.store.Direction;
import org.concord.data.TradeAggregator;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.training.eval.Calibration;
import org.concord.training.eval.PromotionGate;
import org.concord.training.eval.Scorecard;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.frames.SeriesWindowSource;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.Metrics;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingProgress;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code concord train}: trains the signal model (1-D CNN + meta-model) with the walk-forward {@link TrainingLoop} on
 * the bundled real trades or the bars in the store over {@code --from/--to}, prints a line per epoch and fold,
 * saves the version through the {@link ModelRepository} (manifest, hashes) and writes the metrics as JSON.
 * Exit codes: 0 trained and saved (and activated when asked), 2 bad arguments, 1 failure (too little data, training
 * error), 3 trained and saved but not activated: {@code --activate} and the version is below the promotion gate.
 * With {@code --bus} the model's owner on that bus trains it instead ({@link RemoteTraining}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the signal model (walk-forward) on the bundled data or the store and save it with its manifest.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", defaultValue = "bundled", description = "bundled (the real Bitstamp trades shipped with Concord) or store (bars in the data dir)")
    String source;

    @Option(names = "--symbol", defaultValue = "BTCUSD", description = "symbol (store source; the bundled data is BTCUSD)")
    String symbol;

    @Option(names = "--model-id", description = "model id (default cnn-<symbol in lower case>)")
    String modelId;

    @Option(names = "--window", defaultValue = "60", description = "bars per timeframe in a frame (1m, 5m, 1h)")
    int window;

    @Option(names = "--epochs", defaultValue = "3", description = "CNN epochs per fold")
    int epochs;

    @Option(names = "--folds", defaultValue = "4", description = "walk-forward folds")
    int folds;

    @Option(names = "--stride", defaultValue = "1", description = "a sample every N 1m bars")
    int stride;

    @Option(names = "--filters", defaultValue = "16", description = "CNN filters")
    int filters;

    @Option(names = "--meta-trials", defaultValue = "2", description = "random draws per meta-model kind")
    int metaTrials;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--activate", description = "make the new version the active one (the desktop loads it at start) if it passes the "
            + "promotion gate (out-of-sample lift over majority, always-long and always-flat, on accuracy and on P&L after costs)")
    boolean activate;

    @Option(names = "--activate-below-gate", description = "activate the new version even below the promotion gate: the confirmation "
            + "names the gap and is logged")
    boolean activateBelowGate;

    @Option(names = "--metrics", description = "metrics JSON file (default <data-dir>/reports/train-<model>-<version>.json)")
    Path metricsOut;

    @Option(names = "--bus", description = "redis://host:port: ask the process that owns the model (concord serve, a desk) to train it "
            + "through the training command API, and follow the job; nothing trains here")
    String bus;

    @Option(names = "--answer-timeout", defaultValue = "30", description = "with --bus: seconds to wait for the model's owner to answer")
    long answerTimeout;

    @Option(names = "--wait", defaultValue = "3600", description = "with --bus: seconds to wait for the job to end")
    long waitSeconds;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        Symbol sym = Symbol.of(symbol);
        String id = modelId != null ? modelId : "cnn-" + sym.code().toLowerCase(Locale.ROOT);
        if (bus != null) {
            try (EventBus remote = BusFactory.fromUri(RemoteTraining.cliUri(bus), common.dataDir())) {
                return RemoteTraining.ask(remote, id, "concord train --bus (CLI)", answerTimeout, waitSeconds, System.out, System.err);
            }
        }
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true")); // natives come from the jar
        FrameSpec frameSpec = FrameSpec.of(window, Timeframe.M1, Timeframe.M5, Timeframe.H1);
        PrintStream out = System.out;
        Path dataDir = common.dataDir();
        common.validatedConfig(dataDir);
        try (ConcordRuntime engine = new ConcordRuntime(dataDir)) {
            Map<Timeframe, BarSeries> bars = "bundled".equals(source) ? bundled() : stored(engine, sym, frameSpec);
            BarSeries m1 = bars.get(Timeframe.M1);
            if (m1.size() < TrainingLoop.Config.MIN_BARS) {
                System.err.printf(Locale.ROOT, "concord train: training needs at least %d bars of 1m history, got %d for %s%s%n",
                        TrainingLoop.Config.MIN_BARS, m1.size(), sym, range());
                return 1;
            }
            Symbol dataSymbol = m1.symbol();
            SeriesWindowSource windows = new SeriesWindowSource(bars);
            SampleSet samples = new SampleBuilder(new FrameBuilder(windows, frameSpec), new TripleBarrier(BarrierConfig.DEFAULT))
                    .fromHistory(dataSymbol, m1, stride);
            out.printf(Locale.ROOT, "train %s: %d 1m bars %s..%s, %d samples, frames %s, %d folds x %d epochs%n", id, m1.size(),
                    iso(m1.time(0)), iso(Timeframe.M1.closeTime(m1.lastTime())), samples.size(), frameSpec.describe(), folds, epochs);
            TrainingLoop.Config cfg = new TrainingLoop.Config(folds, -1, BarrierConfig.DEFAULT.horizonBars(),
                    new CnnSignalModel.Config(filters, 32, epochs, 128, 0.003f), 3, metaTrials, TrainingLoop.Config.MIN_BARS, 1000, seed);
            TrainingProgress progress = new TrainingProgress() {
                @Override
                public void onEpoch(int fold, int fs, int epoch, int es, int step, int steps, double loss) {
                    out.printf(Locale.ROOT, "epoch %d/%d (fold %d/%d, epoch %d/%d) loss %.4f%n", step, steps, fold, fs, epoch, es, loss);
                }

                @Override
                public void onFold(int fold, int fs, Metrics m, Scorecard b) {
                    out.printf(Locale.ROOT, "fold %d/%d out of sample: %s%n  baselines: %s%n", fold, fs, m, b.describe());
                }
            };
            try (TrainingResult r = new TrainingLoop(cfg).run(samples, progress, () -> Thread.currentThread().isInterrupted())) {
                ModelRepository repo = new ModelRepository(engine.dataDir().resolve("models"));
                ModelManifest m = repo.save(id, dataSymbol, frameSpec, BarrierConfig.DEFAULT, r, System.currentTimeMillis());
                PromotionGate.Verdict gate = PromotionGate.judge(m.baselines());
                boolean active = false;
                if (activateBelowGate || (activate && gate.passed())) {
                    // the repository applies the gate; below it the confirmation names the gap (and is logged)
                    repo.activate(id, m.version(), gate.passed() ? null
                            : new PromotionGate.Confirmation(gate.gap(), "concord train --activate-below-gate"));
                    active = true;
                }
                Path json = metricsOut != null ? metricsOut : engine.dataDir().resolve("reports").resolve("train-" + id + "-" + m.version() + ".json");
                writeMetrics(json, m, r, repo.root().resolve(id).resolve(m.version()), gate, active);
                out.printf(Locale.ROOT, "holdout %s; all out of sample %s%n", r.holdout(), r.oos());
                out.printf(Locale.ROOT, "out of sample vs baselines: %s%n", r.oosScore().describe());
                Calibration cal = r.calibration();
                out.printf(Locale.ROOT, "calibration: temperature %.3f; Brier %.4f raw, %.4f calibrated (out of fold), %.4f climatology%n",
                        cal.temperature(), cal.brier(), cal.brierCalibrated(), cal.brierClimatology());
                out.printf(Locale.ROOT, "promotion gate: %s — %s%n", gate.passed() ? "PASSED" : "BELOW", gate.gap());
                out.printf(Locale.ROOT, "saved %s %s%s in %s (%.1f s); metrics %s%n", id, m.version(),
                        active ? (gate.passed() ? " (active)" : " (active BELOW the promotion gate, confirmed)") : "",
                        repo.root().resolve(id).resolve(m.version()), r.trainingMillis() / 1000.0, json);
                if (activate && !active) {
                    System.err.printf(Locale.ROOT, "concord train: %s %s not activated: below the promotion gate (%s); "
                            + "pass --activate-below-gate to activate it anyway%n", id, m.version(), gate.gap());
                    return 3;
                }
                return 0;
            }
        }
    }

    private void checkArguments() {
        if (!"bundled".equals(source) && !"store".equals(source)) {
            bad("--source must be 'bundled' or 'store', got '" + source + "'");
        }
        if (activate && activateBelowGate) {
            bad("--activate and --activate-below-gate exclude each other (the second already activates)");
        }
        if (window < 4 || window > 2048 || epochs < 1 || epochs > 1000 || folds < 1 || folds > 50 || stride < 1 || filters < 1 || metaTrials < 0) {
            bad("need 4 <= --window <= 2048, 1 <= --epochs <= 1000, 1 <= --folds <= 50, --stride >= 1, --filters >= 1, --meta-trials >= 0");
        }
        try {
            Symbol.of(symbol);
            if (common.fromMillis(Long.MIN_VALUE) > common.toMillis(Long.MAX_VALUE)) {
                bad("--from is after --to");
            }
        } catch (IllegalArgumentException e) {
            bad(e.getMessage());
        }
        if ("bundled".equals(source) && !Symbol.of(symbol).equals(BundledData.BTCUSD)) {
            bad("the bundled data is " + BundledData.BTCUSD + "; use --source store for " + symbol);
        }
    }

    private void bad(String message) {
        throw new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The bundled real trades aggregated by the production aggregator, cut to --from/--to. */
    private Map<Timeframe, BarSeries> bundled() {
        TradeTape tape = BundledData.bitstampTrades();
        Map<Timeframe, BarSeries> all = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : List.of(Timeframe.M1, Timeframe.M5, Timeframe.H1)) {
            all.put(tf, new BarSeries(tape.symbol(), tf, 1024));
        }
        TradeAggregator agg = new TradeAggregator(tape.symbol(), (s, tf, t, o, h, l, c, v) -> {
            BarSeries b = all.get(tf);
            if (b != null) {
                b.append(t, o, h, l, c, v);
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        agg.advanceTo(tape.lastTime() + Timeframe.D1.millis() * 2);
        return cut(all);
    }

    private Map<Timeframe, BarSeries> stored(ConcordRuntime engine, Symbol sym, FrameSpec frameSpec) {
        Map<Timeframe, BarSeries> all = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : frameSpec.timeframes()) {
            all.put(tf, engine.data().bars(sym, tf, Long.MIN_VALUE, common.toMillis(Long.MAX_VALUE), Integer.MAX_VALUE, Direction.LATEST));
        }
        return cut(all);
    }

    /** 1m bars opening in [from, to]; coarser bars up to `to` (older ones feed the first frames' windows). */
    private Map<Timeframe, BarSeries> cut(Map<Timeframe, BarSeries> all) {
        long from = common.fromMillis(Long.MIN_VALUE);
        long to = common.toMillis(Long.MAX_VALUE);
        Map<Timeframe, BarSeries> out = new EnumMap<>(Timeframe.class);
        for (Map.Entry<Timeframe, BarSeries> e : all.entrySet()) {
            BarSeries b = e.getValue();
            int lo = e.getKey() == Timeframe.M1 ? b.lowerBound(from) : 0;
            int hi = to == Long.MAX_VALUE ? b.size() : b.lowerBound(to + 1);
            out.put(e.getKey(), b.copyRange(lo, Math.max(lo, hi)));
        }
        return out;
    }

    private void writeMetrics(Path json, ModelManifest m, TrainingResult r, Path versionDir, PromotionGate.Verdict gate, boolean active)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", 1);
        doc.put("modelId", m.modelId());
        doc.put("version", m.version());
        doc.put("symbol", m.symbol());
        doc.put("source", source);
        doc.put("modelDir", versionDir.toString());
        doc.put("active", active);
        doc.put("dataRange", Map.of("from", r.dataFrom(), "to", r.dataTo(), "bars", r.barsCovered(), "samples", r.samples()));
        doc.put("config", Map.of("window", window, "epochs", epochs, "folds", folds, "stride", stride, "filters", filters, "metaTrials", metaTrials,
                "seed", seed));
        List<Map<String, Object>> fs = new ArrayList<>();
        for (int i = 0; i < r.folds().size(); i++) {
            Map<String, Object> f = figures(r.folds().get(i));
            f.put("fold", i + 1);
            f.put("baselines", r.foldScores().get(i));
            fs.add(f);
        }
        doc.put("folds", fs);
        doc.put("oos", figures(r.oos()));
        doc.put("holdout", figures(r.holdout()));
        doc.put("baselines", r.oosScore());
        doc.put("holdoutBaselines", r.holdoutScore());
        doc.put("calibration", r.calibration());
        doc.put("gate", Map.of("passed", gate.passed(), "gap", gate.gap()));
        doc.put("metaKind", m.metaKind());
        doc.put("trainingMillis", r.trainingMillis());
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }

    private static Map<String, Object> figures(Metrics m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("n", m.n());
        f.put("accuracy", m.accuracy());
        f.put("auc", m.auc());
        f.put("baseline", m.baselineAccuracy());
        f.put("liftPoints", m.liftPoints());
        return f;
    }

    private String range() {
        return common.from == null && common.to == null ? "" : " in [" + (common.from == null ? "…" : common.from) + ", "
                + (common.to == null ? "…" : common.to) + "]";
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
