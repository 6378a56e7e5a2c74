package org.concord.coordination;

import org.concord.execution.PositionSizer;
import org.concord.execution.SizingConfig;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Harmony, alignment scaling, conflict policies and the per-symbol net limit, worked by hand. */
class AlignmentAndConflictTest {
    static final Symbol BTC = Symbol.of("BTCUSD");

    static BucketIntent intent(Bucket b, Action a, double size, double conf, Timeframe tf) {
        return BucketIntent.of(Signal.of("m-" + b.book(), BTC, 0, b, a, size, conf, tf));
    }

    @Test
    void harmonyWeighsAgreementByConfidenceTimesStrength() {
        // weights c*s: 0.8*0.8 = 0.64 and 0.6*0.6 = 0.36, all buying: harmony 1
        List<BucketIntent> agree = List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.8, Timeframe.M5), intent(Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.H1));
        assertThat(SignalAlignment.harmony(agree)).isEqualTo(1);
        // a scalping sell with c*s = 0.5 * 0.2 = 0.1: |0.64 + 0.36 - 0.1| / 1.1
        List<BucketIntent> mixed = new ArrayList<>(agree);
        mixed.add(intent(Bucket.SCALPING, Action.SELL, 0.4, 0.5, Timeframe.M1));
        assertThat(SignalAlignment.harmony(mixed)).isCloseTo(0.9 / 1.1, within(1e-12));
        // one each way with equal weight: 0
        assertThat(SignalAlignment.harmony(List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.5, Timeframe.M5),
                intent(Bucket.LONG, Action.SELL, 1, 0.5, Timeframe.D1)))).isZero();
    }

    @Test
    void alignedBucketsAreScaledUpOnlyWhenEnoughAgree() {
        List<BucketIntent> agree = List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.8, Timeframe.M5), intent(Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.H1));
        AlignmentEvent e = SignalAlignment.defaults().align(7, BTC, agree);
        assertThat(e).isNotNull();
        assertThat(e.multiplier()).isEqualTo(1.5); // 1 + 0.5 * harmony 1
        assertThat(e.buckets()).containsExactly(Bucket.SHORT, Bucket.MEDIUM);
        assertThat(agree).allSatisfy(i -> assertThat(i.multiplier()).isEqualTo(1.5));

        List<BucketIntent> mixed = new ArrayList<>(List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.8, Timeframe.M5),
                intent(Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.H1), intent(Bucket.SCALPING, Action.SELL, 0.4, 0.5, Timeframe.M1)));
        AlignmentEvent m = SignalAlignment.defaults().align(7, BTC, mixed);
        assertThat(m.multiplier()).isCloseTo(1 + 0.5 * 0.9 / 1.1, within(1e-12));
        assertThat(mixed.get(2).multiplier()).as("the dissenting bucket is not boosted").isEqualTo(1);

        // a lone bucket is not "aligned"; harmony below 0.8 is not either
        assertThat(SignalAlignment.defaults().align(7, BTC, List.of(intent(Bucket.SHORT, Action.BUY, 1, 1, Timeframe.M5)))).isNull();
        assertThat(SignalAlignment.defaults().align(7, BTC, List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.6, Timeframe.M5),
                intent(Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.H1), intent(Bucket.LONG, Action.SELL, 1, 0.6, Timeframe.D1)))).isNull();
    }

    List<BucketIntent> conflict() {
        return new ArrayList<>(List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.8, Timeframe.M5),
                intent(Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.H1), intent(Bucket.SCALPING, Action.SELL, 1, 0.5, Timeframe.M1)));
    }

    @Test
    void confidencePriorityLetsTheStrongerSideTradeAlone() {
        List<BucketIntent> in = conflict();
        ConflictEvent e = new ConflictResolver(ConflictPolicy.CONFIDENCE_PRIORITY).resolve(5, BTC, in);
        assertThat(e.buyScore()).isCloseTo(1.4, within(1e-12));
        assertThat(e.sellScore()).isEqualTo(0.5);
        assertThat(e.winner()).isEqualTo(1);
        assertThat(e.buyers()).containsExactly(Bucket.SHORT, Bucket.MEDIUM);
        assertThat(e.sellers()).containsExactly(Bucket.SCALPING);
        assertThat(in.get(2).dropped()).isTrue();
        assertThat(in.get(0).dropped()).isFalse();
        assertThat(in.get(0).scale()).isEqualTo(1);
        assertThat(e.outcome()).isEqualTo("buy side wins");
        assertThat(e.buySources()).containsExactly("m-short", "m-medium");
        assertThat(e.sellSources()).containsExactly("m-scalping");
        assertThat(in.get(2).notes()).containsExactly("conflict lost to the buy side (CONFIDENCE_PRIORITY)");
        assertThat(in.get(0).notes()).isEmpty();
    }

    @Test
    void partialAllocationGivesTheWinnerItsMarginShare() {
        List<BucketIntent> in = conflict();
        ConflictEvent e = new ConflictResolver(ConflictPolicy.PARTIAL).resolve(5, BTC, in);
        assertThat(e.scale()).isCloseTo((1.4 - 0.5) / 1.4, within(1e-12));
        assertThat(in.get(0).scale()).isCloseTo(0.642857142857, within(1e-9));
        assertThat(in.get(2).dropped()).isTrue();
        assertThat(e.outcome()).isEqualTo("buy side wins with 64.3% of its size");
        assertThat(in.get(0).notes()).containsExactly("conflict won partially: size x0.643");
    }

    @Test
    void nettingKeepsBothSidesAndATieUnderPriorityTradesNothing() {
        List<BucketIntent> in = conflict();
        ConflictEvent e = new ConflictResolver(ConflictPolicy.NETTING).resolve(5, BTC, in);
        assertThat(e.winner()).isZero();
        assertThat(in).noneMatch(BucketIntent::dropped);
        assertThat(e.outcome()).isEqualTo("netted: [SHORT, MEDIUM] buy vs [SCALPING] sell, each book keeps its target");
        assertThat(in.get(1).notes()).containsExactly("conflict netted: both sides keep their books, the account holds the net");
        List<BucketIntent> tie = new ArrayList<>(List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.7, Timeframe.M5),
                intent(Bucket.LONG, Action.SELL, 1, 0.7, Timeframe.D1)));
        ConflictEvent t = new ConflictResolver(ConflictPolicy.CONFIDENCE_PRIORITY).resolve(5, BTC, tie);
        assertThat(t.winner()).isZero();
        assertThat(tie).allMatch(BucketIntent::dropped);
        assertThat(tie.get(0).notes()).containsExactly("conflict tie: no trade");
        assertThat(t.outcome()).isEqualTo("tie: neither side trades");
        assertThat(new ConflictResolver(ConflictPolicy.PARTIAL).resolve(5, BTC,
                List.of(intent(Bucket.SHORT, Action.BUY, 1, 0.7, Timeframe.M5)))).as("no conflict, no event").isNull();
    }

    // ---------------------------------------------------------------- the coordinator's arithmetic

    static PositionCoordinator coordinator(PositionCoordinator.Config cfg, BucketLedger ledger) {
        CapitalAllocationManager alloc = CapitalAllocationManager.defaults(null);
        return new PositionCoordinator(cfg, ledger, alloc, new UcbWeightLearner(UcbWeightLearner.Config.defaults()),
                new PositionSizer(SizingConfig.defaults()), SignalAlignment.defaults());
    }

    @Test
    void alignedBucketsAreSizedFromTheirCapitalAndCappedByTheSafetyFraction() {
        // equity 100,000, BTC 20,000, equal allocation 25% -> 25,000 per bucket, fixed fraction 1, cap 1
        BucketLedger ledger = new BucketLedger();
        PositionCoordinator pc = coordinator(PositionCoordinator.Config.defaults(), ledger);
        List<Signal> s = List.of(
                Signal.of("a", BTC, 100, Bucket.MEDIUM, Action.BUY, 1, 0.36, Timeframe.H1),   // sqrt(0.36) = 0.6 -> 15,000 x1.5 = 22,500
                Signal.of("b", BTC, 100, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5));   // sqrt(0.64) = 0.8 -> 20,000 x1.5 = 30,000 -> cap 25,000
        PositionCoordinator.PlanResult r = pc.plan(100, s, 100_000, x -> 20_000, x -> 0);
        assertThat(r.plan().orders()).extracting(o -> o.book() + ":" + o.quantity())
                .containsExactly("short:1.25", "medium:1.125"); // M5 before H1
        assertThat(r.alignments()).hasSize(1);
        assertThat(r.conflicts()).isEmpty();
        // toxicity: VPIN 0.8 with threshold 0.7 and floor 0.25 -> scale 1 - 0.75 * (0.1 / 0.3) = 0.75 (medium: 22,500 * 0.75)
        PositionCoordinator.PlanResult toxic = coordinator(PositionCoordinator.Config.defaults(), new BucketLedger())
                .plan(100, s, 100_000, x -> 20_000, x -> 0.8);
        assertThat(toxic.plan().orders().get(1).quantity()).isCloseTo(1.125 * 0.75, within(1e-12));
    }

    @Test
    void theNetLimitScalesTheNewTargetsAndIsRecorded() {
        PositionCoordinator pc = coordinator(PositionCoordinator.Config.defaults(), new BucketLedger());
        List<Signal> s = List.of(
                Signal.of("a", BTC, 100, Bucket.MEDIUM, Action.BUY, 1, 0.36, Timeframe.H1),
                Signal.of("b", BTC, 100, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5),
                Signal.of("c", BTC, 100, Bucket.LONG, Action.BUY, 1, 1.0, Timeframe.D1));
        PositionCoordinator.PlanResult r = pc.plan(100, s, 100_000, x -> 20_000, x -> 0);
        // targets 25,000 + 22,500 + 25,000 = 72,500 > 50% of equity: all x 50,000 / 72,500
        double k = 50_000.0 / 72_500;
        assertThat(r.conflicts()).singleElement().satisfies(e -> {
            assertThat(e.policy()).isNull();
            assertThat(e.scale()).isCloseTo(k, within(1e-12));
            assertThat(e.netBefore()).isCloseTo(0.725, within(1e-12));
            assertThat(e.netAfter()).isCloseTo(0.5, within(1e-12));
        });
        assertThat(r.plan().orders()).extracting(o -> o.quantity())
                .containsExactly(1.25 * k, 1.125 * k, 1.25 * k);
        assertThat(PositionCoordinator.netScale(0.2, 0.5, 0.5)).isCloseTo(0.6, within(1e-12));
        assertThat(PositionCoordinator.netScale(0.8, 0.5, 0.5)).as("already over: the best is no addition").isZero();
        assertThat(PositionCoordinator.netScale(0.8, -1.0, 0.5)).as("reducing: take it all").isEqualTo(1);
    }

    @Test
    void aSpotAccountTurnsASellIntoAnExitAndBadSignalsAreRejectedWithTheReason() {
        PositionCoordinator pc = coordinator(PositionCoordinator.Config.defaults(), new BucketLedger());
        List<Signal> s = List.of(
                Signal.of("short", BTC, 100, Bucket.SHORT, Action.SELL, 1, 0.9, Timeframe.M5),
                Signal.of("nan", BTC, 100, Bucket.MEDIUM, Action.BUY, Double.NaN, 0.9, Timeframe.H1),
                Signal.of("inf", BTC, 100, Bucket.MEDIUM, Action.BUY, 1, Double.POSITIVE_INFINITY, Timeframe.H1),
                Signal.of("conf", BTC, 100, Bucket.LONG, Action.BUY, 1, 1.5, Timeframe.D1),
                Signal.of("future", BTC, 200, Bucket.LONG, Action.BUY, 1, 0.5, Timeframe.D1),
                Signal.of("meta", BTC, 100, Bucket.LONG, Action.BUY, 1, 0.5, Timeframe.D1).withMeta(Double.NaN));
        PositionCoordinator.PlanResult r = pc.plan(100, s, 100_000, x -> 20_000, x -> 0);
        assertThat(r.plan().orders()).isEmpty();
        assertThat(r.rejected()).extracting(x -> x.sourceId() + ": " + x.reason()).containsExactly(
                "nan: size is NaN (not a finite number)",
                "inf: confidence is Infinity (not a finite number)",
                "conf: confidence 1.5 is outside [0, 1]",
                "future: signal time 200 is after the decision time 100 (lookahead)",
                "meta: metaConfidence NaN is not in [0, 1]");
    }

    @Test
    void holdingPeriodsKeepAndExpirePositions() {
        BucketLedger ledger = new BucketLedger();
        PositionCoordinator pc = coordinator(PositionCoordinator.Config.defaults(), ledger);
        long t0 = 1_000 * Bucket.BAR_MILLIS;
        // a SHORT-bucket position (min 12 bars) and a SCALPING one (max 60 bars) opened at t0
        ledger.planOpening(Bucket.SHORT, BTC, "s", null, 12, 288);
        ledger.addPending(Bucket.SHORT, BTC, 1);
        ledger.fill(Bucket.SHORT, BTC, 1, 20_000, 0, t0);
        ledger.planOpening(Bucket.SCALPING, BTC, "k", null, 1, 60);
        ledger.addPending(Bucket.SCALPING, BTC, 0.5);
        ledger.fill(Bucket.SCALPING, BTC, 0.5, 20_000, 0, t0);
        assertThat(ledger.committed(Bucket.SHORT, BTC)).isEqualTo(1);
        Signal exit = Signal.of("s", BTC, 0, Bucket.SHORT, Action.SELL, 0, 0.9, Timeframe.M5);
        long early = t0 + 5 * Bucket.BAR_MILLIS;
        PositionCoordinator.PlanResult r1 = pc.plan(early, List.of(exit), 100_000, x -> 20_000, x -> 0);
        assertThat(r1.plan().orders()).isEmpty();
        assertThat(r1.intents().get(0).direction()).isZero();
        assertThat(r1.items()).isEmpty();
        assertThat(r1.intents().get(0).notes()).containsExactly("minimum holding of 12 bars not reached: position kept");
        long later = t0 + 12 * Bucket.BAR_MILLIS;
        PositionCoordinator.PlanResult r2 = pc.plan(later, List.of(exit), 100_000, x -> 20_000, x -> 0);
        assertThat(r2.plan().orders()).extracting(o -> o.book() + ":" + o.quantity()).containsExactly("short:-1.0");
        // no signal at all: the scalping book is closed once 60 bars have passed
        assertThat(pc.plan(t0 + 59 * Bucket.BAR_MILLIS, List.of(), 100_000, x -> 20_000, x -> 0).plan().orders())
                .noneMatch(o -> o.book().equals("scalping"));
        PositionCoordinator.PlanResult r3 = pc.plan(t0 + 60 * Bucket.BAR_MILLIS, List.of(), 100_000, x -> 20_000, x -> 0);
        assertThat(r3.plan().orders()).filteredOn(o -> o.book().equals("scalping")).singleElement()
                .satisfies(o -> {
                    assertThat(o.quantity()).isEqualTo(-0.5);
                    assertThat(o.reason()).contains("maximum holding of 60 bars reached");
                });
    }

    @Test
    void oppositeBooksCrossInsideTheLedgerAndOnlyTheNetGoesToTheMarket() {
        BucketLedger ledger = new BucketLedger();
        double[] comps = new double[Bucket.COUNT];
        comps[Bucket.SHORT.ordinal()] = 1.0;
        comps[Bucket.MEDIUM.ordinal()] = -0.4;
        ledger.addPending(Bucket.SHORT, BTC, 1.0);
        ledger.addPending(Bucket.MEDIUM, BTC, -0.4);
        double crossed = ledger.crossInternally(BTC, comps, 20_000, 5);
        assertThat(crossed).isCloseTo(0.4, within(1e-12));
        assertThat(comps[Bucket.SHORT.ordinal()]).isCloseTo(0.6, within(1e-12));
        assertThat(comps[Bucket.MEDIUM.ordinal()]).isZero();
        assertThat(ledger.position(Bucket.SHORT, BTC).quantity()).isCloseTo(0.4, within(1e-12));
        assertThat(ledger.position(Bucket.SHORT, BTC).pending()).isCloseTo(0.6, within(1e-12));
        assertThat(ledger.position(Bucket.MEDIUM, BTC).quantity()).isCloseTo(-0.4, within(1e-12));
        assertThat(ledger.total(BTC)).isCloseTo(0, within(1e-12));
        // the market fill of the 0.6 net completes the short book at its price
        ledger.fill(Bucket.SHORT, BTC, 0.6, 20_100, 1.2, 6);
        assertThat(ledger.position(Bucket.SHORT, BTC).averagePrice()).isCloseTo((0.4 * 20_000 + 0.6 * 20_100) / 1.0, within(1e-9));
        assertThat(ledger.position(Bucket.SHORT, BTC).pending()).isZero();
        assertThat(ledger.pnl(Bucket.SHORT, x -> 20_100)).isCloseTo(0.4 * 100 - 1.2, within(1e-9));
    }

    @Test
    void notesWriteTwoDecimalsAsDoubleToStringWritesTheRoundedValue() {
        java.util.Random r = new java.util.Random(7);
        double[] edges = {0, -0.0, 0.004, 0.005, -0.005, 0.05, 0.1, 1, 1.005, 9.995, -12.345, 99_999.99, 999_999.994, 999_999.995, 1e7, -3e9,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
        for (double v : edges) {
            assertThat(SignalAlignment.round2(v)).as("%s", v).isEqualTo(Double.toString(Math.round(v * 100) / 100.0));
        }
        for (int i = 0; i < 200_000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(9));
            assertThat(SignalAlignment.round2(v)).as("%s", v).isEqualTo(Double.toString(Math.round(v * 100) / 100.0));
        }
    }
}
