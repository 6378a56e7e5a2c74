package org.concord.orchestrator;

import com.sun.management.ThreadMXBean;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DecisionFusionTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");

    private static Prediction p(String id, Action a, double c) {
        return new Prediction(id, BTC, 0, a, c, Timeframe.M1, 5, "");
    }

    @Test
    void handWorkedWeightedVote() {
        // votes: a = +1·1·0.8 = 0.8, b = -1·2·0.5 = -1.0, c = 0 (HOLD, weight 1 still counts); W = 4
        // score = (0.8 - 1.0) / 4 = -0.05 → HOLD with thresholds 0.2; shares 0.8/1.8, 1.0/1.8, 0
        DecisionFusion f = new DecisionFusion(0.2, 0.2, 0.0);
        Map<String, Double> w = Map.of("a", 1.0, "b", 2.0, "c", 1.0);
        DecisionFusion.Fused r = f.fuse(List.of(p("a", Action.BUY, 0.8), p("b", Action.SELL, 0.5), p("c", Action.HOLD, 0.9)), w::get);
        assertThat(r.result().score()).isCloseTo(-0.05, within(1e-12));
        assertThat(r.result().action()).isEqualTo(Action.HOLD);
        assertThat(r.result().confidence()).isCloseTo(0.05, within(1e-12));
        assertThat(r.contributions()).extracting(Contribution::sourceId).containsExactly("a", "b", "c");
        assertThat(r.contributions().get(0).share()).isCloseTo(0.8 / 1.8, within(1e-12));
        assertThat(r.contributions().get(1).vote()).isCloseTo(-1.0, within(1e-12));
        assertThat(r.contributions().get(2).share()).isZero();
    }

    @Test
    void thresholdsDecideBuyAndSell() {
        DecisionFusion f = new DecisionFusion(0.3, 0.4, 0.0);
        // single BUY 0.3 with weight 1: score 0.3 >= 0.3 → BUY
        assertThat(f.fuse(List.of(p("a", Action.BUY, 0.3)), id -> 1.0).result().action()).isEqualTo(Action.BUY);
        // SELL 0.39: score -0.39 > -0.4 → HOLD; SELL 0.4 → SELL
        assertThat(f.fuse(List.of(p("a", Action.SELL, 0.39)), id -> 1.0).result().action()).isEqualTo(Action.HOLD);
        assertThat(f.fuse(List.of(p("a", Action.SELL, 0.4)), id -> 1.0).result().action()).isEqualTo(Action.SELL);
    }

    @Test
    void zeroWeightLowConfidenceAndRepeatsDoNotVote() {
        DecisionFusion f = new DecisionFusion(0.2, 0.2, 0.1);
        DecisionFusion.Fused r = f.fuse(List.of(p("a", Action.BUY, 0.9), p("a", Action.SELL, 1.0),
                p("z", Action.SELL, 1.0), p("low", Action.SELL, 0.05)), id -> id.equals("z") ? 0.0 : 1.0);
        // "low" is below minConfidence: listed as asked, but with no weight and no vote
        assertThat(r.contributions()).extracting(Contribution::sourceId).containsExactly("a", "low");
        assertThat(r.contributions().get(1).weight()).isZero();
        assertThat(r.contributions().get(1).vote()).isZero();
        assertThat(r.result().score()).isCloseTo(0.9, within(1e-12));
        assertThat(r.result().action()).isEqualTo(Action.BUY);
    }

    @Test
    void aHoldWithConfidenceZeroIsNoViewAndDoesNotDilute() {
        DecisionFusion f = new DecisionFusion(0.2, 0.2, 0.0);
        DecisionFusion.Fused quiet = f.fuse(List.of(p("st", Action.BUY, 0.6), p("idle1", Action.HOLD, 0.0), p("idle2", Action.HOLD, 0.0)), id -> 1.0);
        assertThat(quiet.result().score()).isCloseTo(0.6, within(1e-12));
        assertThat(quiet.result().action()).isEqualTo(Action.BUY);
        // a HOLD that has a view (confidence > 0) still counts its weight
        DecisionFusion.Fused opinionated = f.fuse(List.of(p("st", Action.BUY, 0.6), p("cautious", Action.HOLD, 0.8)), id -> 1.0);
        assertThat(opinionated.result().score()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void noVoterIsHoldZero() {
        DecisionFusion.Fused r = new DecisionFusion(0.2, 0.2, 0).fuse(List.of(), id -> 1.0);
        assertThat(r.result().action()).isEqualTo(Action.HOLD);
        assertThat(r.result().score()).isZero();
        assertThat(r.contributions()).isEmpty();
    }

    @Test
    void badThresholdsAreRefused() {
        assertThatThrownBy(() -> new DecisionFusion(0, 0.2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionFusion(0.2, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecisionFusion(0.2, 0.2, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The per-prediction weights and votes are scratch kept between calls: a fuse allocates only what it returns.
     * With 30 sources of weight 0 (nothing listed) it returns the shared no-vote result, so 20,000 calls allocate
     * nothing; with fresh arrays per call they took at least 4 × 30 slots each (over 12 MB).
     */
    @Test
    void aFuseInWhichNoSourceIsListedAllocatesNothing() {
        DecisionFusion f = new DecisionFusion(0.2, 0.2, 0.0);
        List<Prediction> preds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            preds.add(p("s" + i, i % 2 == 0 ? Action.BUY : Action.SELL, 0.5));
        }
        DecisionFusion.Weights none = id -> 0.0;
        for (int i = 0; i < 20_000; i++) {
            f.fuse(preds, none); // warm-up: JIT
        }
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            held += f.fuse(preds, none).contributions().size();
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(held).isZero();
        assertThat(f.fuse(preds, none).result().action()).isEqualTo(Action.HOLD);
        assertThat(bytes).as("bytes allocated by 20,000 fuses with nothing listed").isLessThan(20_000);
    }
}
