package org.concord.training.loop;

import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.models.CnnSignalModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingLoopTest {
    static final FrameSpec SPEC = FrameSpec.of(32, Timeframe.M1, Timeframe.M5, Timeframe.H1);

    static SampleSet realSamples(int stride) {
        FrameBuilder fb = new FrameBuilder(RealBars.source(), SPEC);
        return new SampleBuilder(fb, new TripleBarrier(BarrierConfig.DEFAULT)).fromHistory(RealBars.symbol(), RealBars.bitstamp().get(Timeframe.M1), stride);
    }

    static TrainingLoop.Config smallConfig() {
        return new TrainingLoop.Config(4, -1, 15, new CnnSignalModel.Config(8, 16, 2, 128, 0.003f), 3, 1, 1000, 500, 42);
    }

    @Test
    void walkForwardOnRealDataReportsMetricsAgainstTheBaseline() {
        SampleSet s = realSamples(2);
        List<int[]> epochs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (TrainingResult r = new TrainingLoop(smallConfig()).run(s, (f, fs, e, es, st, sts, loss) -> {
            epochs.add(new int[] {f, e, st, sts});
            losses.add(loss);
        }, () -> false)) {
            assertThat(r.folds()).hasSize(4);
            assertThat(epochs).as("4 folds and the refit on every row, 2 epochs each").hasSize(10);
            assertThat(epochs.get(7)).containsExactly(4, 2, 8, 10);
            assertThat(epochs.get(9)).containsExactly(5, 2, 10, 10);
            // the baselines on the same rows, and calibration on the out-of-fold probabilities
            assertThat(r.oosScore().n()).isEqualTo(r.oos().n());
            assertThat(r.oosScore().accuracy()).isCloseTo(r.oos().accuracy(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.oosScore().majorityAccuracy()).isCloseTo(r.oos().baselineAccuracy(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.oosScore().alwaysFlatPnlPct()).isZero();
            assertThat(r.oosScore().buyAndHoldPct()).isFinite();
            assertThat(r.foldScores()).hasSize(4);
            assertThat(r.calibration().temperature()).isPositive();
            assertThat(r.calibration().brier()).isBetween(0.0, 2.0);
            assertThat(r.calibration().reliability()).hasSize(10);
            assertThat(r.cnn().temperature()).isEqualTo(r.calibration().temperature());
            assertThat(losses).allMatch(l -> l > 0 && Double.isFinite(l));
            assertThat(r.oos().n()).isEqualTo(s.size() - s.size() / 5);
            assertThat(r.oos().accuracy()).isBetween(0.0, 1.0);
            assertThat(r.oos().baselineAccuracy()).isBetween(0.0, 1.0);
            assertThat(r.oos().auc()).isBetween(0.0, 1.0);
            assertThat(r.oos().perClass()).containsOnlyKeys("BUY", "SELL", "HOLD");
            assertThat(r.channelImportance()).hasSize(SPEC.channels());
            assertThat(r.meta()).isNotNull();
            assertThat(r.metaCandidates()).extracting(m -> m.get("kind")).contains("mlp", "xgboost");
            System.out.println("OOS " + r.oos() + " holdout " + r.holdout() + " meta " + r.metaWinner() + " in " + r.trainingMillis() + " ms");
        }
    }

    @Test
    void fewerThanThousandBarsIsAClearError() {
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        BarSeries head = m1.copyRange(0, 999);
        FrameBuilder fb = new FrameBuilder(RealBars.source(), SPEC);
        SampleSet s = new SampleBuilder(fb, new TripleBarrier(BarrierConfig.DEFAULT)).fromHistory(RealBars.symbol(), head, 1);
        assertThatThrownBy(() -> new TrainingLoop(smallConfig()).run(s, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1000 bars of 1m").hasMessageContaining("got 999");
    }

    @Test
    void labelsAreTripleBarrierClasses() {
        SampleSet s = realSamples(10);
        int[] count = new int[3];
        for (int y : s.labels()) {
            count[y]++;
        }
        assertThat(count[Action.BUY.ordinal()]).isPositive();
        assertThat(count[Action.SELL.ordinal()]).isPositive();
        assertThat(count[Action.HOLD.ordinal()]).isPositive();
    }

    @Test
    void tooFewSamplesPerFoldIsRefused() {
        SampleSet eleven = realSamples(850); // 12 samples over the 9,399 bars: a holdout of 2 or 3 rows
        assertThat(eleven.size()).isEqualTo(12);
        assertThatThrownBy(() -> new TrainingLoop(smallConfig()).run(eleven, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few samples");
    }
}
