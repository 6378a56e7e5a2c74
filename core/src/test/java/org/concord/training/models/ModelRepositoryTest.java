package org.concord.training.models;

import org.concord.model.Action;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.TrainedModels;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.training.eval.Calibration;
import org.concord.training.eval.PromotionGate;
import org.concord.training.eval.Scorecard;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelRepositoryTest {
    @Test
    void manifestDescribesTheModelAndLoadingVerifiesHashes(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        assertThat(repo.versions(TrainedModels.MODEL_ID)).containsExactly("v000001", "v000002");
        ModelManifest m = repo.manifest(TrainedModels.MODEL_ID, "v000002");
        assertThat(m.schema()).isEqualTo(ModelManifest.SCHEMA);
        assertThat(m.baselines().n()).isEqualTo(m.oos().n());
        assertThat(m.calibration().reliability()).hasSize(10);
        assertThat(m.featureNames()).hasSize(18).contains("1m.close", "1h.volz");
        assertThat(m.cnnNormalization().mean()).hasSize(18);
        assertThat(m.files()).containsKey(ModelRepository.CNN_FILE).hasSize(2);
        assertThat(m.hash()).hasSize(64);
        assertThat(m.oos().n()).isPositive();
        assertThat(m.dataRange().bars()).isGreaterThan(1000);
        assertThat(m.metaKind()).isIn("mlp", "xgboost");
        String json = Files.readString(dir.resolve(TrainedModels.MODEL_ID).resolve("v000002").resolve("manifest.json"));
        assertThat(json).contains("\"modelId\" : \"cnn-btcusd\"").contains("\"holdout\"").contains("\"dataRange\"");

        // the same frame gives the same prediction from two independent loads
        Frame f = new FrameBuilder(RealBars.source(), TrainedModels.SPEC).build(RealBars.symbol(), Timeframe.M1.closeTime(RealBars.bitstamp().get(Timeframe.M1).time(5_000)));
        try (ModelBundle a = repo.load(TrainedModels.MODEL_ID, "v000002", StaleGuard.DEFAULT);
             ModelBundle b = repo.load(TrainedModels.MODEL_ID, "v000002", StaleGuard.DEFAULT)) {
            ModelVote sa = a.predict(f.input(), f.windowEnd());
            ModelVote sb = b.predict(f.input(), f.windowEnd());
            assertThat(sb).isEqualTo(sa);
            assertThat(sa.coldStart()).isFalse();
            assertThat(sa.modelVersion()).isEqualTo("v000002");
        }

        // a corrupted parameter file is detected: the model is not used, cold start says why
        TrainedModels.activate(repo, TrainedModels.MODEL_ID, "v000002");
        Path params = dir.resolve(TrainedModels.MODEL_ID).resolve("v000002").resolve(ModelRepository.CNN_FILE);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        try (ModelBundle cold = repo.loadCurrentOrColdStart(TrainedModels.MODEL_ID, TrainedModels.SPEC, StaleGuard.DEFAULT)) {
            assertThat(cold.coldStart()).isTrue();
            assertThat(cold.note()).contains("cold start").contains("v000002 unusable").contains("does not match the manifest");
            ModelVote s = cold.predict(f.input(), f.windowEnd());
            assertThat(s.action()).isEqualTo(Action.HOLD);
            assertThat(s.confidence()).isEqualTo(0.5);
            assertThat(s.metaConfidence()).isEqualTo(0.5);
            assertThat(s.note()).contains("confidence 0.5");
        }
    }

    @Test
    void aBadCurrentNameOrManifestSettingIsNamedClearly(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        Path model = dir.resolve(TrainedModels.MODEL_ID);
        Files.writeString(model.resolve("CURRENT"), "../../etc\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.currentVersion(TrainedModels.MODEL_ID))
                .hasMessageContaining("CURRENT names '../../etc', which is not a stored version of cnn-btcusd (versions: [v000001, v000002])");
        try (ModelBundle cold = repo.loadCurrentOrColdStart(TrainedModels.MODEL_ID, TrainedModels.SPEC, StaleGuard.DEFAULT)) {
            assertThat(cold.coldStart()).isTrue();
            assertThat(cold.note()).contains("not a stored version");
        }
        Files.writeString(model.resolve("CURRENT"), "v000009");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.currentVersion(TrainedModels.MODEL_ID)).hasMessageContaining("'v000009'");

        Path manifest = model.resolve("v000002").resolve(ModelRepository.MANIFEST);
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replaceFirst("\"window\" : \\d+", "\"window\" : 0"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.manifest(TrainedModels.MODEL_ID, "v000002"))
                .hasMessageContaining("manifest.json: needs timeframes and a window >= 1");
        Files.writeString(manifest, good.replaceFirst("\"metaKind\" : \"[a-z]+\"", "\"metaKind\" : \"boosted\""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.manifest(TrainedModels.MODEL_ID, "v000002"))
                .hasMessageContaining("unknown metaKind 'boosted'");
        Files.writeString(manifest, good.replaceFirst("\"version\" : \"v000002\"", "\"version\" : \"v000001\""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.manifest(TrainedModels.MODEL_ID, "v000002"))
                .hasMessageContaining("says it is cnn-btcusd v000001, stored as cnn-btcusd v000002");
        Files.writeString(manifest, good);
        assertThat(repo.manifest(TrainedModels.MODEL_ID, "v000002").window()).isPositive();
    }

    @Test
    void coldStartWithNoModelGivesHalfConfidenceAndSaysSo(@TempDir Path dir) {
        ModelRepository repo = new ModelRepository(dir);
        try (ModelBundle b = repo.loadCurrentOrColdStart("cnn-none", TrainedModels.SPEC, StaleGuard.DEFAULT)) {
            assertThat(b.coldStart()).isTrue();
            assertThat(b.version()).isEqualTo("none");
            ModelVote s = b.predict(new float[TrainedModels.SPEC.inputLength()], 0);
            assertThat(s.confidence()).isEqualTo(ModelBundle.COLD_CONFIDENCE);
            assertThat(s.coldStart()).isTrue();
            assertThat(s.note()).isEqualTo("cold start: no trained model for cnn-none; confidence 0.5");
        }
    }

    @Test
    void staleModelLosesFullWeightAndSaysWhy(@TempDir Path dir) {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        StaleGuard guard = new StaleGuard(Duration.ofHours(6), Math.log(2.5), 0.25, 50);
        Frame f = new FrameBuilder(RealBars.source(), TrainedModels.SPEC).build(RealBars.symbol(), Timeframe.M1.closeTime(RealBars.bitstamp().get(Timeframe.M1).time(5_000)));
        try (ModelBundle b = repo.load(TrainedModels.MODEL_ID, "v000001", guard)) {
            long trainedUntil = b.manifest().dataRange().to();
            ModelVote fresh = b.predict(f.input(), trainedUntil + Duration.ofHours(1).toMillis());
            assertThat(fresh.stale()).isFalse();
            assertThat(fresh.weight()).isEqualTo(1.0);
            ModelVote old = b.predict(f.input(), trainedUntil + Duration.ofHours(7).toMillis());
            assertThat(old.stale()).isTrue();
            assertThat(old.weight()).isEqualTo(0.25);
            assertThat(old.note()).startsWith("stale: trained on data up to").contains("7 h old > max 6 h");
        }
    }

    @Test
    void driftBeyondTheLimitMarksStale() {
        StaleGuard g = new StaleGuard(Duration.ofDays(7), Math.log(2.0), 0.3, 10);
        assertThat(g.judge(0, 1000, 0.1, 0.15, 100).stale()).isFalse();
        StaleGuard.Verdict v = g.judge(0, 1000, 0.1, 0.25, 100);
        assertThat(v.stale()).isTrue();
        assertThat(v.weight()).isEqualTo(0.3);
        assertThat(v.reason()).contains("volatility drift");
        assertThat(g.judge(0, 1000, 0.1, 0.25, 5).stale()).as("not before the warm-up").isFalse();
    }

    @Test
    void aManifestWhoseContentWasChangedIsRefused(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        Path manifest = dir.resolve(TrainedModels.MODEL_ID).resolve("v000001").resolve(ModelRepository.MANIFEST);
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) repo.json().readTree(manifest.toFile());
        com.fasterxml.jackson.databind.node.ArrayNode mean = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("cnnNormalization").get("mean");
        mean.set(3, mean.get(3).floatValue() + 0.5f); // a changed normalisation: every file hash still matches
        repo.json().writeValue(manifest.toFile(), tree);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.load(TrainedModels.MODEL_ID, "v000001", StaleGuard.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("manifest").hasMessageContaining("hash");
    }

    @Test
    void aVersionTrainedOnAnotherFrameSpecIsRefusedWithAClearMessage(@TempDir Path dir) {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        TrainedModels.activate(repo, TrainedModels.MODEL_ID, "v000001");
        org.concord.training.frames.FrameSpec desk = org.concord.training.frames.FrameSpec.of(60, Timeframe.M1, Timeframe.M5, Timeframe.H1);
        try (ModelBundle b = repo.loadCurrentOrColdStart(TrainedModels.MODEL_ID, desk, StaleGuard.DEFAULT)) {
            assertThat(b.coldStart()).isTrue();
            assertThat(b.note()).contains("window 32").contains("window 60").contains("refused");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.load(TrainedModels.MODEL_ID, "v000001", desk, StaleGuard.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window 32");
        try (ModelBundle ok = repo.load(TrainedModels.MODEL_ID, "v000001", TrainedModels.SPEC, StaleGuard.DEFAULT)) {
            assertThat(ok.coldStart()).isFalse();
        }
    }

    @Test
    void identicalTrainingGivesIdenticalHashes(@TempDir Path dir) {
        org.concord.training.loop.SampleSet s = new org.concord.training.loop.SampleBuilder(new FrameBuilder(RealBars.source(), TrainedModels.SPEC),
                new org.concord.training.labels.TripleBarrier(org.concord.training.labels.BarrierConfig.DEFAULT))
                .fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), 7);
        org.concord.training.loop.TrainingLoop.Config cfg = new org.concord.training.loop.TrainingLoop.Config(2, -1, 15,
                new CnnSignalModel.Config(4, 8, 1, 128, 0.003f), 2, 1, 1000, 0, 9);
        java.util.List<String> hashes = new java.util.ArrayList<>();
        for (String name : new String[] {"a", "b"}) {
            ModelRepository repo = new ModelRepository(dir.resolve(name));
            try (org.concord.training.loop.TrainingResult r = new org.concord.training.loop.TrainingLoop(cfg).run(s, null, null)) {
                ModelManifest m = repo.save(TrainedModels.MODEL_ID, RealBars.symbol(), TrainedModels.SPEC,
                        org.concord.training.labels.BarrierConfig.DEFAULT, r, 1_700_000_000_000L);
                assertThat(m.metaKind()).as("a meta-model is part of the hash").isNotNull();
                hashes.add(m.hash());
            }
        }
        assertThat(hashes.get(1)).as("same data, config and seed: the same version hash").isEqualTo(hashes.get(0));
    }

    @Test
    void activationGoesThroughThePromotionGate(@TempDir Path dir) {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        ModelManifest m = repo.manifest(TrainedModels.MODEL_ID, "v000001");
        org.concord.training.eval.PromotionGate.Verdict v = org.concord.training.eval.PromotionGate.judge(m.baselines());
        assertThat(v.gap()).contains("out of sample").contains("accuracy").contains("P&L").contains("after 0.24% costs")
                .containsAnyOf("majority", "always-long", "always-flat");
        if (v.passed()) {
            assertThat(repo.activate(TrainedModels.MODEL_ID, "v000001")).isEqualTo(v);
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.activate(TrainedModels.MODEL_ID, "v000001"))
                    .isInstanceOf(org.concord.training.eval.PromotionGate.BelowGateException.class).hasMessageContaining(v.gap());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.activate(TrainedModels.MODEL_ID, "v000001",
                    new org.concord.training.eval.PromotionGate.Confirmation("a gap shown for another version", "test")))
                    .isInstanceOf(org.concord.training.eval.PromotionGate.BelowGateException.class);
            assertThat(repo.currentVersion(TrainedModels.MODEL_ID)).isEmpty();
            repo.activate(TrainedModels.MODEL_ID, "v000001", new org.concord.training.eval.PromotionGate.Confirmation(v.gap(), "test"));
        }
        assertThat(repo.currentVersion(TrainedModels.MODEL_ID)).contains("v000001");
    }

    @Test
    void belowTheGateOnlyTheConfirmationThatNamesTheGapActivatesAndItIsLogged(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        String id = TrainedModels.MODEL_ID;
        // hand-built figures, so both sides of the gate are exercised whatever the small test models scored
        Scorecard below = new Scorecard(400, 0.60, 0.55, 0.40, 0.30, 0.010, -0.020, 0.050, 0.0, 1.5, 2, 0.24);
        Scorecard above = new Scorecard(400, 0.62, 0.55, 0.58, 0.61, 0.050, 0.010, 0.040, 0.0, 1.5, 2, 0.24);
        rewrite(repo, "v000001", t -> t.set("baselines", repo.json().valueToTree(below)));
        rewrite(repo, "v000002", t -> t.set("baselines", repo.json().valueToTree(above)));
        String gap = PromotionGate.judge(below).gap();

        assertThatThrownBy(() -> repo.activate(id, "v000001")).isInstanceOf(PromotionGate.BelowGateException.class)
                .hasMessageContaining("cnn-btcusd v000001 is below the promotion gate: " + gap);
        assertThatThrownBy(() -> repo.activate(id, "v000001", new PromotionGate.Confirmation(PromotionGate.judge(above).gap(), "tester")))
                .as("a confirmation of another gap").isInstanceOf(PromotionGate.BelowGateException.class);
        assertThat(repo.currentVersion(id)).isEmpty();

        String log = stderrOf(() -> assertThat(repo.activate(id, "v000001", new PromotionGate.Confirmation(gap, "tester")).passed()).isFalse());
        assertThat(repo.currentVersion(id)).contains("v000001");
        assertThat(log).contains("model cnn-btcusd v000001 activated BELOW the promotion gate, confirmed by tester: " + gap);

        // above the gate no confirmation is needed and nothing is logged as below it
        String quiet = stderrOf(() -> assertThat(repo.activate(id, "v000002").passed()).isTrue());
        assertThat(repo.currentVersion(id)).contains("v000002");
        assertThat(quiet).doesNotContain("BELOW");
    }

    @Test
    void loadingAppliesTheManifestsCalibrationTemperatureToTheCnn(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        double t = 2.5;
        rewrite(repo, "v000001", tree -> ((ObjectNode) tree.get("calibration")).put("temperature", t));
        ModelManifest m = repo.manifest(TrainedModels.MODEL_ID, "v000001");
        assertThat(m.temperature()).isEqualTo(t);
        Frame f = new FrameBuilder(RealBars.source(), TrainedModels.SPEC).build(RealBars.symbol(),
                Timeframe.M1.closeTime(RealBars.bitstamp().get(Timeframe.M1).time(5_000)));
        float[] raw = new float[3];
        try (CnnSignalModel uncalibrated = CnnSignalModel.load(dir.resolve(TrainedModels.MODEL_ID).resolve("v000001").resolve(ModelRepository.CNN_FILE),
                m.spec(), m.cnn(), m.cnnNormalization().toNormalization())) {
            uncalibrated.probabilities(f.input(), raw);
        }
        float[] expected = new float[3];
        Calibration.scale(raw, 0, t, expected, 0, 3);
        assertThat(Math.abs(expected[0] - raw[0]) + Math.abs(expected[1] - raw[1])).as("T = 2.5 changes these probabilities").isGreaterThan(1e-3f);
        try (ModelBundle b = repo.load(TrainedModels.MODEL_ID, "v000001", StaleGuard.DEFAULT)) {
            assertThat(b.cnn().temperature()).isEqualTo(t);
            float[] loaded = new float[3];
            b.cnn().probabilities(f.input(), loaded);
            assertThat(loaded).containsExactly(expected, within(1e-5f));
            ModelVote s = b.predict(f.input(), f.windowEnd());
            assertThat(new float[] {s.pBuy(), s.pSell(), s.pHold()}).containsExactly(expected, within(1e-5f));
        }
    }

    /** Edits a stored manifest's JSON and re-hashes it, as a training run with those figures would have written it. */
    private static void rewrite(ModelRepository repo, String version, Consumer<ObjectNode> edit) throws Exception {
        Path file = repo.root().resolve(TrainedModels.MODEL_ID).resolve(version).resolve(ModelRepository.MANIFEST);
        ObjectNode tree = (ObjectNode) repo.json().readTree(file.toFile());
        edit.accept(tree);
        ModelManifest m = repo.json().treeToValue(tree, ModelManifest.class);
        repo.json().writeValue(file.toFile(), m.withFiles(m.files(), repo.contentHash(m)));
    }

    /** What {@code run} logged (slf4j-simple writes to System.err). */
    private static String stderrOf(Runnable run) {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
