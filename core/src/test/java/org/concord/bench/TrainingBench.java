package org.concord.bench;

import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.RealBars;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.frames.SeriesWindowSource;
import org.concord.training.frames.WindowSource;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.Metrics;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.MetaFeatures;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.ModelVote;
import org.concord.training.models.StaleGuard;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Training benchmarks (figures in docs/training.md): out-of-sample metrics on the bundled real data, walk-forward
 * training time on 260,000 1-minute bars, and inference latency/throughput per decision.
 * {@code mvn -B -Pbench -pl core -am test -Dtest=TrainingBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingBench {
    static final FrameSpec SPEC = FrameSpec.of(60, Timeframe.M1, Timeframe.M5, Timeframe.H1);
    static final CnnSignalModel.Config CNN = new CnnSignalModel.Config(16, 32, 3, 256, 0.002f);
    static Path modelDir;

    @Test
    @Order(1)
    void outOfSampleMetricsOnTheBundledRealData() throws Exception {
        Bench.note("machine: " + Bench.machine() + "; load average at start: " + loadAverage());
        SampleSet s = new SampleBuilder(new FrameBuilder(RealBars.source(), SPEC), new TripleBarrier(BarrierConfig.DEFAULT))
                .fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), 1);
        for (boolean balanced : new boolean[] {false, true}) {
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Config(4, -1, 15, CNN.withBalanced(balanced), 3, 3, 1000, 1000, 42));
            try (TrainingResult r = loop.run(s, null, null)) {
                String tag = balanced ? "balanced " : "";
                Bench.note(String.format(Locale.ROOT, "OOS data: bundled Bitstamp BTC/USD trades → %d 1m bars, %d samples (every 1m close), frames %s, "
                        + "triple-barrier %s; 4 walk-forward folds, purge + 15-bar embargo; CNN %s", r.barsCovered(), r.samples(), SPEC.describe(),
                        BarrierConfig.DEFAULT, CNN.withBalanced(balanced)));
                report(tag + "oos all folds", r.oos());
                report(tag + "holdout (deployed CNN)", r.holdout());
                for (int i = 0; i < r.folds().size(); i++) {
                    report(tag + "fold " + (i + 1), r.folds().get(i));
                }
                r.oos().perClass().forEach((k, v) -> Bench.note(String.format(Locale.ROOT, "%soos %s precision %.3f recall %.3f support %d", tag, k,
                        v.precision(), v.recall(), v.support())));
                Bench.note(tag + "meta candidates: " + r.metaCandidates());
                Bench.note(tag + "meta winner: " + r.metaWinner());
                Bench.note(tag + "top CNN channel importance (accuracy drop, points): " + top(r.channelImportance()));
                if (!balanced) {
                    modelDir = Files.createTempDirectory("bench-model");
                    ModelRepository repo = new ModelRepository(modelDir);
                    ModelManifest m = repo.save("cnn-btcusd", RealBars.symbol(), SPEC, BarrierConfig.DEFAULT, r, System.currentTimeMillis());
                    org.concord.training.TrainedModels.activate(repo, "cnn-btcusd", m.version());
                }
            }
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static void report(String what, Metrics m) {
        Bench.report("training oos", what + " accuracy", 100 * m.accuracy(), "%");
        Bench.report("training oos", what + " majority baseline", 100 * m.baselineAccuracy(), "%");
        Bench.report("training oos", what + " AUC (macro OvR)", m.auc(), "");
        Bench.note(what + ": " + m);
    }

    private static String top(Map<String, Double> imp) {
        return imp.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList().toString();
    }

    @Test
    @Order(2)
    void walkForwardTrainingTimeOn260kOneMinuteBars() {
        int copies = 28;
        TradeTape tape = BundledData.bitstampTrades().repeated(copies);
        Map<Timeframe, BarSeries> all = RealBars.aggregate(tape);
        BarSeries m1All = all.get(Timeframe.M1);
        int n = 260_000;
        long end = Timeframe.M1.closeTime(m1All.time(n - 1));
        Map<Timeframe, BarSeries> bars = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : SPEC.timeframes()) {
            BarSeries s = all.get(tf);
            bars.put(tf, s.copyRange(0, s.lowerBound(end - tf.millis() + 1)));
        }
        Bench.note(String.format(Locale.ROOT, "260K input: bundled tape (100,000 trades) repeated %d× by TradeTape.repeated (copies shifted by whole days, "
                + "price-scaled to join), aggregated by TradeAggregator; first %,d of %,d 1m bars kept (5m/1h cut at the same instant). "
                + "Repeated copies make test folds resemble training folds: these metrics are NOT out-of-sample evidence.", copies, n, m1All.size()));
        for (int stride : new int[] {4, 2}) {
            long t0 = System.nanoTime();
            SampleSet s = new SampleBuilder(new FrameBuilder(new SeriesWindowSource(bars), SPEC), new TripleBarrier(BarrierConfig.DEFAULT))
                    .fromHistory(RealBars.symbol(), bars.get(Timeframe.M1), stride);
            long t1 = System.nanoTime();
            TrainingLoop loop = new TrainingLoop(new TrainingLoop.Config(4, -1, 15, new CnnSignalModel.Config(16, 32, 2, 256, 0.002f), 3, 1, 1000, 1000, 42));
            try (TrainingResult r = loop.run(s, null, null)) {
                long t2 = System.nanoTime();
                String what = String.format(Locale.ROOT, "260K 1m bars, stride %d (%,d samples)", stride, r.samples());
                Bench.report("training time", what + " samples+labels", (t1 - t0) / 1e9, "s");
                Bench.report("training time", what + " walk-forward train", (t2 - t1) / 1e9, "s");
                Bench.report("training time", what + " total", (t2 - t0) / 1e9, "s");
                Bench.note(what + ": 4 folds × 2 epochs CNN(16 filters, window 60, 18 channels) + meta search (1 MLP + 1 XGBoost on 3 folds); oos " + r.oos());
            }
        }
    }

    @Test
    @Order(3)
    void inferenceLatencyAndThroughputPerDecision() throws Exception {
        if (modelDir == null) {
            outOfSampleMetricsOnTheBundledRealData();
        }
        Path dir = Files.createTempDirectory("bench-infer");
        TradeTape tape = BundledData.bitstampTrades();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db")); DataProvider dp = new DataProvider(new BarStore(db));
             ModelBundle model = new ModelRepository(modelDir).loadCurrentOrColdStart("cnn-btcusd", SPEC, StaleGuard.DEFAULT)) {
            RealBars.feed(dp, tape);
            FrameBuilder fb = new FrameBuilder(WindowSource.of(dp), SPEC);
            BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
            int decisions = 5_000;
            long[] lat = new long[decisions];
            long[] latFrame = new long[decisions];
            long[] latModel = new long[decisions];
            for (int w = 0; w < 2_000; w++) {
                long t = Timeframe.M1.closeTime(m1.time(100 + w));
                model.predict(fb.build(RealBars.symbol(), t).input(), t);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                long t = Timeframe.M1.closeTime(m1.time(100 + i));
                long a = System.nanoTime();
                Frame f = fb.build(RealBars.symbol(), t);
                long b = System.nanoTime();
                ModelVote s = model.predict(f.input(), t);
                long e = System.nanoTime();
                lat[i] = e - a;
                latFrame[i] = b - a;
                latModel[i] = e - b;
                if (s.coldStart()) {
                    throw new IllegalStateException("bench model not loaded");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Bench.note("load average: " + loadAverage());
            Bench.note("per decision = frame from DataProvider.multiTimeframe (1m/5m/1h × 60) + CNN + meta-model (" + model.manifest().metaKind()
                    + "), single thread, PyTorch 1 intra-op thread");
            Bench.report("inference", "latency p50 per decision", Bench.percentileMicros(lat, 50), "us");
            Bench.report("inference", "latency p99 per decision", Bench.percentileMicros(lat, 99), "us");
            Bench.report("inference", "single-threaded signals/s", decisions / seconds, "1/s");
            Bench.report("inference", "  of which frame build p50", Bench.percentileMicros(latFrame, 50), "us");
            Bench.report("inference", "  of which frame build p99", Bench.percentileMicros(latFrame, 99), "us");
            Bench.report("inference", "  of which CNN + meta p50", Bench.percentileMicros(latModel, 50), "us");
            Bench.report("inference", "  of which CNN + meta p99", Bench.percentileMicros(latModel, 99), "us");

            // batched: frames built ahead, CNN on 256 frames per call + meta-model per row
            int batch = 256;
            int len = SPEC.inputLength();
            float[] inputs = new float[batch * len];
            for (int j = 0; j < batch; j++) {
                long t = Timeframe.M1.closeTime(m1.time(500 + j));
                System.arraycopy(fb.build(RealBars.symbol(), t).input(), 0, inputs, j * len, len);
            }
            float[] probs = new float[batch * 3];
            int width = MetaFeatures.length(SPEC);
            float[] meta = new float[width];
            double ops = Bench.throughput(5, 10, batch * 20L, () -> {
                for (int k = 0; k < 20; k++) {
                    model.cnn().probabilitiesBatch(inputs, batch, probs);
                    for (int j = 0; j < batch; j++) {
                        MetaFeatures.compute(SPEC, inputs, j * len, probs, j * 3, meta, 0);
                        if (model.meta() != null) {
                            model.meta().probability(meta, 0);
                        }
                    }
                }
            });
            Bench.report("inference", "batched signals/s (CNN batch 256 + meta)", ops, "1/s");
            double cnnOnly = Bench.throughput(5, 10, batch * 20L, () -> {
                for (int k = 0; k < 20; k++) {
                    model.cnn().probabilitiesBatch(inputs, batch, probs);
                }
            });
            Bench.report("inference", "batched CNN-only signals/s (batch 256)", cnnOnly, "1/s");
        }
    }
}
