package org.concord.backtest;

import org.concord.coordination.AllocationUpdate;
import org.concord.coordination.Bucket;
import org.concord.coordination.ConflictEvent;
import org.concord.coordination.CoordinationResult;
import org.concord.coordination.LearnerUpdate;
import org.concord.coordination.TradeFeedback;
import org.concord.coordination.UcbWeightLearner;
import org.concord.engine.TradingPipelineConfig;
import org.concord.execution.SizingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every voice counts, on the bundled real trades with the full preset's modules (neural fusion off, as in
 * BacktesterTest, to keep the runs short): each strategy module trades its own view in the bucket of its own holding
 * period, and every coordination input changes what is traded. Each ablation runs the same backtest with one
 * component removed or its input held constant and asserts that the trades change, so removing the component from
 * the default path fails the test.
 */
class EveryVoiceBacktestTest {
    static final BacktestConfig BASE = BacktestConfig.defaults().withDescription("every voice, full preset")
            .withModules(List.of(), List.of("neural-fusion"));
    static CoordinationResult run;

    @BeforeAll
    static void runOnce() {
        BacktestReport.Run r = Backtester.builder(BASE).build().run().result();
        run = r.coordination();
        Map<String, Long> sources = run.bucketTrades().stream()
                .collect(Collectors.groupingBy(TradeFeedback::sourceId, TreeMap::new, Collectors.counting()));
        Map<Bucket, Long> buckets = run.bucketTrades().stream()
                .collect(Collectors.groupingBy(TradeFeedback::bucket, TreeMap::new, Collectors.counting()));
        System.out.println("EVERY VOICE buckets=" + buckets + " sources=" + sources + " conflicts resolved="
                + run.conflicts().stream().filter(c -> c.policy() != null).count() + " (net limit " + run.conflicts().stream()
                .filter(c -> c.policy() == null).count() + ") alignments=" + run.alignments().size() + " learner updates="
                + run.learnerWeights().size() + " last weights=" + run.learnerWeights().get(run.learnerWeights().size() - 1).weights()
                + " " + run.metrics() + " " + r.baselines());
    }

    static CoordinationResult coordination(BacktestConfig c) {
        return Backtester.builder(c).build().run().result().coordination();
    }

    static BacktestConfig with(BacktestConfig.Coordination c) {
        return BASE.withCoordination(c);
    }

    @Test
    void everySourceTradesItsOwnViewInItsOwnBucket() {
        Set<Bucket> buckets = run.bucketTrades().stream().map(TradeFeedback::bucket).collect(Collectors.toSet());
        Set<String> sources = run.bucketTrades().stream().map(TradeFeedback::sourceId).collect(Collectors.toSet());
        assertThat(buckets).as("buckets traded").hasSizeGreaterThanOrEqualTo(3);
        assertThat(sources).as("sources that led a closed bucket trade").hasSizeGreaterThanOrEqualTo(3)
                .contains("supertrend", "microstructure").doesNotContain("orchestrator");
        // a module's declared holding picks its bucket: microstructure (30 min) scalps, supertrend (4 h) trades short
        assertThat(run.bucketTrades()).filteredOn(t -> t.sourceId().equals("microstructure")).allMatch(t -> t.bucket() == Bucket.SCALPING);
        assertThat(run.bucketTrades()).filteredOn(t -> t.sourceId().equals("supertrend")).allMatch(t -> t.bucket() == Bucket.SHORT);
    }

