package org.concord.risk;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PreTradeDecision;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk invariant on random inputs: starting within the limits, whatever quantities a plan holds (1e12, NaN,
 * infinities, tiny, opposite), applying the checked plan in order never takes any exposure past its limit, and
 * every NaN/infinite item is rejected with a reason naming the bad number. Exposures are recomputed here by an
 * independent oracle, not read back from the manager.
 */
class RiskInvariantPropertiesTest {
    static final Symbol[] SYMBOLS = {Symbol.of("BTCUSD"), Symbol.of("ETHUSD"), Symbol.of("SOLUSD"), Symbol.of("XRPUSD")};
    static final String[] BOOKS = {"scalping", "short", "medium", "long"};
    static final RiskRule[] RULES = {RiskRule.ASSET_EXPOSURE, RiskRule.LONG_EXPOSURE, RiskRule.SHORT_EXPOSURE,
            RiskRule.GROSS_EXPOSURE, RiskRule.NET_EXPOSURE, RiskRule.BOOK_EXPOSURE, RiskRule.CORRELATED_EXPOSURE};

    record Item(int symbol, int book, double quantity) {
    }

    @Provide
    Arbitrary<Double> wildQuantity() {
        return Arbitraries.oneOf(
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e12, -1e12, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE),
                Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.doubles().between(-50, 50).ofScale(6));
    }

    @Provide
    Arbitrary<List<Item>> plans() {
        Arbitrary<Item> item = Combinators.combine(Arbitraries.integers().between(0, SYMBOLS.length - 1),
                Arbitraries.integers().between(0, BOOKS.length - 1), wildQuantity()).as(Item::new);
        return item.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 400)
    void noCheckedPlanTakesAnExposurePastItsLimit(@ForAll("plans") List<Item> items, @ForAll long seed,
                                                  @ForAll("limitsArb") RiskLimits limits) {
        Random rnd = new Random(seed);
        CorrelationAnalyzer corr = correlated(rnd);
        UnifiedRiskManager risk = new UnifiedRiskManager(limits, org.concord.model.Timeframe.M5, corr, null);
        TestPortfolio pf = withinLimits(rnd, limits, corr);
        if (rnd.nextInt(4) == 0) {
            risk.observeEquity(pf.equity() * (1 + rnd.nextDouble() * 0.2)); // an earlier peak: scaling, halt, deleveraging
        }
        List<PlannedOrder> plan = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            plan.add(new PlannedOrder("p" + i, BOOKS[it.book()], SYMBOLS[it.symbol()], it.quantity(), 1, "random"));
        }
        MarketView market = pf::markPrice;
        RiskCheckResult res = risk.check(1, new TradePlan(plan), pf, market);

        Oracle o = new Oracle(pf, limits, corr);
        assertWithin(o, limits, "initial state");
        for (PlannedOrder out : res.plan().orders()) {
            assertThat(Double.isFinite(out.quantity())).isTrue();
            Map<String, Double> before = o.notionals();
            o.apply(index(out.symbol()), out.book(), out.quantity());
            // every exposure: within its limit at the post-cost equity, or no larger than before the order
            o.notionals().forEach((key, v) -> assertThat(v).as("%s after %s", key, out)
                    .isLessThanOrEqualTo(Math.max(limits.limit(Oracle.rule(key)) * o.equity, before.getOrDefault(key, 0.0)) * (1 + 1e-9) + 1e-9));
        }
        for (PlannedOrder in : plan) {
            if (!Double.isFinite(in.quantity())) {
                assertThat(res.plan().orders()).noneMatch(x -> x.id().equals(in.id()));
                assertThat(res.events()).anyMatch(e -> e.rule() == RiskRule.INVALID_INPUT && e.message().contains(in.id() + ":")
                        && e.message().contains(String.valueOf(in.quantity())) && e.message().contains("not a finite number"));
            }
        }
        // what got through is never more than asked for, on the same side (deleveraging items aside)
        Map<String, PlannedOrder> asked = new HashMap<>();
        plan.forEach(p -> asked.put(p.id(), p));
        for (PlannedOrder out : res.plan().orders()) {
            PlannedOrder in = asked.get(out.id());
            if (in != null) {
                assertThat(Math.abs(out.quantity())).isLessThanOrEqualTo(Math.abs(in.quantity()));
                assertThat(Math.signum(out.quantity())).isEqualTo(Math.signum(in.quantity()));
            } else {
                assertThat(out.book()).isEqualTo(UnifiedRiskManager.RISK_BOOK);
            }
        }
    }

    @Property(tries = 400)
    void theOrderGateNeverAcceptsAnOrderThatBreaksALimitWithoutAnOverride(@ForAll long seed, @ForAll("limitsArb") RiskLimits limits,
                                                                          @ForAll("wildQuantity") double size, @ForAll boolean manual,
                                                                          @ForAll boolean override) {
        Random rnd = new Random(seed);
        CorrelationAnalyzer corr = correlated(rnd);
        UnifiedRiskManager risk = new UnifiedRiskManager(limits, org.concord.model.Timeframe.M5, corr, null);
        TestPortfolio pf = withinLimits(rnd, limits, corr);
        int k = rnd.nextInt(SYMBOLS.length);
        double q = Math.abs(size);
        if (!(q > 0) || Double.isInfinite(q)) {
            return; // an OrderRequest cannot carry these (tested in PaperBrokerTest)
        }
        OrderRequest r = OrderRequest.market("g1", SYMBOLS[k], rnd.nextBoolean() ? OrderSide.BUY : OrderSide.SELL, q);
        if (manual) {
            r = r.manual();
        }
        if (override) {
            r = r.withRiskOverride();
        }
        PreTradeDecision d = risk.checkOrder(r, pf);
        Oracle o = new Oracle(pf, limits, corr);
        Map<String, Double> before = o.notionals();
        o.apply(k, null, r.signedQuantity());
        boolean breaks = o.breaksAccountLimits(limits, before) || o.orderTooBig(k, r.signedQuantity(), pf.positionQuantity(SYMBOLS[k]), limits);
        if (d.accepted() && !d.overridden()) {
            assertThat(breaks).as("accepted %s but it breaks a limit", r).isFalse();
        }
        if (d.overridden()) {
            assertThat(r.origin()).isEqualTo(OrderOrigin.MANUAL);
            assertThat(r.riskOverride()).isTrue();
            assertThat(risk.history()).anyMatch(e -> e.kind() == RiskEvent.Kind.OVERRIDDEN);
        }
        if (!d.accepted()) {
            assertThat(d.rule()).isNotEmpty();
            assertThat(RiskRule.valueOf(d.rule())).isNotNull();
        }
    }

    @Provide
    Arbitrary<RiskLimits> limitsArb() {
        Arbitrary<Double> frac = Arbitraries.doubles().between(0.05, 2.0).ofScale(4);
        return Combinators.combine(frac, frac, frac, frac, frac, frac, frac, frac)
                .as((order, asset, lng, sht, gross, net, book, corr) -> new RiskLimits(order, asset, lng, sht, gross, net, book, corr,
                        0.6, 0.05, 0.10, 0.25, 0.5, 30));
    }

    static int index(Symbol s) {
        for (int i = 0; i < SYMBOLS.length; i++) {
            if (SYMBOLS[i].equals(s)) {
                return i;
            }
        }
        throw new IllegalArgumentException(s.code());
    }

    /** BTC/ETH/SOL strongly correlated, XRP independent. */
    static CorrelationAnalyzer correlated(Random rnd) {
        CorrelationAnalyzer c = new CorrelationAnalyzer(200, 30);
        double[] px = {100, 100, 100, 100};
        for (int t = 0; t < 200; t++) {
            double common = rnd.nextGaussian() * 0.01;
            for (int i = 0; i < 4; i++) {
                double r = i < 3 ? common + rnd.nextGaussian() * 0.002 : rnd.nextGaussian() * 0.01;
                px[i] *= Math.exp(r);
                c.onClose(SYMBOLS[i], t * 300_000L, px[i]);
            }
        }
        return c;
    }

    /** Random positions, books and pending orders, scaled until every exposure is within its limit. */
    static TestPortfolio withinLimits(Random rnd, RiskLimits limits, CorrelationAnalyzer corr) {
        double equity = 100_000;
        double[] price = {30_000, 2_000, 100, 0.5};
        double[][] bookQty = new double[BOOKS.length][SYMBOLS.length];
        double[] buys = new double[SYMBOLS.length];
        double[] sells = new double[SYMBOLS.length];
        for (int k = 0; k < SYMBOLS.length; k++) {
            for (int b = 0; b < BOOKS.length; b++) {
                if (rnd.nextInt(3) == 0) {
                    bookQty[b][k] = rnd.nextGaussian() * 0.2 * equity / price[k];
                }
            }
            buys[k] = rnd.nextInt(3) == 0 ? rnd.nextDouble() * 0.1 * equity / price[k] : 0;
            sells[k] = rnd.nextInt(3) == 0 ? rnd.nextDouble() * 0.1 * equity / price[k] : 0;
        }
        for (int attempt = 0; ; attempt++) {
            TestPortfolio pf = new TestPortfolio(equity);
            for (int k = 0; k < SYMBOLS.length; k++) {
                pf.mark(SYMBOLS[k], price[k]);
                pf.buys.put(SYMBOLS[k], buys[k]);
                pf.sells.put(SYMBOLS[k], sells[k]);
            }
            for (int b = 0; b < BOOKS.length; b++) {
                for (int k = 0; k < SYMBOLS.length; k++) {
                    if (bookQty[b][k] != 0) {
                        pf.hold(BOOKS[b], SYMBOLS[k], bookQty[b][k]);
                    }
                }
            }
            Oracle o = new Oracle(pf, limits, corr);
            double worst = 0;
            for (var en : o.exposures().entrySet()) {
                worst = Math.max(worst, en.getValue() / limits.limit(en.getKey()));
            }
            if (worst <= 1) {
                return pf;
            }
            double f = 0.95 / worst;
            for (double[] row : bookQty) {
                for (int k = 0; k < row.length; k++) {
                    row[k] *= f;
                }
            }
            for (int k = 0; k < SYMBOLS.length; k++) {
                buys[k] *= f;
                sells[k] *= f;
            }
            assertThat(attempt).isLessThan(5);
        }
    }

    static void assertWithin(Oracle o, RiskLimits limits, String when) {
        for (var en : o.exposures().entrySet()) {
            assertThat(en.getValue()).as("%s %s", en.getKey(), when).isLessThanOrEqualTo(limits.limit(en.getKey()) * (1 + 1e-9) + 1e-12);
        }
    }

    /** Straightforward exposure arithmetic, written apart from the manager's. */
    static final class Oracle {
        final double[] up = new double[SYMBOLS.length];
        final double[] dn = new double[SYMBOLS.length];
        final double[] px = new double[SYMBOLS.length];
        final Map<String, double[]> books = new HashMap<>();
        final double[][] rho = new double[SYMBOLS.length][SYMBOLS.length];
        final double buffer;
        final double threshold;
        double equity;

        Oracle(TestPortfolio pf, RiskLimits limits, CorrelationAnalyzer corr) {
            equity = pf.equity();
            buffer = limits.costBufferBps() * 1e-4;
            threshold = limits.correlationThreshold();
            for (int k = 0; k < SYMBOLS.length; k++) {
                Symbol s = SYMBOLS[k];
                px[k] = pf.markPrice(s);
                up[k] = pf.positionQuantity(s) + pf.openQuantity(s, OrderSide.BUY);
                dn[k] = pf.positionQuantity(s) - pf.openQuantity(s, OrderSide.SELL);
                for (int j = 0; j < SYMBOLS.length; j++) {
                    rho[k][j] = corr.correlation(s, SYMBOLS[j]);
                }
            }
            for (String b : pf.books()) {
                double[] q = new double[SYMBOLS.length];
                for (int k = 0; k < SYMBOLS.length; k++) {
                    q[k] = pf.bookQuantity(b, SYMBOLS[k]);
                }
                books.put(b, q);
            }
        }

        void apply(int k, String book, double q) {
            if (q > 0) {
                up[k] += q;
            } else {
                dn[k] += q;
            }
            if (book != null) {
                books.computeIfAbsent(book, b -> new double[SYMBOLS.length])[k] += q;
            }
            equity -= Math.abs(q) * px[k] * buffer;
        }

        /** Notional of every exposure, keyed "RULE" or "RULE:instrument/book/cluster". */
        Map<String, Double> notionals() {
            Map<String, Double> m = new java.util.TreeMap<>();
            double lng = 0, sht = 0, gross = 0, netUp = 0, netDn = 0;
            for (int k = 0; k < SYMBOLS.length; k++) {
                double worst = Math.max(Math.abs(up[k]), Math.abs(dn[k])) * px[k];
                m.put("ASSET_EXPOSURE:" + SYMBOLS[k], worst);
                gross += worst;
                lng += Math.max(0, up[k]) * px[k];
                sht += Math.max(0, -dn[k]) * px[k];
                netUp += up[k] * px[k];
                netDn += dn[k] * px[k];
                double cu = 0, cd = 0;
                for (int j = 0; j < SYMBOLS.length; j++) {
                    if (rho[k][j] >= threshold) {
                        cu += rho[k][j] * up[j] * px[j];
                        cd += rho[k][j] * dn[j] * px[j];
                    }
                }
                m.put("CORRELATED_EXPOSURE:" + SYMBOLS[k], Math.max(Math.abs(cu), Math.abs(cd)));
            }
            for (var b : books.entrySet()) {
                double g = 0;
                for (int k = 0; k < SYMBOLS.length; k++) {
                    g += Math.abs(b.getValue()[k]) * px[k];
                }
                m.put("BOOK_EXPOSURE:" + b.getKey(), g);
            }
            m.put("LONG_EXPOSURE", lng);
            m.put("SHORT_EXPOSURE", sht);
            m.put("GROSS_EXPOSURE", gross);
            m.put("NET_EXPOSURE", Math.max(Math.abs(netUp), Math.abs(netDn)));
            return m;
        }

        static RiskRule rule(String key) {
            return RiskRule.valueOf(key.contains(":") ? key.substring(0, key.indexOf(':')) : key);
        }

        Map<RiskRule, Double> exposures() {
            Map<RiskRule, Double> m = new EnumMap<>(RiskRule.class);
            notionals().forEach((key, v) -> m.merge(rule(key), v / equity, Math::max));
            return m;
        }

        /** Whether some account exposure is above its limit and above what it was in {@code before}. */
        boolean breaksAccountLimits(RiskLimits limits, Map<String, Double> before) {
            for (var en : notionals().entrySet()) {
                RiskRule r = rule(en.getKey());
                if (r != RiskRule.BOOK_EXPOSURE && en.getValue() > limits.limit(r) * equity * (1 + 1e-9)
                        && en.getValue() > before.getOrDefault(en.getKey(), 0.0) * (1 + 1e-9)) {
                    return true;
                }
            }
            return false;
        }

        boolean orderTooBig(int k, double q, double pos, RiskLimits limits) {
            double closing = pos != 0 && Math.signum(pos) != Math.signum(q) ? Math.min(Math.abs(q), Math.abs(pos)) : 0;
            return (Math.abs(q) - closing) * px[k] > limits.maxOrderFraction() * (equity + Math.abs(q) * px[k] * buffer) * (1 + 1e-6);
        }
    }
}
