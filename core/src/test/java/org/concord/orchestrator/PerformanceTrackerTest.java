package org.concord.orchestrator;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceTrackerTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final long M = 60_000;

    private static Decision decision(long seq, long time, double price, Action a, double conf) {
        return new Decision(seq, BTC, Timeframe.M1, time, price, a, a.sign() * conf, conf, "rule", List.of());
    }

    private static Prediction p(String id, Action a, double c, int h) {
        return new Prediction(id, BTC, 0, a, c, Timeframe.M1, h, "");
    }

    @Test
    void scoresOnlyAtMaturityWithTheMaturityBarsClose() {
        // half-life 1: alpha = 0.5; decision horizon 2 bars
        PerformanceTracker t = new PerformanceTracker(1, 2, 2, M);
        t.record(decision(1, 10 * M, 100, Action.BUY, 0.6), List.of(p("up", Action.BUY, 0.5, 1), p("down", Action.SELL, 1.0, 2),
                p("flat", Action.HOLD, 0.7, 1)), true);
        // the bar closing at 11M matures the 1-bar predictions: r = 110/100 - 1 = 0.10
        assertThat(t.onBarClose(BTC, 11 * M, 110, true)).isEmpty();
        assertThat(t.snapshot()).as("published when the decision thread settles, not at every bar").isEmpty();
        t.publish();
        SourcePerformance up = t.snapshot().get("up");
        assertThat(up.scored()).isEqualTo(1);
        assertThat(up.hits()).isEqualTo(1);
        assertThat(up.pnl()).isCloseTo(0.10 * 0.5, within(1e-12));
        assertThat(up.ewHitRate()).isCloseTo(0.75, within(1e-12)); // 0.5 + 0.5·(1 - 0.5)
        assertThat(t.snapshot().get("flat").holds()).isEqualTo(1);
        assertThat(t.snapshot().get("down")).isNull();
        // the bar closing at 12M matures the 2-bar ones: r = 90/100 - 1 = -0.10 → SELL hits, pnl +0.10·1.0
        List<DecisionOutcome> out = t.onBarClose(BTC, 12 * M, 90, true);
        t.publish();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).realizedReturn()).isCloseTo(-0.10, within(1e-12));
        assertThat(out.get(0).predictions()).hasSize(3);
        assertThat(t.snapshot().get("down").pnl()).isCloseTo(0.10, within(1e-12));
        SourcePerformance d = t.snapshot().get(PerformanceTracker.DECISION_SOURCE);
        assertThat(d.hits()).isZero();
        assertThat(d.pnl()).isCloseTo(-0.10 * 0.6, within(1e-12));
        assertThat(t.pendingCount()).isZero();
    }

    @Test
    void manyWaitingPredictionsMatureEachAtItsOwnHorizon() {
        // 10 decisions of 5 predictions (horizons 1..5 bars) and a 3-bar decision each: 60 waiting at once at most
        PerformanceTracker t = new PerformanceTracker(1, 2, 3, M);
        int scored = 0;
        for (int k = 0; k < 20; k++) {
            long close = (10 + k) * M;
            List<DecisionOutcome> out = t.onBarClose(BTC, close, 100 + k, true);
            // at close k: the predictions of decision k-h with horizon h (h ≤ min(k, 5)) and decision k-3 mature
            int expected = 0;
            for (int h = 1; h <= 5; h++) {
                expected += k - h >= 0 && k - h < 10 ? 1 : 0;
            }
            scored += expected;
            assertThat(out).as("bar %d", k).hasSize(k >= 3 && k - 3 < 10 ? 1 : 0);
            if (!out.isEmpty()) {
                assertThat(out.get(0).decision().seq()).isEqualTo(k - 3 + 1);
            }
            if (k < 10) {
                t.record(decision(k + 1, close, 100 + k, Action.BUY, 0.5), List.of(p("h1", Action.BUY, 0.5, 1), p("h2", Action.BUY, 0.5, 2),
                        p("h3", Action.BUY, 0.5, 3), p("h4", Action.BUY, 0.5, 4), p("h5", Action.BUY, 0.5, 5)), true);
            }
        }
        t.publish();
        assertThat(t.pendingCount()).isZero();
        assertThat(t.snapshot().values().stream().mapToLong(SourcePerformance::scored).sum()).isEqualTo(scored + 10).isEqualTo(60);
    }

    @Test
    void withoutALearnerNoOutcomeIsBuiltButEverySourceIsScored() {
        PerformanceTracker t = new PerformanceTracker(1, 2, 1, M);
        t.record(decision(1, 10 * M, 100, Action.BUY, 0.6), List.of(p("up", Action.BUY, 0.5, 1)), true);
        assertThat(t.onBarClose(BTC, 11 * M, 110, false)).isEmpty();
        t.publish();
        assertThat(t.snapshot().get("up").hits()).isEqualTo(1);
        assertThat(t.snapshot().get(PerformanceTracker.DECISION_SOURCE).hits()).isEqualTo(1);
    }

    @Test
    void aDecisionRecordedWithoutItsInputsIsScoredButGivesNoOutcome() {
        PerformanceTracker t = new PerformanceTracker(1, 2, 1, M);
        t.record(decision(1, 10 * M, 100, Action.BUY, 0.6), List.of(p("up", Action.BUY, 0.5, 1)), false); // nothing learned then
        t.record(decision(2, 10 * M, 100, Action.BUY, 0.6), List.of(p("up", Action.BUY, 0.5, 1)), true);
        assertThat(t.onBarClose(BTC, 11 * M, 110, true)).as("a learner now runs: only the decision with inputs")
                .singleElement().satisfies(o -> assertThat(o.decision().seq()).isEqualTo(2));
        t.publish();
        assertThat(t.snapshot().get("up").hits()).isEqualTo(2);
        assertThat(t.snapshot().get(PerformanceTracker.DECISION_SOURCE).hits()).isEqualTo(2);
    }

    @Test
    void aGapMaturesAtTheFirstBarAfterTheHorizon() {
        PerformanceTracker t = new PerformanceTracker(10, 1, 1, M);
        t.record(decision(1, 10 * M, 100, Action.SELL, 1), List.of(), true);
        assertThat(t.onBarClose(BTC, 10 * M + M / 2, 50, true)).isEmpty(); // not yet due
        assertThat(t.onBarClose(BTC, 14 * M, 95, true)).singleElement()
                .satisfies(o -> assertThat(o.maturityTime()).isEqualTo(14 * M));
    }

    @Test
    void adaptiveFactorFollowsTheHitRateAfterMinSamples() {
        PerformanceTracker t = new PerformanceTracker(1, 2, 1, M);
        long time = 0;
        double price = 100;
        assertThat(t.weightFactor("x")).isEqualTo(1.0);
        for (int i = 0; i < 2; i++) {
            t.record(decision(i + 1, time, price, Action.HOLD, 0), List.of(p("x", Action.BUY, 1, 1)), true);
            time += M;
            price *= 0.99; // always wrong
            t.onBarClose(BTC, time, price, false);
            if (i == 0) {
                assertThat(t.weightFactor("x")).isEqualTo(1.0); // below minSamples
            }
        }
        // ewHit: 0.5 → 0.25 → 0.125; factor = clamp(2 × 0.125, 0.25, 2) = 0.25
        assertThat(t.weightFactor("x")).isCloseTo(0.25, within(1e-12));
    }
}
