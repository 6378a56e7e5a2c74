package org.concord.training.loop;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.samples.ExpansionRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newest annotations train the deployed model: twelve long trades annotated in the last walk-forward block (the
 * newest 20 % of the data, which no fold trains on) must move the deployed CNN's p(BUY) at their entries.
 */
class RecentDataReachesTheModelTest {
    static final FrameSpec SPEC = FrameSpec.of(20, Timeframe.M1, Timeframe.M5);
    static final BarSeries M1 = RealBars.bitstamp().get(Timeframe.M1);

    static List<Annotation> lastBlockLongs() {
        List<Annotation> out = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            int entry = 8_700 + k * 50; // in the newest tenth of the 9,399 bars
            out.add(Annotation.draft("last-" + k, RealBars.symbol(), Timeframe.M1, M1.time(entry), M1.close(entry), M1.time(entry + 5),
                    M1.close(entry + 5), AnnotationDirection.LONG, Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
        }
        return out;
    }

    static double meanBuyAtEntries(SampleSet samples, SampleSet entries) {
        TrainingLoop.Config cfg = new TrainingLoop.Config(4, -1, 15, new CnnSignalModel.Config(8, 16, 6, 64, 0.003f), 2, 0, 1000, 0, 5);
        try (TrainingResult r = new TrainingLoop(cfg).run(samples, null, null)) {
            float[] p = new float[3];
            double sum = 0;
            int n = 0;
            int len = SPEC.inputLength();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.frameIds()[i].contains("#ENTRY@")) {
                    r.cnn().probabilities(Arrays.copyOfRange(entries.x(), i * len, (i + 1) * len), p);
                    sum += p[Action.BUY.ordinal()];
                    n++;
                }
            }
            assertThat(n).isEqualTo(12);
            return sum / n;
        }
    }

    @Test
    void lastBlockAnnotationsTrainTheDeployedModel() {
        SampleBuilder sb = new SampleBuilder(new FrameBuilder(RealBars.source(), SPEC), new TripleBarrier(BarrierConfig.DEFAULT));
        SampleSet history = sb.fromHistory(RealBars.symbol(), M1, 6);
        SampleSet annotated = sb.fromAnnotations(RealBars.symbol(), lastBlockLongs(), ExpansionRule.DEFAULT.withNoTradeRadius(0));
        SampleSet merged = SampleSets.merge(annotated, history);
        long lastBlockStart = merged.times()[merged.size() * 4 / 5]; // WalkForward's last test block (4 folds)
        assertThat(Arrays.stream(annotated.times()).allMatch(t -> t >= lastBlockStart)).as("every annotated sample lies in the last block").isTrue();
        double with = meanBuyAtEntries(merged, annotated);
        double without = meanBuyAtEntries(history, annotated);
        System.out.printf(java.util.Locale.ROOT, "mean p(BUY) of the deployed model at 12 last-block long entries: with them %.3f, without %.3f%n",
                with, without);
        assertThat(with).as("the deployed model must learn from the newest annotations").isGreaterThan(without + 0.05);
    }
}
