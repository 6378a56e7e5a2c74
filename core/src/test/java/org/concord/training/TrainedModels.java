package org.concord.training;

import org.concord.model.Timeframe;
import org.concord.training.eval.PromotionGate;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.ModelRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small models trained once per test JVM on the real bundled data and saved as versions v000001 and v000002 of
 * {@link #MODEL_ID} in a repository directory that tests copy (so every test starts from the same files).
 */
public final class TrainedModels {
    public static final String MODEL_ID = "cnn-btcusd";
    public static final FrameSpec SPEC = FrameSpec.of(32, Timeframe.M1, Timeframe.M5, Timeframe.H1);
    private static Path root;

    private TrainedModels() {
    }

    /** Small, fast settings used by the coordinator tests. */
    public static TrainingConfig config() {
        return TrainingConfig.defaults(RealBars.symbol()).withSpec(SPEC)
                .withLoop(new TrainingLoop.Config(3, -1, 15, new CnnSignalModel.Config(8, 16, 2, 128, 0.003f), 2, 1, 1000, 300, 7))
                .withHistory(true, 3);
    }

    public static synchronized Path repository() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("concord-trained-models");
                ModelRepository repo = new ModelRepository(dir);
                SampleSet s = new SampleBuilder(new FrameBuilder(RealBars.source(), SPEC), new TripleBarrier(BarrierConfig.DEFAULT))
                        .fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), 3);
                for (long seed : new long[] {11, 12}) {
                    try (TrainingResult r = new TrainingLoop(config().loop().withSeed(seed)).run(s, null, null)) {
                        repo.save(MODEL_ID, RealBars.symbol(), SPEC, BarrierConfig.DEFAULT, r, 1_700_000_000_000L + seed);
                    }
                }
                root = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temp directory left behind is harmless
        }
    }

    /**
     * Activates a version for a test of the swap or inference mechanics, whatever the promotion gate says: with the
     * confirmation that names the gap, as a person would give it (these small test models are below the gate).
     */
    public static void activate(ModelRepository repo, String modelId, String version) {
        repo.activate(modelId, version, new PromotionGate.Confirmation(PromotionGate.judge(repo.manifest(modelId, version).baselines()).gap(), "test"));
    }

    /** As {@link #activate(ModelRepository, String, String)} through a coordinator (hot swap). */
    public static void activate(TrainingCoordinator c, String version) {
        c.activate(version, new PromotionGate.Confirmation(c.gate(version).gap(), "test"));
    }

    /** A fresh copy of the trained repository (no version active). */
    public static Path copyTo(Path target) {
        Path src = repository();
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dst = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(p, dst);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
