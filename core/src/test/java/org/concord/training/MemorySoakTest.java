package org.concord.training;

import org.concord.model.Timeframe;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.MetaFeatures;
import org.concord.training.models.MlpMetaModel;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.StaleGuard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays flat across repeated retrains: 50 cycles of the real retrain path (walk-forward training of the
 * CNN on real data, a meta-model MLP fit, save, load back, hot swap, old model closed). Heap after GC and the
 * process's resident set (VmRSS) are measured after cycle 10 (warm) and after cycle 50.
 * Bound: growth over those 40 cycles at most {@value #HEAP_BOUND_MB} MiB of heap and {@value #RSS_BOUND_MB} MiB
 * of RSS; a leak of one small model per cycle (~0.3 MiB of parameters and optimizer state) or of one batch per
 * step would exceed it. Runs in the normal suite (tagged "soak" for selection).
 */
@Tag("soak")
class MemorySoakTest {
    static final int CYCLES = Integer.getInteger("soak.cycles", 50);
    static final int WARM = 10;
    static final long HEAP_BOUND_MB = 24;
    static final long RSS_BOUND_MB = 48;

    @Test
    void fiftyRetrainCyclesDoNotGrowHeapOrNativeMemory(@TempDir Path dir) throws Exception {
        SampleSet all = new SampleBuilder(new FrameBuilder(RealBars.source(), TrainedModels.SPEC), new TripleBarrier(BarrierConfig.DEFAULT))
                .fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), 16);
        TrainingLoop loop = new TrainingLoop(new TrainingLoop.Config(2, -1, 15, new CnnSignalModel.Config(8, 16, 1, 128, 0.003f), 2, 0, 1000, 100, 1));
        ModelRepository repo = new ModelRepository(dir);
        // the meta-model's DJL path too (the loop's meta search is left out of the cycle only for speed)
        int metaWidth = MetaFeatures.length(TrainedModels.SPEC);
        int n = all.size();
        float[] metaX = new float[n * metaWidth];
        int[] metaY = new int[n];
        int[] metaRows = new int[n];
        float[] probs = {0.4f, 0.35f, 0.25f};
        for (int i = 0; i < n; i++) {
            MetaFeatures.compute(TrainedModels.SPEC, all.x(), i * TrainedModels.SPEC.inputLength(), probs, 0, metaX, i * metaWidth);
            metaY[i] = all.labels()[i] == 0 ? 1 : 0;
            metaRows[i] = i;
        }
        ModelSlot slot = new ModelSlot(ModelBundle.coldStart("cnn-btcusd", TrainedModels.SPEC, "soak"));
        long heapWarm = 0;
        long rssWarm = 0;
        long t0 = System.nanoTime();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            ModelManifest m;
            try (TrainingResult r = loop.run(all, null, null)) {
                m = repo.save("cnn-btcusd", RealBars.symbol(), TrainedModels.SPEC, BarrierConfig.DEFAULT, r, cycle);
            }
            slot.swap(repo.load("cnn-btcusd", m.version(), StaleGuard.DEFAULT));
            try (MlpMetaModel meta = new MlpMetaModel(metaWidth, new MlpMetaModel.Params(8, 2, 128, 0.003f), cycle)) {
                meta.fit(metaX, metaWidth, metaY, metaRows, cycle, null);
                meta.probability(metaX, 0);
            }
            try (ModelSlot.Lease l = slot.acquire()) {
                l.model().predict(java.util.Arrays.copyOf(all.x(), TrainedModels.SPEC.inputLength()), all.times()[0]);
            }
            deleteVersion(dir.resolve("cnn-btcusd").resolve(m.version()));
            if (cycle == WARM || cycle == CYCLES || cycle % 25 == 0) {
                long heap = heapAfterGc();
                long rss = rssKb() / 1024;
                System.out.printf("soak cycle %d: heap after GC %d MiB, VmRSS %d MiB, %.1f s%n", cycle, heap, rss, (System.nanoTime() - t0) / 1e9);
                if (cycle == WARM) {
                    heapWarm = heap;
                    rssWarm = rss;
                } else if (cycle == CYCLES) {
                    assertThat(heap - heapWarm).as("heap growth over %d cycles (MiB)", CYCLES - WARM).isLessThanOrEqualTo(HEAP_BOUND_MB);
                    assertThat(rss - rssWarm).as("RSS growth over %d cycles (MiB)", CYCLES - WARM).isLessThanOrEqualTo(RSS_BOUND_MB);
                }
            }
        }
        slot.closeCurrent();
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** VmRSS of this process from /proc/self/status, in KiB. */
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void deleteVersion(Path v) throws IOException {
        try (var s = Files.list(v)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(v);
    }
}
