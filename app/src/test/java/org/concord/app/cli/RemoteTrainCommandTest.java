package org.concord.app.cli;

import org.concord.app.session.CoreSession;
import org.concord.app.session.SessionOptions;
import org.concord.bus.redis.RedisEventBus;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Timeframe;
import org.concord.testkit.redis.RedisServerProcess;
import org.concord.training.TrainingConfig;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.models.CnnSignalModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code concord train --bus}: the CLI asks a headless server (the desk's own core session on a real redis-server)
 * to train its model through the training command API; the server trains, the CLI prints the answer and the job's
 * end with its baselines and exits with the job's verdict. A model no process owns gets no answer, said so.
 */
class RemoteTrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void theCliAsksTheModelsOwnerToTrainAndFollowsTheJobToItsEnd() throws Exception {
        RedisServerProcess.assumeAvailable();
        // a small net (2 folds x 3 epochs) so that the job ends in seconds on the bundled tape
        TrainingConfig small = TrainingConfig.defaults(BundledData.BTCUSD)
                .withLoop(new TrainingLoop.Config(2, -1, 15, new CnnSignalModel.Config(4, 8, 3, 64, 0.003f), 2, 0, 1000, 0, 7));
        try (RedisServerProcess redis = RedisServerProcess.start(dir.resolve("redis"));
             RedisEventBus serverBus = RedisEventBus.open(redis.uri() + "?group=server&consumer=srv1&outbox=none");
             ConcordRuntime engine = new ConcordRuntime(dir.resolve("server"));
             CoreSession server = CoreSession.start(engine, serverBus, SessionOptions.defaults(dir.resolve("server")).withPreset("minimal")
                     .withTraining(small), true, s -> { })) {
            ReplayFeed replay = engine.startBundledReplay(ReplayFeed.MAX_SPEED, false);
            assertThat(replay.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.data().bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE).size()).isGreaterThan(1_100);

            CliRun run = CliRun.of("train", "--bus", redis.uri(), "--data-dir", dir.resolve("cli").toString(), "--model-id", "cnn-btcusd",
                    "--wait", "600");
            assertThat(run.out()).as(run.err()).contains("train cnn-btcusd: job ").contains("accepted by the model's owner");
            assertThat(run.out()).containsPattern("job \\S+ (SWAPPED|REJECTED) \\(v\\d{6}\\)");
            assertThat(run.out()).contains("out of sample vs baselines:").contains("majority");
            // the verdict as the exit code: swapped in (0), or saved below the promotion gate (3)
            assertThat(run.rc()).isEqualTo(run.out().contains(" SWAPPED ") ? 0 : 3);
            // it trained in the server, nothing in the CLI's data directory
            assertThat(server.training().versions().list("cnn-btcusd")).isNotEmpty();
            assertThat(dir.resolve("cli").resolve("models").resolve("cnn-btcusd")).doesNotExist();

            CliRun nobody = CliRun.of("train", "--bus", redis.uri(), "--data-dir", dir.resolve("cli").toString(), "--model-id", "cnn-nowhere",
                    "--answer-timeout", "5");
            assertThat(nobody.rc()).isEqualTo(RemoteTraining.NO_ANSWER);
            assertThat(nobody.err()).contains("no process on the bus answered for cnn-nowhere within 5 s");
        }
    }
}
