package org.concord.training.samples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.frames.SeriesWindowSource;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.Metrics;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.DjlNet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Annotations expanded into weighted samples and trained on, with the real bundled bars and the real DJL engine:
 * the expansion through the frame path, the weighted loss against a hand computation, the effect of the entry
 * weight on a trained CNN, and no lookahead.
 */
class WeightedAnnotationSamplesTest {
    static final Symbol S = RealBars.symbol();
    static final FrameSpec SPEC = FrameSpec.of(20, Timeframe.M1, Timeframe.M5);
    static final BarSeries M1 = RealBars.bitstamp().get(Timeframe.M1);

    static SampleBuilder builder(SeriesWindowSource source) {
        return new SampleBuilder(new FrameBuilder(source, SPEC), new TripleBarrier(BarrierConfig.DEFAULT));
    }

    static Annotation trade(String id, int entry, int exit, AnnotationDirection d) {
        return Annotation.draft(id, S, Timeframe.M1, M1.time(entry), M1.close(entry), M1.time(exit), M1.close(exit), d, Double.NaN, Double.NaN,
                List.of(), "", "tester", 1L);
    }

    static Map<SampleKind, Integer> kinds(SampleSet s) {
        Map<SampleKind, Integer> m = new EnumMap<>(SampleKind.class);
        for (SampleKind k : SampleKind.values()) {
            m.put(k, 0);
        }
        for (String id : s.frameIds()) {
            m.merge(SampleKind.valueOf(id.substring(id.indexOf('#') + 1, id.indexOf('@'))), 1, Integer::sum);
        }
        return m;
    }

    /** Two trades eight bars apart train as the person marked them: no bar of one is also a NO_TRADE of the other. */
    @Test
    void annotationsCloseTogetherTrainEachBarOnce() {
        List<Annotation> both = List.of(trade("long-2", 3_005, 3_035, AnnotationDirection.LONG), trade("short-2", 3_043, 3_056, AnnotationDirection.SHORT));
        SampleSet s = builder(RealBars.source()).fromAnnotations(S, both, ExpansionRule.DEFAULT);
        assertThat(s.size()).isEqualTo(AnnotationSamples.count(both, ExpansionRule.DEFAULT).total())
                .as("fewer than the two alone: their neighbours overlap the other's bars").isLessThan((int) SampleExpansion.total(both, ExpansionRule.DEFAULT).total());
        assertThat(s.rejected()).isEmpty();
        assertThat(Arrays.stream(s.frameIds()).map(id -> id.substring(id.indexOf('@') + 1)).distinct().count()).as("one sample per bar").isEqualTo(s.size());
    }

