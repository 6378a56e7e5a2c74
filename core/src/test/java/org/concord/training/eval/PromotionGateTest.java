package org.concord.training.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on hand-built scorecards: a version passes only when it beats the best of majority, always-long and
 * always-flat on accuracy AND on P&L after costs; the refusal names the gap. (Synthetic figures: they force each
 * side of the rule, which the trained test models cannot be made to hit on demand.)
 */
class PromotionGateTest {
    /** Costs of 0.24 % round trip; accuracy and P&L figures with each baseline set by the caller. */
    private static Scorecard card(double acc, double majAcc, double longAcc, double flatAcc, double pnl, double majPnl, double longPnl) {
        return new Scorecard(400, acc, majAcc, longAcc, flatAcc, pnl, majPnl, longPnl, 0.0, 1.5, 2, 0.24);
    }

    @Test
    void anAccuracyLiftWithoutAPnlLiftIsRefused() {
        // beats every accuracy baseline by 5 points, but always-long earns more per signal after costs
        PromotionGate.Verdict v = PromotionGate.judge(card(0.60, 0.55, 0.40, 0.30, 0.010, -0.020, 0.050));
        assertThat(v.passed()).isFalse();
        assertThat(v.gap()).contains("n=400").contains("accuracy 60.0% vs majority 55.0% (+5.0 pts)")
                .contains("P&L +0.010%/signal after 0.24% costs vs always-long +0.050% (-0.040)");
    }

    @Test
    void aPnlLiftWithoutAnAccuracyLiftIsRefused() {
        // earns more than every constant strategy, but always-flat (HOLD every row) is right more often
        PromotionGate.Verdict v = PromotionGate.judge(card(0.50, 0.45, 0.35, 0.52, 0.030, -0.010, -0.020));
        assertThat(v.passed()).isFalse();
        assertThat(v.gap()).contains("accuracy 50.0% vs always-flat 52.0% (-2.0 pts)")
                .contains("P&L +0.030%/signal after 0.24% costs vs always-flat +0.000% (+0.030)");
    }

    @Test
    void aTieWithTheBestBaselineIsNoLift() {
        assertThat(PromotionGate.judge(card(0.55, 0.55, 0.40, 0.30, 0.030, -0.010, -0.020)).passed()).as("accuracy lift 0").isFalse();
        assertThat(PromotionGate.judge(card(0.60, 0.55, 0.40, 0.30, 0.050, -0.010, 0.050)).passed()).as("P&L lift 0").isFalse();
    }

    @Test
    void bothLiftsMustBeAgainstTheBestOfTheThreeBaselines() {
        // beats majority on both scores, but not always-long's P&L: refused, and always-long is the one named
        PromotionGate.Verdict notBest = PromotionGate.judge(card(0.60, 0.55, 0.50, 0.30, 0.030, 0.010, 0.040));
        assertThat(notBest.passed()).isFalse();
        assertThat(notBest.gap()).contains("vs majority 55.0% (+5.0 pts)").contains("vs always-long +0.040% (-0.010)");
        // beats majority and always-long on accuracy, but not always-flat: refused
        assertThat(PromotionGate.judge(card(0.60, 0.55, 0.58, 0.61, 0.050, 0.010, 0.040)).passed()).isFalse();

        // above all three on both: passes, and the text still shows the margin against the best one
        PromotionGate.Verdict v = PromotionGate.judge(card(0.62, 0.55, 0.58, 0.61, 0.050, 0.010, 0.040));
        assertThat(v.passed()).isTrue();
        assertThat(v.gap()).contains("accuracy 62.0% vs always-flat 61.0% (+1.0 pts)").contains("vs always-long +0.040% (+0.010)");
    }

    @Test
    void noRecordedBaselinesAreRefused() {
        assertThat(PromotionGate.judge(null).passed()).isFalse();
        assertThat(PromotionGate.judge(null).gap()).isEqualTo("no out-of-sample baselines recorded for this version");
        assertThat(PromotionGate.judge(Scorecard.of(new int[0], new int[0], new double[0], null, 2, 0.24)).passed()).isFalse();
    }

    @Test
    void theRefusalTheRepositoryThrowsNamesTheGap() {
        PromotionGate.Verdict v = PromotionGate.judge(card(0.60, 0.55, 0.40, 0.30, 0.010, -0.020, 0.050));
        PromotionGate.BelowGateException e = new PromotionGate.BelowGateException("cnn-btcusd v000003", v);
        assertThat(e.getMessage()).startsWith("cnn-btcusd v000003 is below the promotion gate: " + v.gap()).contains("needs a confirmation that names this gap");
        assertThat(e.verdict()).isEqualTo(v);
    }
}
