package org.concord.live;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.execution.PaperBrokerConfig;
import org.concord.store.BarStore;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.TrainedModels;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingJob;
import org.concord.training.TrainingQueues;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module panel's model row says why the newest trained version is not the one in use. Seen on the desk: a
 * training ran at start, the gate refused its version, and the row read "Last trained 10:08 · Version none · cold
 * start: no trained model for cnn-btcusd; confidence 0.5".
 */
class ModelNoteTest {
    @TempDir
    Path dir;

    @Test
    void aVersionTheGateRefusedIsNamedWithItsGapBesideTheColdStart() throws Exception {
        String id = TrainedModels.MODEL_ID;
        Path repo = TrainedModels.copyTo(Files.createDirectories(dir.resolve("models"))); // v000001 and v000002 saved, none active
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"))) {
            DataProvider data = new DataProvider(new BarStore(db));
            InProcessEventBus bus = new InProcessEventBus();
            try (TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(repo), bus, new TrainingQueues(),
                    TrainedModels.config());
                 LiveModels desk = new LiveModels(data, bus, sym -> null, ModelToggles.inDataDir(dir), null, PaperBrokerConfig.defaults())) {
                desk.add(c);
                // nothing recorded as trained here yet: the row says only what is in use
                assertThat(desk.models()).singleElement().satisfies(m -> assertThat(m.note()).startsWith("cold start: no trained model"));

                // what a job does when the gate refuses its version (TrainingJobRunner): saved, recorded REJECTED, not swapped in
                c.versions().record(c.manifest("v000002"), TrainingJob.State.REJECTED.name());
                String gap = c.gate("v000002").gap();
                assertThat(desk.models()).singleElement().satisfies(m -> {
                    assertThat(m.version()).isEqualTo("none");
                    assertThat(m.lastTrainedAt()).isPositive();
                    assertThat(m.note())
                            .startsWith("v000002 trained, not installed: below the promotion gate: " + gap)
                            .contains("confirmation that names this gap")
                            .contains("in use: none, cold start (HOLD at confidence 0.5)")
                            .doesNotContain("no trained model");
                });

                // once that version is in use (a person confirmed the gap), the note is the model's own again
                TrainedModels.activate(c, "v000002");
                assertThat(desk.models()).singleElement().satisfies(m -> {
                    assertThat(m.version()).isEqualTo("v000002");
                    assertThat(m.note()).doesNotContain("not installed");
                });

                // a person rolled back to the older version: the newer one was in use before, nothing to explain
                TrainedModels.activate(c, "v000001");
                assertThat(desk.models()).singleElement().satisfies(m -> assertThat(m.note()).doesNotContain("not installed"));

                // a newer version kept by its training (it passed the gate, activate=false) is named, with the one in use
                c.versions().record(c.manifest("v000002"), TrainingJob.State.TRAINED.name());
                assertThat(desk.models()).singleElement().satisfies(m ->
                        assertThat(m.note()).startsWith("v000002 trained, not installed: it passes the promotion gate").endsWith("in use: v000001"));
            } finally {
                data.close();
            }
        }
    }
}
