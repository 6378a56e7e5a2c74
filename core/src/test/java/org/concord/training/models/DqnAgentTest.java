package org.concord.training.models;

import org.concord.model.Action;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.TrainedModels;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DqnAgentTest {
    @Test
    void rewardIsPnlMinusCostPlusOptionalCooperativeTerms() {
        try (DqnAgent plain = new DqnAgent(2, DqnAgent.Config.DEFAULT, 1);
             DqnAgent coop = new DqnAgent(2, new DqnAgent.Config(8, 0.5, 0.001f, 16, 10, 0.05, 0.2, 0.3), 1)) {
            assertThat(plain.reward(Action.BUY, 0.4, 1)).isCloseTo(0.4, within(1e-12));
            assertThat(plain.reward(Action.SELL, 0.4, 1)).isCloseTo(-0.4, within(1e-12));
            assertThat(plain.reward(Action.HOLD, 0.4, 1)).isZero();
            // long while the others are long: pnl − cost + alignment, no diversity bonus
            assertThat(coop.reward(Action.BUY, 0.4, 1)).isCloseTo(0.4 - 0.05 + 0.2, within(1e-12));
            // short while the others are long: −pnl − cost − alignment + diversity
            assertThat(coop.reward(Action.SELL, 0.4, 1)).isCloseTo(-0.4 - 0.05 - 0.2 + 0.3, within(1e-12));
            assertThat(coop.reward(Action.HOLD, 0.4, 1)).isZero();
        }
    }

    @Test
    void learnsASignalThatPredictsTheNextReturn() {
        // forced edge case: state[0] carries the sign of the next return (the tape cannot force a learnable signal)
        Random rnd = new Random(3);
        int n = 2_000;
        float[] states = new float[n * 2];
        double[] next = new double[n];
        for (int t = 0; t < n; t++) {
            double r = rnd.nextGaussian() * 0.3;
            next[t] = r;
            states[2 * t] = (float) Math.signum(r);
            states[2 * t + 1] = (float) rnd.nextGaussian();
        }
        try (DqnAgent a = new DqnAgent(2, new DqnAgent.Config(16, 0.0, 0.01f, 64, 50, 0.0, 0.0, 0.0), 5)) {
            a.trainFromReplay(states, next, null, 600, 9, null);
            assertThat(a.act(new float[] {1f, 0f}).action()).isEqualTo(Action.BUY);
            assertThat(a.act(new float[] {-1f, 0f}).action()).isEqualTo(Action.SELL);
            assertThat(a.act(new float[] {1f, 0f}).confidence()).isGreaterThan(1.0 / 3);
        }
    }

    @Test
    void trainsFromReplayOfRealFramesAndRoundTrips(@TempDir Path dir) {
        SampleSet s = new SampleBuilder(new FrameBuilder(RealBars.source(), TrainedModels.SPEC), new TripleBarrier(BarrierConfig.DEFAULT))
                .fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), 10);
        int width = MetaFeatures.length(TrainedModels.SPEC);
        float[] states = new float[s.size() * width];
        float[] neutral = {1 / 3f, 1 / 3f, 1 / 3f};
        double[] next = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            MetaFeatures.compute(TrainedModels.SPEC, s.x(), i * TrainedModels.SPEC.inputLength(), neutral, 0, states, i * width);
            next[i] = s.returnsPct()[i];
        }
        try (DqnAgent a = new DqnAgent(width, DqnAgent.Config.DEFAULT, 2)) {
            double loss = a.trainFromReplay(states, next, null, 200, 4, null);
            assertThat(loss).isFinite().isNotNegative();
            float[] state = java.util.Arrays.copyOf(states, width);
            float[] q = a.qValues(state);
            a.save(dir);
            try (DqnAgent b = DqnAgent.load(dir, width, DqnAgent.Config.DEFAULT)) {
                assertThat(b.qValues(state)).containsExactly(q);
                assertThat(b.act(state)).isEqualTo(a.act(state));
            }
        }
    }
}
