package org.concord.training.models;

import org.concord.model.Action;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.TrainedModels;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelRepositoryTest {
    @Test
    void manifestDescribesTheModelAndLoadingVerifiesHashes(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir));
        assertThat(repo.versions(TrainedModels.MODEL_ID)).containsExactly("v000001", "v000002");
        ModelManifest m = repo.manifest(TrainedModels.MODEL_ID, "v000002");
        assertThat(m.schema()).isEqualTo(1);
        assertThat(m.featureNames()).hasSize(18).contains("1m.close", "1h.volz");
        assertThat(m.cnnNormalization().mean()).hasSize(18);
        assertThat(m.files()).containsKey(ModelRepository.CNN_FILE).hasSize(2);
        assertThat(m.hash()).hasSize(64);
        assertThat(m.oos().n()).isPositive();
        assertThat(m.dataRange().bars()).isGreaterThan(1000);
        assertThat(m.metaKind()).isIn("mlp", "forest");
        String json = Files.readString(dir.resolve(TrainedModels.MODEL_ID).resolve("v000002").resolve("manifest.json"));
        assertThat(json).contains("\"modelId\" : \"cnn-btcusd\"").contains("\"holdout\"").contains("\"dataRange\"");

        // the same frame gives the same prediction from two independent loads
        Frame f = new FrameBuilder(RealBars.source(), TrainedModels.SPEC).build(RealBars.symbol(), Timeframe.M1.closeTime(RealBars.bitstamp().get(Timeframe.M1).time(5_000)));
        try (ModelBundle a = repo.load(TrainedModels.MODEL_ID, "v000002", StaleGuard.DEFAULT);
             ModelBundle b = repo.load(TrainedModels.MODEL_ID, "v000002", StaleGuard.DEFAULT)) {
            Signal sa = a.predict(f.input(), f.windowEnd());
            Signal sb = b.predict(f.input(), f.windowEnd());
            assertThat(sb).isEqualTo(sa);
            assertThat(sa.coldStart()).isFalse();
            assertThat(sa.modelVersion()).isEqualTo("v000002");
        }

        // a corrupted parameter file is detected: the model is not used, cold start says why
        repo.activate(TrainedModels.MODEL_ID, "v000002");
        Path params = dir.resolve(TrainedModels.MODEL_ID).resolve("v000002").resolve(ModelRepository.CNN_FILE);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        try (ModelBundle cold = repo.loadCurrentOrColdStart(TrainedModels.MODEL_ID, TrainedModels.SPEC, StaleGuard.DEFAULT)) {
            assertThat(cold.coldStart()).isTrue();
            assertThat(cold.note()).contains("cold start").contains("v000002 unusable").contains("does not match the manifest");
            Signal s = cold.predict(f.input(), f.windowEnd());
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
            Signal s = b.predict(new float[TrainedModels.SPEC.inputLength()], 0);
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
            Signal fresh = b.predict(f.input(), trainedUntil + Duration.ofHours(1).toMillis());
            assertThat(fresh.stale()).isFalse();
            assertThat(fresh.weight()).isEqualTo(1.0);
            Signal old = b.predict(f.input(), trainedUntil + Duration.ofHours(7).toMillis());
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
}