    @Test
    void conflictsAreResolvedByThePolicyAndAlignmentIsMeasured() {
        List<ConflictEvent> resolved = run.conflicts().stream().filter(c -> c.policy() != null).toList();
        assertThat(resolved).as("conflicts between buckets resolved by the configured policy").isNotEmpty()
                .allMatch(c -> c.policy() == run.config().coordinator().policy());
        assertThat(resolved).allSatisfy(c -> {
            assertThat(c.buyers()).isNotEmpty();
            assertThat(c.sellers()).isNotEmpty();
        });
        assertThat(run.alignments()).as("aligned buckets scaled").isNotEmpty()
                .allSatisfy(a -> assertThat(a.buckets()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void allocationsMoveWithinTheBounds() {
        List<AllocationUpdate> h = run.allocations();
        assertThat(h).hasSizeGreaterThan(10);
        double moved = 0;
        for (int i = 0; i < h.size(); i++) {
            double sum = 0;
            for (Bucket b : Bucket.all()) {
                double a = h.get(i).allocation().get(b);
                sum += a;
                assertThat(a).isBetween(0.1 - 1e-9, 0.5 + 1e-9);
                if (i > 0) {
                    assertThat(Math.abs(a - h.get(i - 1).allocation().get(b))).as("step").isLessThanOrEqualTo(0.1 + 1e-9);
                }
                moved = Math.max(moved, Math.abs(a - 0.25));
            }
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
        assertThat(moved).as("the allocation moves away from equal shares").isGreaterThan(0.1);
    }

    @Test
    void learnerWeightsMoveWithTradeFeedbackAndChangeWhatIsTraded() {
        List<LearnerUpdate> u = run.learnerWeights();
        assertThat(u).hasSizeGreaterThan(20);
        assertThat(u).allSatisfy(x -> assertThat(x.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9)));
        LearnerUpdate last = u.get(u.size() - 1);
        double spread = last.weights().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - last.weights().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(spread).as("learned weights are no longer equal").isGreaterThan(0.05);
        // ablation: the same run without learning (every source weighs the same) trades differently
        CoordinationResult equal = coordination(with(BacktestConfig.Coordination.defaults().withLearner("equal")));
        assertThat(equal.learnerWeights()).allSatisfy(x -> assertThat(x.weights().values()).allSatisfy(
                w -> assertThat(w).isCloseTo(1.0 / x.weights().size(), within(1e-12))));
        assertThat(equal.bucketTrades()).isNotEqualTo(run.bucketTrades());
    }

    @Test
    void withoutPerSourceSignalsOnlyTheFusedDecisionTrades() {
        // the ablation baseline: the fused decision cloned at the horizon, as before every source spoke for itself
        CoordinationResult fused = coordination(with(BacktestConfig.Coordination.defaults().withSourceSignals(false)));
        assertThat(fused.bucketTrades()).extracting(TradeFeedback::sourceId).containsOnly("orchestrator");
        assertThat(fused.bucketTrades()).extracting(TradeFeedback::bucket).containsOnly(Bucket.SCALPING);
        assertThat(fused.conflicts()).isEmpty();
        assertThat(fused.alignments()).isEmpty();
    }

    @Test
    void vpinFromTheMicrostructureModuleCutsSizes() {
        // the same run with VPIN unable to cut (threshold 1): the microstructure module's VPIN passes 0.7 on the bundled
        // trades, so the default run trades differently
        CoordinationResult blind = coordination(with(BacktestConfig.Coordination.defaults().withVpinThreshold(1.0)));
        assertThat(blind.bucketTrades()).isNotEqualTo(run.bucketTrades());
        assertThat(blind.metrics().averageExposure()).isNotEqualTo(run.metrics().averageExposure());
    }

    @Test
    void kellySizingIsSelectableAndSizesDifferently() {
        CoordinationResult kelly = coordination(with(BacktestConfig.Coordination.defaults().withSizing("kelly")));
        assertThat(kelly.config().sizing().method().name()).isEqualTo("KELLY");
        assertThat(kelly.bucketTrades()).isNotEqualTo(run.bucketTrades());
        assertThat(kelly.metrics().averageExposure()).isNotEqualTo(run.metrics().averageExposure());
    }

    @Test
    void theResizeBandCutsTheFillsAndFeesOfTheSameSignals() {
        CoordinationResult everyChange = coordination(with(BacktestConfig.Coordination.defaults().withResizeBand(0)));
        assertThat(run.config().coordinator().resizeBand()).isEqualTo(0.25);
        assertThat(run.costs().fills()).isLessThan(everyChange.costs().fills());
        assertThat(run.costs().fees()).isLessThan(everyChange.costs().fees());
        assertThat(run.costs().turnover()).isLessThan(everyChange.costs().turnover());
        System.out.println("RESIZE BAND 0.25 " + run.costs() + " return " + run.metrics().totalReturn() + " / band 0 "
                + everyChange.costs() + " return " + everyChange.metrics().totalReturn());
    }

    @Test
    void theCoordinationChoicesComeFromTheBacktestConfigFile(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("bt.yaml"), String.join("\n", "preset: full", "coordination:", "  sourceSignals: false",
                "  sizing: kelly", "  learner: equal", "  minMetaConfidence: 0.6", "  vpinThreshold: 0.8", "  resizeBand: 0.4", ""));
        TradingPipelineConfig p = Backtester.builder(BacktestConfig.load(yaml)).build().pipelineConfig();
        assertThat(p.sourceSignals()).isFalse();
        SizingConfig sizing = p.coordination().sizing();
        assertThat(sizing.method()).isEqualTo(SizingConfig.Method.KELLY);
        assertThat(sizing.minMetaConfidence()).isEqualTo(0.6);
        assertThat(sizing.vpinThreshold()).isEqualTo(0.8);
        assertThat(p.coordination().learner().mode()).isEqualTo(UcbWeightLearner.Mode.EQUAL);
        assertThat(p.coordination().coordinator().resizeBand()).isEqualTo(0.4);
        assertThat(Backtester.builder(BASE).build().pipelineConfig().sourceSignals()).as("the default: every source speaks").isTrue();

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "coordination:\n  sizing: martingale\n");
        assertThatThrownBy(() -> BacktestConfig.load(bad)).hasMessageContaining("coordination.sizing must be one of [fixed, kelly]");
        Path wide = Files.writeString(dir.resolve("wide.yaml"), "coordination:\n  resizeBand: 1.5\n");
        assertThatThrownBy(() -> BacktestConfig.load(wide)).hasMessageContaining("coordination.resizeBand must be in [0, 1), got 1.5");
    }
}
