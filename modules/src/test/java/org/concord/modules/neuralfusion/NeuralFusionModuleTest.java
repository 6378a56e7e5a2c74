package org.concord.modules.neuralfusion;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.DecisionOutcome;
import org.concord.orchestrator.FusionResult;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NeuralFusionModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");

    @Test
    void forwardPassHandWorked() {
        // 1 input, 2 hidden: h = relu([1·x, -1·x]); logits = [h1 - h0, 0, h0 - h1]
        FusionNet n = new FusionNet(List.of("a"), new float[][] {{1}, {-1}}, new float[] {0, 0},
                new float[][] {{-1, 1}, {0, 0}, {1, -1}}, new float[] {0, 0, 0}, 1);
        double[] p = n.probabilities(new double[] {2});
        double e2 = Math.exp(2);
        double z = Math.exp(-2) + 1 + e2;
        assertThat(p[FusionNet.SELL]).isCloseTo(Math.exp(-2) / z, within(1e-12));
        assertThat(p[FusionNet.HOLD]).isCloseTo(1 / z, within(1e-12));
        assertThat(p[FusionNet.BUY]).isCloseTo(e2 / z, within(1e-12));
        assertThat(FusionNet.argmax(p)).isEqualTo(FusionNet.BUY);
        assertThat(FusionNet.argmax(new double[] {0.3, 0.3, 0.3})).isZero();
        assertThatThrownBy(() -> new FusionNet(List.of("a", "b"), new float[][] {{1}}, new float[] {0},
                new float[][] {{1}, {1}, {1}}, new float[3], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void djlTrainerLearnsASeparableRuleAndIsReproducible() {
        Random r = new Random(1);
        int n = 300;
        float[][] x = new float[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) (r.nextDouble() * 2 - 1);
            x[i][1] = (float) (r.nextDouble() * 2 - 1);
            y[i] = x[i][0] > 0.2 ? FusionNet.BUY : x[i][0] < -0.2 ? FusionNet.SELL : FusionNet.HOLD;
        }
        FusionTrainer t = new FusionTrainer(16, 300, 0.05, 7);
        FusionNet a = t.train(List.of("a", "b"), x, y, 1);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += FusionNet.argmax(a.probabilities(new double[] {x[i][0], x[i][1]})) == y[i] ? 1 : 0;
        }
        assertThat(hits / (double) n).isGreaterThan(0.9);
        FusionNet b = new FusionTrainer(16, 300, 0.05, 7).train(List.of("a", "b"), x, y, 1);
        assertThat(Arrays.deepEquals(a.w1(), b.w1())).isTrue();
        assertThat(Arrays.equals(a.b2(), b.b2())).isTrue();
        assertThatThrownBy(() -> t.train(List.of(), new float[0][], new int[0], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FusionTrainer(0, 1, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Decision decision(long seq, long time, Action a) {
        return new Decision(seq, S, Timeframe.M1, time, 100, a, 0, 0, "rule", List.of());
    }

    @Test
    void fallsBackUntilTrainedThenInstallsAtAFixedOutcome() throws Exception {
        ModuleFixture f = new ModuleFixture();
        NeuralFusionModule m = f.init(new NeuralFusionModule(),
                "minSamples: 40\nminValidation: 8\nretrainEvery: 1000\ninstallAfterOutcomes: 5\nepochs: 200\nlearningRate: 0.05\nhidden: 8\nreturnThreshold: 0.001", S);
        FusionResult rule = new FusionResult(Action.HOLD, 0.1, 0.1, "rule");
        assertThat(m.fuse(S, 0, List.of(), rule)).isEqualTo(new FusionResult(Action.HOLD, 0.1, 0.1, NeuralFusionModule.UNTRAINED));
        assertThat(m.featureNames()).containsExactly("trained", "samples", "valAccuracy", "ruleAccuracy", "majorityAccuracy", "version");
        assertThat(m.predictions(S)).isEmpty();
        // a source "good" that is right, and a source "noise" that is not; the rule (HOLD) is never right
        Random r = new Random(3);
        List<Integer> trainedAt = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            boolean up = r.nextBoolean();
            List<Prediction> ps = List.of(
                    new Prediction("good", S, i, up ? Action.BUY : Action.SELL, 0.8, Timeframe.M1, 1, ""),
                    new Prediction("noise", S, i, r.nextBoolean() ? Action.BUY : Action.SELL, 0.5, Timeframe.M1, 1, ""));
            m.fuse(S, i * 60_000L, ps, rule);
            m.onOutcome(new DecisionOutcome(decision(i, i * 60_000L, Action.HOLD), ps, i * 60_000L + 60_000, 0, up ? 0.01 : -0.01));
            if (m.network() != null && trainedAt.isEmpty()) {
                trainedAt.add(i);
            }
        }
        // training starts at outcome 40 and the network is installed exactly 5 outcomes later
        assertThat(trainedAt).containsExactly(45);
        FusionNet net = m.network();
        assertThat(net.inputIds()).containsExactly("good", "noise");
        List<Prediction> buy = List.of(new Prediction("good", S, 0, Action.BUY, 0.8, Timeframe.M1, 1, ""));
        FusionResult fused = m.fuse(S, 1, buy, rule);
        assertThat(fused.action()).isEqualTo(Action.BUY);
        assertThat(fused.fusion()).isEqualTo("neural-fusion v1");
        assertThat(fused.score()).isGreaterThan(0.5);
        double[] x = m.features(S);
        assertThat(x[0]).isEqualTo(1);
        assertThat(x[1]).isEqualTo(60);
        assertThat(x[2]).isGreaterThan(x[3]);
        assertThat(x[2]).isGreaterThan(x[4]);
        assertThat(x[5]).isEqualTo(1);
        assertThat(m.sampleCount()).isEqualTo(60);
        assertThat(m.rejectedCandidates()).isZero();
        m.reset();
        assertThat(m.network()).isSameAs(net);
        m.close();
    }

    @Test
    void aCandidateWorseThanTheRuleIsRejected() throws Exception {
        ModuleFixture f = new ModuleFixture();
        NeuralFusionModule m = f.init(new NeuralFusionModule(),
                "minSamples: 20\nminValidation: 4\nretrainEvery: 1000\ninstallAfterOutcomes: 0\nepochs: 5\nreturnThreshold: 0.001", S);
        // the rule is always right (its action is the outcome's sign); the only input is pure noise
        Random r = new Random(5);
        for (int i = 1; i <= 25; i++) {
            boolean up = r.nextBoolean();
            Action truth = up ? Action.BUY : Action.SELL;
            List<Prediction> ps = List.of(new Prediction("noise", S, i, r.nextBoolean() ? Action.BUY : Action.SELL, r.nextDouble(),
                    Timeframe.M1, 1, ""));
            m.fuse(S, i, ps, new FusionResult(truth, up ? 0.5 : -0.5, 0.5, "rule"));
            m.onOutcome(new DecisionOutcome(decision(i, i, truth), ps, i + 1, 0, up ? 0.01 : -0.01));
        }
        assertThat(m.network()).isNull();
        assertThat(m.rejectedCandidates()).isEqualTo(1);
        m.close();
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new NeuralFusionModule(), "minSamples: 5", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new NeuralFusionModule(), "maxSamples: 100", S)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Feeds {@code count} outcomes of a source that is always right (and a rule that is always HOLD). */
    private static void feedPerfectSource(NeuralFusionModule m, int count, long horizonMs) {
        Random r = new Random(3);
        FusionResult rule = new FusionResult(Action.HOLD, 0.1, 0.1, "rule");
        for (int i = 1; i <= count; i++) {
            boolean up = r.nextBoolean();
            List<Prediction> ps = List.of(new Prediction("good", S, i, up ? Action.BUY : Action.SELL, 0.8, Timeframe.M1, 1, ""));
            m.fuse(S, i * 60_000L, ps, rule);
            m.onOutcome(new DecisionOutcome(decision(i, i * 60_000L, Action.HOLD), ps, i * 60_000L + horizonMs, 0, up ? 0.01 : -0.01));
        }
    }

    @Test
    void aSmallValidationSetNeverReplacesTheRule() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // 60 samples: a validation of 12, below the default minimum of 100 — even a perfect source does not get in
        NeuralFusionModule m = f.init(new NeuralFusionModule(),
                "minSamples: 40\nretrainEvery: 1\ninstallAfterOutcomes: 0\nepochs: 200\nlearningRate: 0.05\nhidden: 8\nreturnThreshold: 0.001", S);
        feedPerfectSource(m, 60, 60_000);
        assertThat(m.network()).isNull();
        m.close();
    }

    @Test
    void theSplitIsPurgedOfSamplesWhoseOutcomeSawTheValidationPeriod() throws Exception {
        ModuleFixture f = new ModuleFixture();
        NeuralFusionModule m = f.init(new NeuralFusionModule(),
                "minSamples: 50\nminValidation: 10\nretrainEvery: 1000\ninstallAfterOutcomes: 0\nepochs: 50\nreturnThreshold: 0.001", S);
        // decisions one minute apart, each maturing 5 minutes later: the 4 training decisions right before the first
        // validation decision (and the one at its minute) matured inside the validation period; trained at outcome 50
        // (on the trainer's thread), the result is looked at with the next outcome
        feedPerfectSource(m, 51, 5 * 60_000);
        assertThat(m.lastPurged()).isEqualTo(5);
        m.close();
    }

    @Test
    void aCandidateThatDoesNotBeatTheMajorityClassIsRejected() throws Exception {
        ModuleFixture f = new ModuleFixture();
        NeuralFusionModule m = f.init(new NeuralFusionModule(),
                "minSamples: 50\nminValidation: 10\nretrainEvery: 1000\ninstallAfterOutcomes: 0\nepochs: 50\nreturnThreshold: 0.001", S);
        // nine in ten outcomes are flat (HOLD), the input is noise, the rule always says BUY (mostly wrong): a net that
        // learns "always HOLD" beats the rule but only ties the majority class, so it must not replace the rule
        Random r = new Random(9);
        for (int i = 1; i <= 51; i++) { // trained at outcome 50, judged at the next
            double ret = i % 10 == 0 ? 0.01 : 0.0;
            List<Prediction> ps = List.of(new Prediction("noise", S, i, r.nextBoolean() ? Action.BUY : Action.SELL, r.nextDouble(), Timeframe.M1, 1, ""));
            m.fuse(S, i * 60_000L, ps, new FusionResult(Action.BUY, 0.5, 0.5, "rule"));
            m.onOutcome(new DecisionOutcome(decision(i, i * 60_000L, Action.BUY), ps, i * 60_000L + 60_000, 0, ret));
        }
        assertThat(m.network()).isNull();
        assertThat(m.rejectedCandidates()).isEqualTo(1);
        m.close();
    }
}
