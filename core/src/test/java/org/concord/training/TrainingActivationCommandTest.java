package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.store.FrameStore;
import org.concord.training.eval.PromotionGate;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's activation of a saved version over the bus ({@link TrainingCommand#activate}), as the Training tab sends
 * it: a version below the promotion gate is refused without the gap confirmed, or with another gap, and swapped in
 * with it. Before, the desk's notes said "the Training tab can activate it with a confirmation that names this gap"
 * and nothing on the desk could: {@link TrainingCoordinator#activate} was reached by tests alone.
 */
class TrainingActivationCommandTest {
    @TempDir
    Path dir;

    @Test
    void aVersionBelowTheGateIsSwappedInOnlyWithItsGapConfirmed() throws Exception {
        DataProvider data = RealBars.provider(dir, BundledData.bitstampTrades());
        FrameStore frames = new FrameStore(data.store().database());
        InProcessEventBus bus = new InProcessEventBus();
        List<TrainingCommand.Answer> answers = new CopyOnWriteArrayList<>();
        bus.subscribe(TrainingCommand.ANSWERS, answers::add);
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir.resolve("models")));
        try (TrainingCoordinator c = new TrainingCoordinator(data, frames, repo, bus, new TrainingQueues(), TrainedModels.config());
             TrainingCommandHandler handler = new TrainingCommandHandler(bus, List.of(c))) {
            String version = "v000001";
            PromotionGate.Verdict gate = c.gate(version);
            assertThat(gate.passed()).as("the small test models are below the gate").isFalse();
            long swaps = c.slot().swaps();

            TrainingCommand unconfirmed = TrainingCommand.activate("BTCUSD", version, null);
            bus.publish(TrainingCommand.TOPIC, unconfirmed);
            TrainingCommand.Answer refused = await(answers, unconfirmed.id());
            assertThat(refused.error()).contains("below the promotion gate").contains(gate.gap());
            TrainingCommand wrong = TrainingCommand.activate("BTCUSD", version, "another gap");
            bus.publish(TrainingCommand.TOPIC, wrong);
            assertThat(await(answers, wrong.id()).error()).isNotNull();
            assertThat(c.slot().swaps()).as("nothing swapped in").isEqualTo(swaps);

            TrainingCommand confirmed = TrainingCommand.activate("BTCUSD", version, gate.gap());
            bus.publish(TrainingCommand.TOPIC, confirmed);
            TrainingCommand.Answer done = await(answers, confirmed.id());
            assertThat(done.error()).isNull();
            assertThat(done.modelId()).isEqualTo(TrainedModels.MODEL_ID);
            assertThat(c.slot().swaps()).isEqualTo(swaps + 1);
            assertThat(c.status().activeVersion()).isEqualTo(version);
        } finally {
            data.close();
            data.store().database().close();
        }
    }

    private static TrainingCommand.Answer await(List<TrainingCommand.Answer> answers, String id) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            for (TrainingCommand.Answer a : answers) {
                if (a.commandId().equals(id)) {
                    return a;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer to " + id + " within 60 s");
    }
}
