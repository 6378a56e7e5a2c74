package org.concord.modules.neuralfusion;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DJL's PyTorch engine allows one gradient collector per process. Neural fusion once trained without the shared
 * {@code GradientLock}, and a CNN job training at the same time failed with "A PtGradientCollector is already
 * collecting" (seen in a loaded full run of the desk). Two trainings at once must both finish. Synthetic inputs:
 * the point is concurrency, not what is learned.
 */
class GradientLockTest {
    @Test
    void twoTrainingsAtOnceTakeTurnsInsteadOfFailing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long seed = 11 + t;
                runs.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    float[][] x = new float[200][3];
                    int[] y = new int[200];
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < 3; j++) {
                            x[i][j] = (float) r.nextGaussian();
                        }
                        y[i] = r.nextInt(3);
                    }
                    FusionTrainer trainer = new FusionTrainer(8, 40, 0.01, seed);
                    int done = 0;
                    for (int k = 0; k < 5; k++) {
                        assertThat(trainer.train(List.of("a", "b", "c"), x, y, k + 1)).isNotNull();
                        done++;
                    }
                    return done;
                }));
            }
            for (Future<Integer> f : runs) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