    @Test
    void anAnnotationExpandsIntoOneWeightedSamplePerBarAsCounted() {
        Annotation longTrade = trade("long-1", 3_000, 3_029, AnnotationDirection.LONG);
        Annotation shortTrade = trade("short-1", 4_000, 4_010, AnnotationDirection.SHORT);
        Annotation region = trade("flat-1", 5_000, 5_019, AnnotationDirection.NO_TRADE);
        SampleBuilder sb = builder(RealBars.source());
        FrameBuilder fb = new FrameBuilder(RealBars.source(), SPEC);
        for (Annotation a : List.of(longTrade, shortTrade, region)) {
            SampleSet s = sb.fromAnnotations(S, List.of(a), ExpansionRule.DEFAULT);
            SampleExpansion.Counts want = SampleExpansion.count(a, ExpansionRule.DEFAULT);
            assertThat(s.size()).as(a.id()).isEqualTo(want.total());
            assertThat(kinds(s)).as(a.id()).isEqualTo(want.asMap());
            assertThat(s.rejected()).isEmpty();
            List<ExpandedSample> expanded = SampleExpansion.expand(a, ExpansionRule.DEFAULT);
            long horizon = Timeframe.M1.closeTime(expanded.get(expanded.size() - 1).barTime());
            double totalWeight = 0;
            for (int i = 0; i < s.size(); i++) {
                ExpandedSample e = expanded.get(i); // M1 annotation on an M1 base: same order, one frame per bar
                assertThat(s.times()[i]).isEqualTo(e.barTime());
                assertThat(s.labels()[i]).isEqualTo(e.label().ordinal());
                assertThat(s.weights()[i]).isEqualTo(ExpansionRule.DEFAULT.weight(e.kind()));
                assertThat(s.horizonEnds()[i]).as("one horizon for the whole annotation (purged together)").isEqualTo(horizon);
                float[] row = java.util.Arrays.copyOfRange(s.x(), i * SPEC.inputLength(), (i + 1) * SPEC.inputLength());
                assertThat(row).as("the frame path's window ending at the bar's open").isEqualTo(fb.build(S, e.barTime()).input());
                totalWeight += s.weights()[i];
            }
            assertThat(totalWeight).isEqualTo(want.weight(ExpansionRule.DEFAULT));
        }
        // the label mapping: long entry BUY / exit SELL, short entry SELL / exit BUY, the rest HOLD
        SampleSet l = sb.fromAnnotations(S, List.of(longTrade), ExpansionRule.DEFAULT);
        assertThat(l.labels()[15]).isEqualTo(Action.BUY.ordinal());
        assertThat(l.weights()[15]).isEqualTo(100);
        assertThat(l.labels()[16]).isEqualTo(Action.HOLD.ordinal());
        assertThat(l.weights()[16]).isEqualTo(25);
        int exit = java.util.Arrays.asList(l.frameIds()).indexOf("ann-long-1#EXIT@" + M1.time(3_029)); // the data has gaps: not always 15 + 29
        assertThat(exit).isGreaterThan(16);
        assertThat(l.labels()[exit]).isEqualTo(Action.SELL.ordinal());
        assertThat(l.weights()[exit]).isEqualTo(100);
        assertThat(l.labels()[0]).isEqualTo(Action.HOLD.ordinal());
        assertThat(l.weights()[0]).isEqualTo(50);
        SampleSet sh = sb.fromAnnotations(S, List.of(shortTrade), ExpansionRule.DEFAULT);
        assertThat(sh.labels()[15]).isEqualTo(Action.SELL.ordinal());
        assertThat(sh.labels()[java.util.Arrays.asList(sh.frameIds()).indexOf("ann-short-1#EXIT@" + M1.time(4_010))]).isEqualTo(Action.BUY.ordinal());

        // several annotations: time order kept, counts add up; another symbol is refused loudly
        SampleSet all = sb.fromAnnotations(S, List.of(region, longTrade, shortTrade), ExpansionRule.DEFAULT.withNoTradeRadius(3));
        assertThat(all.size()).isEqualTo(SampleExpansion.total(List.of(region, longTrade, shortTrade), ExpansionRule.DEFAULT.withNoTradeRadius(3)).total());
        assertThatThrownBy(() -> sb.fromAnnotations(new Symbol("ETH/USD"), List.of(longTrade), ExpansionRule.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("long-1");
    }

    @Test
    void weightedLossEqualsTheHandComputation() {
        float[] logits = {2f, 0f, -1f, 0.5f, 0.5f, 0.5f, -1f, 3f, 0f, 0.2f, -0.3f, 1.1f};
        int[] labels = {0, 2, 1, 0};
        double[] w = {100, 25, 50, 1};
        double num = 0;
        double den = 0;
        for (int i = 0; i < 4; i++) {
            double z = 0;
            for (int c = 0; c < 3; c++) {
                z += Math.exp(logits[i * 3 + c]);
            }
            double ce = -(logits[i * 3 + labels[i]] - Math.log(z));
            num += w[i] * ce;
            den += w[i];
        }
        double hand = num / den;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray lg = m.create(logits, new Shape(4, 3));
            NDArray y = m.create(new float[] {0, 2, 1, 0});
            double got = DjlNet.weightedSoftmaxCe(lg, y, m.create(new float[] {100, 25, 50, 1})).getFloat();
            assertThat(got).isCloseTo(hand, within(1e-5));
            // relative: scaling every weight changes nothing; equal weights give DJL's mean loss
            assertThat((double) DjlNet.weightedSoftmaxCe(lg, y, m.create(new float[] {2, 0.5f, 1, 0.02f})).getFloat()).isCloseTo(hand, within(1e-5));
            double mean = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(lg)).getFloat();
            assertThat((double) DjlNet.weightedSoftmaxCe(lg, y, m.create(new float[] {3, 3, 3, 3})).getFloat()).isCloseTo(mean, within(1e-5));
            assertThat(mean).isNotCloseTo(hand, within(1e-3));
        }
        // the metrics' weighted loss on probabilities is the same quantity
        float[] probs = new float[12];
        for (int i = 0; i < 4; i++) {
            double z = 0;
            for (int c = 0; c < 3; c++) {
                z += Math.exp(logits[i * 3 + c]);
            }
            for (int c = 0; c < 3; c++) {
                probs[i * 3 + c] = (float) (Math.exp(logits[i * 3 + c]) / z);
            }
        }
        assertThat(Metrics.weightedLoss(labels, probs, w, 3)).isCloseTo(hand, within(1e-5));
    }

