package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lanes by horizon mature exactly what a scan of every waiting entry would, in the order the entries were added:
 * against that scan, on random horizons and bars (a bar adds a few predictions of mixed horizons and a decision, then
 * the next bar matures), including runs where time jumps back as after a seek.
 */
class PendingOutcomesTest {
    static final Symbol S = Symbol.of("BTCUSD");
    static final long BAR = Timeframe.M1.millis();

    @Test
    void dueEntriesComeOutInTheOrderTheyWereAddedAsAScanOfEveryEntryFindsThem() {
        for (int seed = 0; seed < 40; seed++) {
            Random rnd = new Random(seed);
            PendingOutcomes lanes = new PendingOutcomes();
            List<long[]> scan = new ArrayList<>(); // {maturity, id}: the reference, in the order added
            long t = 1_000 * BAR;
            int id = 0;
            boolean monotonic = seed % 4 != 0;
            for (int bar = 0; bar < 600; bar++) {
                t += BAR;
                if (!monotonic && rnd.nextInt(50) == 0) {
                    t -= BAR * (1 + rnd.nextInt(30)); // a seek back
                }
                for (int k = rnd.nextInt(5); k > 0; k--) {
                    int h = rnd.nextInt(3) == 0 ? 40 : 1 + rnd.nextInt(6) * rnd.nextInt(4); // 40: a lane that outgrows its first ring
                    lanes.add(h, t + h * BAR, id, prediction(h));
                    scan.add(new long[]{t + h * BAR, id++});
                }
                lanes.add(3, t + 3 * BAR, id, decision(t), null);
                scan.add(new long[]{t + 3 * BAR, id++});

                long close = t + BAR;
                List<Long> expected = new ArrayList<>();
                scan.removeIf(e -> {
                    if (e[0] <= close) {
                        expected.add(e[1]);
                        return true;
                    }
                    return false;
                });
                List<Long> got = new ArrayList<>();
                for (int l; (l = lanes.nextDue(close)) >= 0; lanes.remove(l)) {
                    got.add((long) lanes.entry(l));
                }
                if (monotonic) {
                    assertThat(got).as("seed %d bar %d", seed, bar).containsExactlyElementsOf(expected);
                } else {
                    assertThat(got).as("seed %d bar %d (time went back)", seed, bar).containsExactlyInAnyOrderElementsOf(expected);
                }
                assertThat(lanes.size()).isEqualTo(scan.size());
            }
        }
    }

    private static Prediction prediction(int h) {
        return new Prediction("src-" + h, S, 0, Action.BUY, 0.5, Timeframe.M1, h, "test");
    }

    private static Decision decision(long t) {
        return new Decision(1, S, Timeframe.M1, t, 100, Action.HOLD, 0, 0, "rule", List.of());
    }
}
