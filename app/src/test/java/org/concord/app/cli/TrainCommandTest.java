package org.concord.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.training.eval.PromotionGate;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.StaleGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code concord train} on the bundled real data: a small walk-forward run, saved with its manifest, metrics JSON. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnTheBundledDataSavesTheModelAndWritesMetrics() throws Exception {
        Path data = dir.resolve("data");
        Path metrics = dir.resolve("out/metrics.json");
        CliRun r = CliRun.of("train", "--data-dir", data.toString(), "--from", "2013-11-25", "--to", "2013-11-26", "--epochs", "2", "--folds", "2",
                "--stride", "5", "--window", "16", "--filters", "4", "--meta-trials", "1", "--activate", "--metrics", metrics.toString());
        JsonNode doc = new ObjectMapper().readTree(metrics.toFile());
        boolean passed = doc.get("gate").get("passed").asBoolean();
        String gap = doc.get("gate").get("gap").asText();
        // --activate goes through the promotion gate: below it the version is saved, not activated, exit 3 naming the gap
        assertThat(r.rc()).as(r.out() + r.err()).isEqualTo(passed ? 0 : 3);
        // a line per epoch (2 folds and the refit x 2 epochs) with its loss, a line per fold with its baselines
        assertThat(r.out()).contains("epoch 1/6 (fold 1/3, epoch 1/2) loss ").contains("epoch 6/6 (fold 3/3, epoch 2/2) loss ")
                .contains("fold 2/2 out of sample: ").contains("baselines: ").contains("always-long").contains("always-flat")
                .contains("buy-and-hold").contains("calibration: temperature").contains("promotion gate: " + (passed ? "PASSED" : "BELOW"));
        assertThat(doc.get("baselines").get("majorityAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("calibration").get("reliability")).hasSize(10);
        if (!passed) {
            assertThat(r.err()).contains("not activated: below the promotion gate").contains(gap);
            assertThat(new ModelRepository(data.resolve("models")).currentVersion("cnn-btcusd")).isEmpty();
            CliRun again = CliRun.of("train", "--data-dir", data.toString(), "--from", "2013-11-25", "--to", "2013-11-26", "--epochs", "2", "--folds", "2",
                    "--stride", "5", "--window", "16", "--filters", "4", "--meta-trials", "1", "--activate-below-gate", "--metrics", metrics.toString());
            assertThat(again.rc()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("saved cnn-btcusd v000002 (active BELOW the promotion gate, confirmed)");
            new ModelRepository(data.resolve("models")).activate("cnn-btcusd", "v000001",
                    new PromotionGate.Confirmation(gap, "test"));
        } else {
            assertThat(r.out()).contains("saved cnn-btcusd v000001 (active)");
        }
        assertThat(doc.get("version").asText()).isEqualTo("v000001");
        assertThat(doc.get("folds")).hasSize(2);
        assertThat(doc.get("holdout").get("n").asInt()).isPositive();
        double acc = doc.get("holdout").get("accuracy").asDouble();
        assertThat(acc).isBetween(0.0, 1.0);
        assertThat(doc.get("dataRange").get("bars").asInt()).isBetween(2_000, 2_880);

        ModelRepository repo = new ModelRepository(data.resolve("models"));
        assertThat(repo.currentVersion("cnn-btcusd")).contains("v000001");
        ModelManifest m = repo.manifest("cnn-btcusd", "v000001");
        assertThat(m.window()).isEqualTo(16);
        assertThat(m.holdout().accuracy()).isEqualTo(acc);
        assertThat(m.cnn().epochs()).isEqualTo(2);
        // it loads back (files verified against the manifest)
        try (var bundle = repo.load("cnn-btcusd", "v000001", StaleGuard.DEFAULT)) {
            assertThat(bundle.coldStart()).isFalse();
        }
    }

    @Test
    void badArgumentsGiveTwoAndTooLittleDataOneWithAClearMessage() throws Exception {
        assertThat(CliRun.of("train", "--epochs", "0").rc()).isEqualTo(2);
        assertThat(CliRun.of("train", "--source", "nowhere").rc()).isEqualTo(2);
        assertThat(CliRun.of("train", "--symbol", "ETHUSD").err()).contains("the bundled data is BTCUSD");
        assertThat(CliRun.of("train", "--from", "2013-11-27", "--to", "2013-11-26").rc()).isEqualTo(2);
        assertThat(CliRun.of("train", "--from", "yesterday").rc()).isEqualTo(2);
        CliRun few = CliRun.of("train", "--data-dir", dir.resolve("d2").toString(), "--from", "2013-11-25T00:00:00Z", "--to", "2013-11-25T10:00:00Z");
        assertThat(few.rc()).isEqualTo(1);
        assertThat(few.err()).contains("training needs at least 1000 bars of 1m history, got ").contains("for BTCUSD in [2013-11-25T00:00:00Z");
        CliRun empty = CliRun.of("train", "--data-dir", dir.resolve("d3").toString(), "--source", "store");
        assertThat(empty.rc()).isEqualTo(1);
        assertThat(empty.err()).contains("got 0 for BTCUSD");
    }
}
