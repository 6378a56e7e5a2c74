package org.concord.coordination;

import org.concord.execution.RealBars;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SchedulerLearnerAdapterTest {
    static final Symbol BTC = Symbol.of("BTCUSD");
    static final Symbol ETH = Symbol.of("ETHUSD");
    static final Symbol SOL = Symbol.of("SOLUSD");

    static NetOrder order(Symbol s, double q, Timeframe tf, double strength, int hold) {
        double[] c = new double[Bucket.COUNT];
        c[0] = q;
        return new NetOrder(s, q, c, tf.ordinal(), strength, hold);
    }

    @Test
    void shorterTimeframeFirstThenStrengthThenHoldingPeriod() {
        TradeScheduler s = new TradeScheduler(TradeScheduler.Config.defaults());
        s.schedule(0, List.of(
                order(BTC, 0.1, Timeframe.H1, 0.9, 48),
                order(ETH, 1, Timeframe.M5, 0.5, 12),
                order(SOL, 1, Timeframe.M5, 0.8, 48),
                order(Symbol.of("XRPUSD"), 1, Timeframe.M5, 0.8, 12)), 1e9, x -> 100);
        assertThat(s.due(0)).extracting(x -> x.symbol().code()).containsExactly("XRPUSD", "SOLUSD", "ETHUSD", "BTCUSD");
        assertThat(s.due(0)).isEmpty();
    }

    @Test
    void largeOrdersAreStaggeredOneSliceABar() {
        TradeScheduler s = new TradeScheduler(TradeScheduler.Config.defaults());
        double[] c = new double[Bucket.COUNT];
        c[Bucket.SHORT.ordinal()] = 2.5;
        c[Bucket.LONG.ordinal()] = 1.0;
        // 3.5 BTC at 10,000 = 35,000 with slices of at most 10,000: four slices of 8,750
        List<TradeScheduler.Slice> slices = s.schedule(1_000, List.of(new NetOrder(BTC, 3.5, c, 2, 1, 48)), 10_000, x -> 10_000);
        assertThat(slices).hasSize(4);
        assertThat(slices).allSatisfy(x -> {
            assertThat(x.quantity()).isCloseTo(0.875, within(1e-12));
            assertThat(x.composition()[Bucket.SHORT.ordinal()]).isCloseTo(0.625, within(1e-12));
            assertThat(x.composition()[Bucket.LONG.ordinal()]).isCloseTo(0.25, within(1e-12));
        });
        assertThat(slices).extracting(TradeScheduler.Slice::dueTime).containsExactly(1_000L, 301_000L, 601_000L, 901_000L);
        assertThat(slices).extracting(TradeScheduler.Slice::clientOrderId).containsExactly("cc1-1of4", "cc1-2of4", "cc1-3of4", "cc1-4of4");
        assertThat(s.due(1_000)).hasSize(1);
        assertThat(s.due(300_999)).isEmpty();
        assertThat(s.due(301_000)).hasSize(1);
        assertThat(s.queued()).hasSize(2);
        assertThat(s.due(10_000_000)).hasSize(2);
        // never more than maxSlices: 100 x the slice size still makes 10 slices
        TradeScheduler few = new TradeScheduler(new TradeScheduler.Config(0.1, 10));
        assertThat(few.schedule(0, List.of(order(BTC, 100, Timeframe.M5, 1, 12)), 10_000, x -> 10_000)).hasSize(10);
        // small orders go out whole
        assertThat(few.schedule(0, List.of(order(BTC, 0.5, Timeframe.M5, 1, 12)), 10_000, x -> 10_000)).hasSize(1);
    }

    @Test
    void ucbFavoursTheSourceThatEarnedInThisRegimeAndExploresElsewhere() {
        UcbWeightLearner l = new UcbWeightLearner(UcbWeightLearner.Config.defaults());
        Regime trend = new Regime(Regime.Trend.TRENDING, Regime.Volatility.MEDIUM, Regime.Liquidity.NORMAL);
        Regime range = new Regime(Regime.Trend.RANGING, Regime.Volatility.LOW, Regime.Liquidity.NORMAL);
        for (int i = 0; i < 20; i++) {
            l.reward(trend, "momentum", 0.02);
            l.reward(trend, "meanrev", -0.01);
        }
        double[] w = l.weights(trend);
        assertThat(l.sources()).containsExactly("momentum", "meanrev");
        // UCB: mean + 0.05 * sqrt(ln 40 / 20); softmax at temperature 0.02; 10% of the weight spread evenly
        double bonus = 0.05 * Math.sqrt(Math.log(40) / 20);
        double e = Math.exp(((0.02 + bonus) - (-0.01 + bonus)) / 0.02);
        assertThat(w[0]).isCloseTo(0.05 + 0.9 * e / (e + 1), within(1e-12));
        assertThat(w[0] + w[1]).isCloseTo(1, within(1e-12));
        assertThat(w[1]).as("never below the floor").isGreaterThanOrEqualTo(0.1 / 2 - 1e-12);
        double[] other = l.weights(range);
        assertThat(other[0]).as("no data in this regime: equal").isCloseTo(0.5, within(1e-12));
        // a source never rewarded in a regime gets the best score there (explored)
        l.reward(range, "meanrev", 0.01);
        assertThat(l.weight(range, "momentum")).isCloseTo(0.5, within(1e-12));
        l.reward(trend, "x", Double.NaN); // ignored entirely
        assertThat(l.sources()).doesNotContain("x");
    }

    @Test
    void feedbackModeMovesWeightsByProfitAndDrawdown() {
        UcbWeightLearner l = new UcbWeightLearner(new UcbWeightLearner.Config(UcbWeightLearner.Mode.FEEDBACK, 0.05, 0.02, 2.0, 1.0, 0.1));
        l.arm("a");
        l.arm("b");
        assertThat(l.weights(Regime.UNKNOWN)).containsExactly(0.5, 0.5);
        l.feedback("a", 0.10, 0.0);   // exp(2 * 0.10)
        l.feedback("b", 0.10, 0.08);  // exp(2 * (0.10 - 0.08)): the drawdown costs
        double[] w = l.weights(Regime.UNKNOWN);
        double ra = Math.exp(0.2);
        double rb = Math.exp(0.04);
        double wa = 0.05 + 0.9 * ra / (ra + rb);
        assertThat(w[0]).isCloseTo(wa, within(1e-9));
        assertThat(w[0] + w[1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void predictionAdapterPicksTheBucketByHorizon() {
        PredictionAdapter a = new PredictionAdapter("orch", 1.0);
        Signal h1 = a.adapt(new Prediction("orch", BTC, 10, Action.BUY, 0.7, Timeframe.H1, 12, "x"), 10);
        assertThat(h1.bucket()).isEqualTo(Bucket.SHORT);        // 144 five-minute bars: nearest expected 48 (vs 720)
        assertThat(h1.expectedHoldingBars()).isEqualTo(144);
        assertThat(h1.confidence()).isEqualTo(0.7);
        assertThat(h1.size()).isEqualTo(1.0);
        assertThat(a.adapt(new Prediction("orch", BTC, 10, Action.SELL, 0.5, Timeframe.M5, 3, ""), 10).bucket()).isEqualTo(Bucket.SCALPING);
        assertThat(a.adapt(new Prediction("orch", BTC, 10, Action.BUY, 0.5, Timeframe.D1, 10, ""), 10).bucket()).isEqualTo(Bucket.LONG);
        Signal hold = a.adapt(new Prediction("orch", BTC, 10, Action.HOLD, 0.5, Timeframe.H4, 6, ""), 10);
        assertThat(hold.size()).isZero();
        assertThat(hold.bucket()).isEqualTo(Bucket.MEDIUM); // 288 bars
        assertThat(hold.problem()).isNull();
    }

    @Test
    void bucketForHoldingAndBookNames() {
        assertThat(Bucket.forHolding(1)).isEqualTo(Bucket.SCALPING);
        assertThat(Bucket.forHolding(48)).isEqualTo(Bucket.SHORT);
        assertThat(Bucket.forHolding(600)).isEqualTo(Bucket.MEDIUM);
        assertThat(Bucket.forHolding(100_000)).isEqualTo(Bucket.LONG);
        assertThat(Bucket.ofBook("medium")).isEqualTo(Bucket.MEDIUM);
        assertThat(Bucket.ofBook("manual")).isNull();
        assertThat(Bucket.SCALPING.minHoldingBars() + "/" + Bucket.SCALPING.expectedHoldingBars() + "/" + Bucket.SCALPING.maxHoldingBars()).isEqualTo("1/12/60");
        assertThat(Bucket.LONG.minHoldingBars() + "/" + Bucket.LONG.expectedHoldingBars() + "/" + Bucket.LONG.maxHoldingBars()).isEqualTo("1440/4320/8640");
        assertThatThrownBy(() -> Bucket.forHolding(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < Regime.COUNT; i++) {
            assertThat(Regime.ofIndex(i).index()).isEqualTo(i);
        }
    }

    @Test
    void regimeMeasuresTrendVolatilityAndLiquidityWithoutLookingAhead() {
        RegimeDetector line = new RegimeDetector(new EfficiencyRatioMeasure(20, 100), RegimeDetector.Config.defaults());
        for (int i = 0; i < 50; i++) {
            line.onBar(100 + i, 10);
        }
        assertThat(line.measure().trendStrength()).isCloseTo(1, within(1e-12));
        assertThat(line.current().trend()).isEqualTo(Regime.Trend.TRENDING);
        RegimeDetector zigzag = new RegimeDetector(new EfficiencyRatioMeasure(20, 100), RegimeDetector.Config.defaults());
        for (int i = 0; i < 50; i++) {
            zigzag.onBar(i % 2 == 0 ? 100 : 101, 10);
        }
        assertThat(zigzag.measure().trendStrength()).isLessThan(0.1);
        assertThat(zigzag.current().trend()).isEqualTo(Regime.Trend.RANGING);
        // calm, then a burst of volatility and volume
        RegimeDetector burst = new RegimeDetector(new EfficiencyRatioMeasure(20, 200), RegimeDetector.Config.defaults());
        for (int i = 0; i < 300; i++) {
            burst.onBar(100 * (1 + 0.001 * Math.sin(i)), 10);
        }
        assertThat(burst.current().volatility()).isEqualTo(Regime.Volatility.MEDIUM);
        for (int i = 0; i < 20; i++) {
            burst.onBar(100 * (1 + 0.02 * (i % 2 == 0 ? 1 : -1)), 40);
        }
        assertThat(burst.current().volatility()).isEqualTo(Regime.Volatility.HIGH);
        assertThat(burst.current().liquidity()).isEqualTo(Regime.Liquidity.HIGH);

        // real bars: the regime at bar t is the same whatever comes after t
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        int t = 700;
        Regime a = runTo(bars, t, 1.0);
        Regime b = runTo(bars, t, 1.0);
        assertThat(a).isEqualTo(b);
        RegimeDetector d = new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults());
        java.util.Set<Regime> seen = new java.util.HashSet<>();
        for (int i = 0; i < bars.size(); i++) {
            seen.add(d.onBar(bars.close(i), bars.volume(i)));
        }
        assertThat(seen.size()).as("real data visits several regimes").isGreaterThan(3);
    }

    /** Feeds bars up to t, then the rest multiplied by {@code future}: returns the regime seen right after bar t. */
    static Regime runTo(BarSeries bars, int t, double future) {
        RegimeDetector d = new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults());
        Regime at = null;
        for (int i = 0; i < bars.size(); i++) {
            Regime r = d.onBar(i <= t ? bars.close(i) : bars.close(i) * future, bars.volume(i));
            if (i == t) {
                at = r;
            }
        }
        return at;
    }

    @Test
    void perturbingTheFutureDoesNotChangeThePast() {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        for (int t : new int[]{100, 500, 1200}) {
            assertThat(runTo(bars, t, 1.5)).isEqualTo(runTo(bars, t, 1.0));
        }
    }
}
