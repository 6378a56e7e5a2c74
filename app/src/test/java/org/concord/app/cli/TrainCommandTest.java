package org.concord.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
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
        assertThat(r.rc()).as(r.out() + r.err()).isZero();
        // a line per epoch (2 folds x 2 epochs) with its loss, a line per fold
        assertThat(r.out()).contains("epoch 1/4 (fold 1/2, epoch 1/2) loss ").contains("epoch 4/4 (fold 2/2, epoch 2/2) loss ")
                .contains("fold 2/2 out of sample: ").contains("saved cnn-btcusd v000001 (active)");
        JsonNode doc = new ObjectMapper().readTree(metrics.toFile());
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
        try (var bundle = repo.load("cnn-btcusd", "v000001", org.concord.training.models.StaleGuard.DEFAULT)) {
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
