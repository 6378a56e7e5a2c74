package org.concord.coordination;

import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.DecisionFusion;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.StateVector;
import org.concord.risk.PlannedOrder;
import org.concord.risk.RiskLimits;
import org.concord.risk.RiskRule;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The coordination inputs that must change what is traded (ablations at the unit level; the backtest-level ones are
 * in the modules' EveryVoiceBacktestTest): the meta-labeling confidence gates and scales a source's size and travels
 * from a model's prediction to its signal; the microstructure module's VPIN and the macro gate reach the engine from
 * the decision's state vector; the risk manager's drawdown halt closes entries in the plan.
 */
class InputsThatActTest {
    static final Symbol BTC = Symbol.of("BTCUSD");

    /** BUY quantity planned for one SHORT signal with {@code meta}: 25,000 per bucket, sqrt(0.64) = 0.8 → 1.0 BTC × meta. */
    private static PositionCoordinator.PlanResult plan(PositionCoordinator pc, Double meta) {
        Signal s = Signal.of("cnn", BTC, 100, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5).withMeta(meta);
        return pc.plan(100, List.of(s), 100_000, x -> 20_000, x -> 0);
    }

    @Test
    void metaLabelConfidenceGatesBelowTheThresholdAndScalesTheSizeAbove() {
        assertThat(plan(AlignmentAndConflictTest.coordinator(PositionCoordinator.Config.defaults(), new BucketLedger()), null)
                .plan().orders()).extracting(PlannedOrder::quantity).containsExactly(1.0);
        PositionCoordinator.PlanResult scaled = plan(AlignmentAndConflictTest.coordinator(PositionCoordinator.Config.defaults(), new BucketLedger()), 0.8);
        assertThat(scaled.plan().orders()).hasSize(1);
        assertThat(scaled.plan().orders().get(0).quantity()).as("meta 0.8 scales the size").isCloseTo(0.8, within(1e-12));

        PositionCoordinator gated = AlignmentAndConflictTest.coordinator(PositionCoordinator.Config.defaults(), new BucketLedger());
        PositionCoordinator.PlanResult r = plan(gated, 0.4);
        assertThat(r.plan().orders()).as("meta 0.4 is below the 0.5 gate: not traded").isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.reason()).startsWith("meta-label gate"));
        assertThat(gated.metaSkipped()).isEqualTo(1);
    }

    @Test
    void metaConfidenceTravelsFromAModelsPredictionToItsSignal() {
        Prediction p = new Prediction("cnn", BTC, 300_000, Action.BUY, 0.7, Timeframe.M5, 12, "model", 0.8);
        assertThat(new PredictionAdapter("cnn", 1.0).adapt(p, 300_000).metaConfidence()).isEqualTo(0.8);
        // through the fusion's contribution into the source's own signal, in the bucket of its declared holding (4 h)
        DecisionFusion.Fused f = new DecisionFusion(0.3, 0.3, 0).fuse(List.of(p), id -> 1.0, id -> 4 * 3_600_000L);
        Decision d = new Decision(1, BTC, Timeframe.M5, 300_000, 800, f.result().action(), f.result().score(), f.result().confidence(),
                f.result().fusion(), f.contributions());
        Signal s = new SourceSignals(1.0).of(d).get(0);
        assertThat(s.metaConfidence()).isEqualTo(0.8);
        assertThat(s.bucket()).isEqualTo(Bucket.SHORT);
        assertThat(s.sourceId()).isEqualTo("cnn");
    }

    /** The BUY quantity the engine plans on a real bar after the market conditions of {@code state} were applied. */
    private static double plannedBuy(double vpin, double allow) {
        RealBarEngine r = RealBarEngine.of(RiskLimits.defaults());
        BarSeries bars = r.bars();
        CoordinationEngine engine = r.engine();
        long t = r.close(400);
        StateVector state = new StateVector(1, List.of(MarketConditions.VPIN, MarketConditions.VPIN_READY, MarketConditions.ENTRY_GATE),
                new double[] {vpin, 1, allow});
        new MarketConditions().apply(bars.symbol(), state, engine);
        DecisionReport d = engine.decide(t, List.of(Signal.of("turtle", bars.symbol(), t, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5)));
        return d.plan().plan().orders().stream().mapToDouble(PlannedOrder::quantity).sum();
    }

    @Test
    void vpinFromTheStateVectorCutsSizesAboveItsThreshold() {
        double calm = plannedBuy(0.2, 1);
        assertThat(calm).isPositive();
        assertThat(plannedBuy(0.7, 1)).as("at the threshold: no cut").isCloseTo(calm, within(1e-12));
        // VPIN 0.85: scale 1 - 0.75 × (0.15 / 0.3) = 0.625
        assertThat(plannedBuy(0.85, 1)).isCloseTo(calm * 0.625, within(1e-9));
    }

    @Test
    void theMacroGateClosesNewEntries() {
        assertThat(plannedBuy(0, 1)).isPositive();
        assertThat(plannedBuy(0, 0)).as("the gate says block: no new position").isZero();
    }

    @Test
    void theDrawdownHaltClosesNewEntriesInThePlanAndExitsStillGoOut() {
        // halts past 0.3 %: a long book on real 5m bars gets there within the week
        RealBarEngine r = RealBarEngine.of(RiskLimits.defaults().withDrawdown(0.001, 0.003, 0.5, 0.5));
        BarSeries bars = r.bars();
        UnifiedRiskManager risk = r.risk();
        CoordinationEngine engine = r.engine();
        int i = 400;
        for (; i < bars.size() && !risk.drawdown().halted(); i++) {
            long t = r.close(i);
            if (!risk.drawdown().halted()) {
                engine.decide(t, List.of(Signal.of("turtle", bars.symbol(), t, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5)));
            }
        }
        assertThat(risk.drawdown().halted()).as("the long book met a 0.3 %% drawdown by bar %d", i).isTrue();
        assertThat(r.broker().account().positionQuantity(bars.symbol())).as("the halt's deleveraging kept part of the book").isPositive();
        long t = bars.time(i - 1) + 300_000;
        DecisionReport entry = engine.decide(t, List.of(Signal.of("ichimoku", bars.symbol(), t, Bucket.MEDIUM, Action.BUY, 1, 0.9, Timeframe.M5)));
        assertThat(entry.plan().plan().orders()).as("no new entry while the halt holds").isEmpty();
        assertThat(entry.plan().intents()).singleElement()
                .satisfies(in -> assertThat(in.notes()).contains("entries closed (drawdown halt): no new exposure"));
        assertThat(engine.entriesBlocked(EntryGate.DRAWDOWN_HALT)).isEqualTo(1);
        assertThat(engine.entriesBlocked(EntryGate.MACRO)).isZero();
        DecisionReport exit = engine.decide(t, List.of(Signal.of("turtle", bars.symbol(), t, Bucket.SHORT, Action.SELL, 1, 0.9, Timeframe.M5)));
        assertThat(exit.plan().plan().orders()).as("the exit still goes out").singleElement().satisfies(o -> {
            assertThat(o.book()).isEqualTo(Bucket.SHORT.book());
            assertThat(o.quantity()).isNegative();
        });
        assertThat(risk.history()).as("nothing for the risk manager to refuse").noneMatch(e -> e.rule() == RiskRule.DRAWDOWN_HALT);
    }
}