    /** Twelve long trades on the bundled data, well apart. */
    static List<Annotation> longTrades() {
        List<Annotation> out = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            int entry = 1_000 + k * 600;
            out.add(trade("w-" + k, entry, entry + 20, AnnotationDirection.LONG));
        }
        return out;
    }

    static double meanBuyAtEntries(SampleSet s, double entryWeight) {
        CnnSignalModel cnn = CnnSignalModel.create(SPEC, new CnnSignalModel.Config(8, 16, 12, 64, 0.003f), 11);
        try {
            // the same rows, labels and seed: only the loss weights differ
            double[] w = s.weights().clone();
            for (int i = 0; i < w.length; i++) {
                if (s.frameIds()[i].contains("#ENTRY@")) {
                    w[i] = entryWeight;
                }
            }
            int[] rows = new int[s.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
            }
            cnn.fit(s.x(), s.labels(), w, rows, 5, null, null);
            float[] p = new float[3];
            double sum = 0;
            int n = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.frameIds()[i].contains("#ENTRY@")) {
                    cnn.probabilities(java.util.Arrays.copyOfRange(s.x(), i * SPEC.inputLength(), (i + 1) * SPEC.inputLength()), p);
                    sum += p[Action.BUY.ordinal()];
                    n++;
                }
            }
            assertThat(n).isEqualTo(12);
            return sum / n;
        } finally {
            cnn.close();
        }
    }

    @Test
    void theEntryWeightRaisesTheModelsBuyProbabilityAtLongEntries() {
        SampleSet s = builder(RealBars.source()).fromAnnotations(S, longTrades(), ExpansionRule.DEFAULT);
        double heavy = meanBuyAtEntries(s, 100);
        double light = meanBuyAtEntries(s, 1);
        System.out.printf(java.util.Locale.ROOT, "mean p(BUY) at the 12 long entries: entry weight 100 → %.3f, entry weight 1 → %.3f%n", heavy, light);
        assertThat(heavy).as("entry weight 100 vs 1").isGreaterThan(light + 0.05);
    }

    @Test
    void anExpandedSampleSeesNothingAfterItsBar() {
        Annotation a = trade("nl-1", 6_000, 6_012, AnnotationDirection.LONG);
        SampleSet real = builder(RealBars.source()).fromAnnotations(S, List.of(a), ExpansionRule.DEFAULT.withNoTradeRadius(4));
        int len = SPEC.inputLength();
        for (int i = 0; i < real.size(); i++) {
            long t = real.times()[i];
            SampleSet fake = builder(new SeriesWindowSource(perturbedAfter(t))).fromAnnotations(S, List.of(a), ExpansionRule.DEFAULT.withNoTradeRadius(4));
            assertThat(java.util.Arrays.copyOfRange(fake.x(), i * len, (i + 1) * len)).as(real.frameIds()[i])
                    .isEqualTo(java.util.Arrays.copyOfRange(real.x(), i * len, (i + 1) * len));
            assertThat(fake.labels()[i]).isEqualTo(real.labels()[i]);
            if (i + 1 < real.size()) {
                // the perturbation reaches the next bar's sample, so this test can fail
                assertThat(java.util.Arrays.copyOfRange(fake.x(), (i + 1) * len, (i + 2) * len))
                        .isNotEqualTo(java.util.Arrays.copyOfRange(real.x(), (i + 1) * len, (i + 2) * len));
            }
        }
    }

    /** Every bar that closes after {@code after} scaled (prices ×1.37, volume ×5). */
    static Map<Timeframe, BarSeries> perturbedAfter(long after) {
        Map<Timeframe, BarSeries> out = new EnumMap<>(Timeframe.class);
        for (Map.Entry<Timeframe, BarSeries> e : RealBars.bitstamp().entrySet()) {
            BarSeries s = e.getValue();
            BarSeries p = new BarSeries(s.symbol(), s.timeframe(), Math.max(1, s.size()));
            for (int i = 0; i < s.size(); i++) {
                boolean future = e.getKey().closeTime(s.time(i)) > after;
                double k = future ? 1.37 : 1.0;
                p.append(s.time(i), s.open(i) * k, s.high(i) * k, s.low(i) * k, s.close(i) * k, s.volume(i) * (future ? 5 : 1));
            }
            out.put(e.getKey(), p);
        }
        return out;
    }
}
