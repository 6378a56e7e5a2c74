package org.concord.live;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.execution.PaperBrokerConfig;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.store.BarStore;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.TrainedModels;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingQueues;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-model switches: applied to a real orchestrator and coordinator, persisted across a session restart. */
class ModelTogglesTest {
    @TempDir
    Path dir;

    private static void await(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static ModuleStatus row(TradingOrchestrator o, String id) {
        return o.module(id).orElse(null);
    }

    /** One desk session: store, orchestrator, coordinator, live models; closed in reverse. */
    private void session(java.util.function.Consumer<Object[]> body) throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"))) {
            DataProvider data = new DataProvider(new BarStore(db));
            InProcessEventBus bus = new InProcessEventBus();
            Path repo = Files.createDirectories(dir.resolve("models"));
            // as the node builds it: the model attached to its symbol's orchestrator, which infers it per decision
            try (TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(repo), bus, new TrainingQueues(), TrainedModels.config());
                 TradingOrchestrator o = TradingOrchestrator.builder(ConfigFiles.preset("minimal")).bus(bus).catalog(ModuleCatalog.empty())
                         .training(c).build();
                 LiveModels desk = new LiveModels(data, bus, sym -> o, ModelToggles.inDataDir(dir), null, PaperBrokerConfig.defaults())) {
                o.start();
                body.accept(new Object[] {o, c, desk, bus, data});
            } finally {
                data.close();
            }
        }
    }

    @Test
    void switchesReachTheOrchestratorAndCoordinatorAndSurviveARestart() throws Exception {
        String id = TrainedModels.MODEL_ID;
        session(x -> {
            TradingOrchestrator o = (TradingOrchestrator) x[0];
            TrainingCoordinator c = (TrainingCoordinator) x[1];
            LiveModels desk = (LiveModels) x[2];
            InProcessEventBus bus = (InProcessEventBus) x[3];
            List<ModelInfoReport> reports = new CopyOnWriteArrayList<>();
            bus.subscribe(LiveTopics.MODELS, reports::add);
            try {
                await(() -> row(o, id) != null, "model registered by the orchestrator");
                desk.add(c);                                              // the desk's switches apply to it
                assertThat(row(o, id).kind()).isEqualTo("model");
                assertThat(row(o, id).weight()).isEqualTo(1.0);
                assertThat(c.autoTraining()).isTrue();
                assertThat(desk.models()).singleElement().satisfies(m -> {
                    assertThat(m.inference()).isTrue();
                    assertThat(m.training()).isTrue();
                    assertThat(m.version()).isEqualTo("none");
                    assertThat(m.lastTrainedAt()).isZero();
                    assertThat(m.live()).isFalse();
                });
                desk.setInference(id, false);
                await(() -> row(o, id).weight() == 0.0, "weight 0");
                bus.publish(LiveTopics.COMMANDS, LiveCommand.training(id, false)); // the panel's switch, over the bus
                assertThat(c.autoTraining()).isFalse();
                assertThat(c.submit(TrainingCommand.trainIfIdle(id, "auto"))).isNull();
                assertThat(reports.get(reports.size() - 1).models().get(0)).satisfies(m -> {
                    assertThat(m.inference()).isFalse();
                    assertThat(m.training()).isFalse();
                });
                assertThatThrownBy(() -> desk.setInference("nope", true)).hasMessageContaining("no model 'nope'");
                assertThatThrownBy(() -> desk.add(c)).hasMessageContaining("already");
                // a live mode follows the node's inferences: here the orchestrator runs the model, so it starts ...
                assertThat(desk.start(id, LiveMode.INFERENCE, null).running()).isTrue();
                desk.stop(id);
                // ... and a desk whose node decides no orchestrator for the model's symbol refuses it, saying why
                try (LiveModels none = new LiveModels((DataProvider) x[4], bus, sym -> null, ModelToggles.inDataDir(dir), null, PaperBrokerConfig.defaults())) {
                    none.add(c);
                    assertThatThrownBy(() -> none.start(id, LiveMode.INFERENCE, null))
                            .hasMessageContaining("not run by the node").hasMessageContaining("BTCUSD");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Files.readString(dir.resolve(ModelToggles.FILE_NAME))).contains("\"inference\" : false").contains("\"training\" : false");

        // a new session (restart): the saved switches are applied when the model is added
        session(x -> {
            TradingOrchestrator o = (TradingOrchestrator) x[0];
            TrainingCoordinator c = (TrainingCoordinator) x[1];
            LiveModels desk = (LiveModels) x[2];
            try {
                await(() -> row(o, id) != null, "model registered by the orchestrator");
                desk.add(c);
                await(() -> row(o, id).weight() == 0.0, "the saved switch applied");
                assertThat(c.autoTraining()).isFalse();
                desk.setTraining(id, true);
                assertThat(c.autoTraining()).isTrue();
                desk.setInference(id, true);
                await(() -> row(o, id).weight() == 1.0, "weight 1");
                desk.remove(id);                                          // removed from the desk: silenced, still listed
                await(() -> row(o, id).weight() == 0.0, "model silenced");
                assertThat(desk.models()).isEmpty();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        ModelToggles saved = ModelToggles.inDataDir(dir);
        assertThat(saved.get(id)).isEqualTo(new ModelToggles.Toggle(true, true));
        assertThat(saved.get("other")).isEqualTo(ModelToggles.Toggle.DEFAULT);
    }

    @Test
    void aBrokenFileIsSetAsideAndEveryModelStartsOn() throws Exception {
        Files.writeString(dir.resolve(ModelToggles.FILE_NAME), "{\"schema\":1,\"models\":{\"m\":{\"inference\":\"yes\"}}}");
        ModelToggles t = ModelToggles.inDataDir(dir);
        assertThat(t.all()).isEmpty();
        assertThat(t.inference("m")).isTrue();
        assertThat(dir.resolve(ModelToggles.FILE_NAME + ".broken")).exists();
        t.setInference("m", false);
        assertThat(ModelToggles.inDataDir(dir).inference("m")).isFalse();
        assertThatThrownBy(() -> t.get(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
