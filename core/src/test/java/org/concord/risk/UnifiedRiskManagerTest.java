package org.concord.risk;

import org.concord.bus.InProcessEventBus;
import org.concord.execution.FeeModel;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.execution.SlippageModel;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnifiedRiskManagerTest {
    static final Symbol BTC = BundledData.BTCUSD;
    static final Symbol ETH = Symbol.of("ETHUSD");

    @Test
    void aManualOrderBreakingACapIsRejectedNamingTheRuleAndAnOverridePassesAndIsLogged() {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        InProcessEventBus bus = new InProcessEventBus();
        List<RiskEvent> published = new ArrayList<>();
        bus.subscribe(RiskTopics.EVENTS, published::add);
        UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults(), Timeframe.M5, new CorrelationAnalyzer(288, 30), bus);
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000).withCosts(FeeModel.ZERO, SlippageModel.NONE),
                risk.preTradeCheck(), bus);
        RealBars.feed(broker, bars, 0);
        double px = bars.close(0);
        // 40% of equity in one order: the order-size cap (25%) is broken
        double qty = 0.4 * 100_000 / px;
        Order rejected = broker.submit(OrderRequest.market("man-1", BTC, OrderSide.BUY, qty).manual());
        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.reason()).startsWith("risk rule ORDER_SIZE: ").contains("limit 25.00%");
        assertThat(risk.history()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(RiskEvent.Kind.REJECTED);
            assertThat(e.rule()).isEqualTo(RiskRule.ORDER_SIZE);
            assertThat(e.value()).isCloseTo(0.4, within(1e-9));
        });
        // the same order with the person's explicit override goes through, and the override is an event
        Order overridden = broker.submit(OrderRequest.market("man-2", BTC, OrderSide.BUY, qty).manual().withRiskOverride());
        assertThat(overridden.state()).isEqualTo(OrderState.NEW);
        assertThat(risk.history()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(RiskEvent.Kind.OVERRIDDEN);
            assertThat(e.rule()).isEqualTo(RiskRule.ORDER_SIZE);
            assertThat(e.message()).contains("man-2").contains("override");
        });
        assertThat(published).isEqualTo(risk.history());
        RealBars.feed(broker, bars, 1);
        assertThat(broker.position(BTC).quantity()).isCloseTo(qty, within(1e-12));
        // an override flag on a strategy order is not honoured
        Order strategy = broker.submit(OrderRequest.market("strat", BTC, OrderSide.BUY, qty).withRiskOverride());
        assertThat(strategy.state()).isEqualTo(OrderState.REJECTED);
        // the 40% position now breaks the 50% instrument cap for any further 15% buy, but selling is always fine
        Order more = broker.submit(OrderRequest.market("man-3", BTC, OrderSide.BUY, 0.15 * 100_000 / bars.close(1)).manual());
        assertThat(more.reason()).startsWith("risk rule ASSET_EXPOSURE");
        assertThat(broker.submit(OrderRequest.market("man-4", BTC, OrderSide.SELL, qty).manual()).state()).isEqualTo(OrderState.NEW);
    }

    @Test
    void theHistoryKeepsTheNewestEventsAndCountsThemAll() {
        UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults());
        TestPortfolio pf = new TestPortfolio(100_000).mark(BTC, 20_000);
        int checks = UnifiedRiskManager.HISTORY + 50;
        for (int t = 1; t <= checks; t++) { // one refused item per check, as on every bar of a halted run
            risk.check(t, new TradePlan(List.of(new PlannedOrder("x" + t, "long", BTC, Double.NaN, 20_000, "nan"))), pf, pf::markPrice);
        }
        assertThat(risk.eventCount()).isEqualTo(checks);
        assertThat(risk.history()).hasSize(UnifiedRiskManager.HISTORY);
        assertThat(risk.history().get(0).ref()).isEqualTo("x51");
        assertThat(risk.history().get(UnifiedRiskManager.HISTORY - 1).ref()).isEqualTo("x" + checks);
    }

    @Test
    void planItemsAreClippedToTheTightestLimitHandWorked() {
        // equity 100,000, BTC at 20,000, flat. Limits: order 25%, asset 50%, no cost buffer to keep the arithmetic exact.
        RiskLimits limits = new RiskLimits(0.25, 0.5, 1.0, 0.5, 1.0, 1.0, 0.3, 0.75, 0.7, 0.05, 0.10, 0.25, 0.5, 0);
        UnifiedRiskManager risk = new UnifiedRiskManager(limits);
        TestPortfolio pf = new TestPortfolio(100_000).mark(BTC, 20_000).mark(ETH, 1_000);
        pf.hold("short", BTC, 1.0); // 20% of equity in book "short"
        TradePlan plan = new TradePlan(List.of(
                new PlannedOrder("a", "short", BTC, 1e12, 20_000, "huge"),   // order cap 25% -> 1.25 BTC; book cap 30% -> 0.5 BTC
                new PlannedOrder("b", "long", BTC, 1.0, 20_000, "more"),     // asset: 1.5 held, 50% = 2.5 BTC -> 1.0 fits
                new PlannedOrder("c", "long", BTC, 0.5, 20_000, "too much"), // asset full -> 0
                new PlannedOrder("d", "long", ETH, Double.NaN, 1_000, "nan"),
                new PlannedOrder("e", "long", ETH, -5, 1_000, "short eth")));
        RiskCheckResult r = risk.check(7, plan, pf, pf::markPrice);
        assertThat(r.plan().orders()).extracting(PlannedOrder::id).containsExactly("a", "b", "e");
        assertThat(r.plan().orders().get(0).quantity()).isCloseTo(0.5, within(1e-9));
        assertThat(r.plan().orders().get(1).quantity()).isCloseTo(1.0, within(1e-9));
        assertThat(r.plan().orders().get(2).quantity()).isEqualTo(-5);
        assertThat(r.limitsHit()).contains(RiskRule.ORDER_SIZE, RiskRule.BOOK_EXPOSURE, RiskRule.ASSET_EXPOSURE, RiskRule.INVALID_INPUT);
        assertThat(r.events()).anyMatch(e -> e.rule() == RiskRule.ASSET_EXPOSURE && e.kind() == RiskEvent.Kind.REJECTED
                && e.message().startsWith("c: ASSET_EXPOSURE would reach 60.00% of equity, limit 50.00%"));
        assertThat(r.events()).anyMatch(e -> e.rule() == RiskRule.INVALID_INPUT && e.message().equals("item d: quantity is NaN (not a finite number): rejected"));
    }

    @Test
    void drawdownScalesNewExposureThenHaltsAndDeleveragesOnce() {
        RiskLimits limits = RiskLimits.defaults().withDrawdown(0.05, 0.10, 0.25, 0.5);
        DrawdownDefender d = new DrawdownDefender(limits);
        d.observe(100);
        assertThat(d.scale()).isEqualTo(1);
        d.observe(96);
        assertThat(d.scale()).isEqualTo(1);
        d.observe(92.5); // 7.5%: half way from 5% to 10% -> 1 - 0.75 * 0.5
        assertThat(d.scale()).isCloseTo(0.625, within(1e-12));
        d.observe(89.9);
        assertThat(d.halted()).isTrue();
        assertThat(d.takeDeleverageSignal()).isTrue();
        assertThat(d.takeDeleverageSignal()).isFalse();
        d.observe(97); // back under 5%: re-armed
        d.observe(89);
        assertThat(d.takeDeleverageSignal()).isTrue();
        d.observe(Double.NaN);
        assertThat(d.peak()).isEqualTo(100);

        UnifiedRiskManager risk = new UnifiedRiskManager(limits.withOrderFraction(1));
        TestPortfolio pf = new TestPortfolio(100_000).mark(BTC, 10_000);
        pf.hold("long", BTC, 4); // 40%
        risk.observeEquity(100_000 / 0.85); // equity is 15% below an earlier peak
        RiskCheckResult r = risk.check(1, new TradePlan(List.of(new PlannedOrder("x", "long", BTC, 1, 10_000, "buy"))), pf, pf::markPrice);
        assertThat(r.plan().orders()).extracting(PlannedOrder::id).containsExactly("delev-BTCUSD-1");
        assertThat(r.plan().orders().get(0).quantity()).isCloseTo(-2, within(1e-9));
        assertThat(r.limitsHit()).containsExactlyInAnyOrder(RiskRule.DELEVERAGE, RiskRule.DRAWDOWN_HALT);
        // the next check does not cut again while still under water
        RiskCheckResult again = risk.check(2, TradePlan.EMPTY, pf, pf::markPrice);
        assertThat(again.plan().orders()).isEmpty();
    }

    @Test
    void correlatedExposureIsHeldAcrossACluster() {
        CorrelationAnalyzer corr = RiskInvariantPropertiesTest.correlated(new Random(3));
        Symbol btc = RiskInvariantPropertiesTest.SYMBOLS[0];
        Symbol eth = RiskInvariantPropertiesTest.SYMBOLS[1];
        Symbol xrp = RiskInvariantPropertiesTest.SYMBOLS[3];
        double rho = corr.correlation(btc, eth);
        assertThat(rho).isGreaterThan(0.9);
        assertThat(Math.abs(corr.correlation(btc, xrp))).isLessThan(0.3);
        RiskLimits limits = new RiskLimits(1, 0.5, 2, 0.5, 2, 2, 2, 0.6, 0.7, 0.05, 0.1, 0.25, 0.5, 0);
        UnifiedRiskManager risk = new UnifiedRiskManager(limits, Timeframe.M5, corr, null);
        TestPortfolio pf = new TestPortfolio(100_000).mark(btc, 1_000).mark(eth, 1_000).mark(xrp, 1_000);
        pf.hold("a", btc, 40); // 40% BTC
        // ETH joins BTC's cluster: 40% + rho * q <= 60% (BTC's cluster) and rho * 40% + q <= 60% (ETH's)
        RiskCheckResult r = risk.check(1, new TradePlan(List.of(
                new PlannedOrder("eth", "a", eth, 40, 1_000, ""),
                new PlannedOrder("xrp", "a", xrp, 40, 1_000, ""))), pf, pf::markPrice);
        double expectedEth = Math.min(20 / rho, 60 - rho * 40);
        assertThat(r.plan().orders().get(0).quantity()).isCloseTo(expectedEth, within(1e-6));
        assertThat(r.plan().orders().get(1).quantity()).as("uncorrelated: only the instrument cap applies").isEqualTo(40);
        assertThat(r.limitsHit()).containsExactly(RiskRule.CORRELATED_EXPOSURE);
    }

    @Test
    void correlationMatchesADirectPearsonComputationOnAlignedReturns() {
        Random rnd = new Random(11);
        CorrelationAnalyzer c = new CorrelationAnalyzer(50, 10);
        List<Double> retA = new ArrayList<>();
        List<Double> retB = new ArrayList<>();
        List<Long> timeB = new ArrayList<>();
        double a = 100;
        double b = 50;
        double lastB = Double.NaN;
        List<Long> timeA = new ArrayList<>();
        for (int t = 0; t < 80; t++) {
            double ra = rnd.nextGaussian() * 0.01;
            double na = a * Math.exp(ra);
            double nb = b * Math.exp(0.5 * ra + rnd.nextGaussian() * 0.01);
            long time = t * 60_000L;
            c.onClose(BTC, time, na);
            if (t > 0) {
                timeA.add(time);
                retA.add(Math.log(na / a));
            }
            if (t % 7 != 3) { // ETH misses bars: its next return spans the gap, and alignment is by bar time
                c.onClose(ETH, time, nb);
                if (!Double.isNaN(lastB)) {
                    timeB.add(time);
                    retB.add(Math.log(nb / lastB));
                }
                lastB = nb;
            }
            a = na;
            b = nb;
        }
        // the last 50 returns of each series, paired where the bar times match
        List<Long> ta = timeA.subList(timeA.size() - 50, timeA.size());
        List<Double> ra = retA.subList(retA.size() - 50, retA.size());
        List<Long> tb = timeB.subList(timeB.size() - 50, timeB.size());
        List<Double> rb = retB.subList(retB.size() - 50, retB.size());
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < ta.size(); i++) {
            int j = tb.indexOf(ta.get(i));
            if (j >= 0) {
                pairs.add(new double[]{ra.get(i), rb.get(j)});
            }
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double syy = pairs.stream().mapToDouble(p -> (p[1] - my) * (p[1] - my)).sum();
        assertThat(pairs.size()).isBetween(35, 50);
        assertThat(c.correlation(BTC, ETH)).isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-9));
        assertThat(c.correlation(BTC, BTC)).isEqualTo(1);
        assertThat(c.correlation(BTC, Symbol.of("XRPUSD"))).as("unknown: no cluster").isZero();
    }
}
