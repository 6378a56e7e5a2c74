package org.concord.coordination;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.concord.execution.AccountView;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.PreTradeDecision;
import org.concord.execution.RealBars;
import org.concord.execution.SizingConfig;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk invariant end to end: whatever the models say (confidence 1, sizes up to 1e12, NaN, infinities), on real
 * bars through the coordinator, the risk check, the scheduler and the paper broker (margin account, so nothing but
 * the risk manager limits size), every order the broker accepts keeps every exposure within its limit (or no worse
 * than before), checked at the moment of acceptance by arithmetic written here; every bad number is rejected with a
 * reason naming it; the engine never throws.
 */
class EngineRiskInvariantPropertiesTest {
    static final BarSeries bars = RealBars.bitstamp(Timeframe.M5);

    record Raw(int bucket, int action, double size, double confidence, Double meta) {
    }

    @Provide
    Arbitrary<Double> wild() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e12, 1.0, 0.0, -1.0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.doubles().between(0, 1).ofScale(4)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-1e12, 1e12)));
    }

    @Provide
    Arbitrary<List<Raw>> outputs() {
        Arbitrary<Double> meta = Arbitraries.oneOf(Arbitraries.just(null), wild());
        Arbitrary<Raw> raw = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2), wild(), wild(), meta)
                .as(Raw::new);
        return raw.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 40)
    void noAcceptedOrderTakesAnExposurePastItsLimit(@ForAll @Size(min = 20, max = 20) List<@net.jqwik.api.From("outputs") List<Raw>> script,
                                                   @ForAll boolean netting) {
        RiskLimits limits = RiskLimits.defaults();
        UnifiedRiskManager risk = new UnifiedRiskManager(limits);
        List<String> violations = new ArrayList<>();
        int[] accepted = new int[1];
        PreTradeCheck gate = risk.preTradeCheck();
        PreTradeCheck audited = (r, account) -> {
            double[] before = exposures(account, r.symbol(), 0);
            PreTradeDecision d = gate.check(r, account);
            if (d.accepted()) {
                accepted[0]++;
                double[] after = exposures(account, r.symbol(), r.signedQuantity());
                double e = account.equity() - Math.abs(r.quantity()) * account.markPrice(r.symbol()) * limits.costBufferBps() * 1e-4;
                double[] caps = {limits.maxAssetExposure(), limits.maxLongExposure(), limits.maxShortExposure(), limits.maxGrossExposure(),
                        limits.maxNetExposure()};
                for (int k = 0; k < caps.length; k++) {
                    if (after[k] > Math.max(caps[k] * e, before[k]) * (1 + 1e-9)) {
                        violations.add(r + " exposure " + k + " " + after[k] / e + " > " + caps[k]);
                    }
                }
            }
            return d;
        };
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000).withShorting(true), audited, null);
        PositionCoordinator.Config pc = PositionCoordinator.Config.defaults().withShorting(true)
                .withPolicy(netting ? ConflictPolicy.NETTING : ConflictPolicy.CONFIDENCE_PRIORITY);
        CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults().withCoordinator(pc), broker, risk, bars.symbol(), null);
        Symbol s = bars.symbol();
        int start = 300;
        int rejectedExpected = 0;
        for (int step = 0; step < script.size(); step++) {
            for (int k = 0; k < 3; k++) { // three bars per decision: staggered slices go out in between
                int i = start + step * 3 + k;
                RealBars.feed(broker, bars, i);
                engine.onBarClose(s, Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            }
            int i = start + step * 3 + 2;
            long t = bars.time(i) + 300_000;
            List<Signal> sigs = new ArrayList<>();
            for (Raw r : script.get(step)) {
                Bucket b = Bucket.all()[r.bucket()];
                Signal sig = Signal.of("m" + r.bucket(), s, t, b, Action.values()[r.action()], r.size(), r.confidence(), Timeframe.M5).withMeta(r.meta());
                sigs.add(sig);
                if (sig.problem() != null) {
                    rejectedExpected++;
                } else if (sig.action() != Action.HOLD && sig.metaConfidence() != null
                        && sig.metaConfidence() < SizingConfig.defaults().minMetaConfidence()) {
                    rejectedExpected++; // the meta-labeling gate: not traded, with its reason
                }
            }
            DecisionReport d = engine.decide(t, sigs);
            for (Signal sig : sigs) {
                String p = sig.problem();
                if (p != null) {
                    assertThat(d.plan().rejected()).anyMatch(x -> x.reason().equals(p));
                    if (p.contains("NaN") || p.contains("Infinity")) {
                        assertThat(p).contains("not");
                    }
                }
            }
        }
        // the property is only worth something if orders do get through: most tries must trade
        net.jqwik.api.statistics.Statistics.label("orders accepted").collect(accepted[0] > 0);
        net.jqwik.api.statistics.Statistics.label("orders accepted").coverage(c -> c.check(true).percentage(p -> p >= 40));
        assertThat(engine.rejectedSignals()).hasSize(rejectedExpected);
        assertThat(violations).isEmpty();
        assertThat(engine.ledger().total(s)).isCloseTo(broker.position(s).quantity(), org.assertj.core.api.Assertions.within(1e-6));
    }

    /** {asset, long, short, gross, net} notionals of the one-instrument account with {@code q} more on order. */
    static double[] exposures(AccountView a, Symbol s, double q) {
        double p = a.markPrice(s);
        double pos = a.positionQuantity(s);
        double up = pos + a.openQuantity(s, OrderSide.BUY) + Math.max(q, 0);
        double dn = pos - a.openQuantity(s, OrderSide.SELL) + Math.min(q, 0);
        double asset = Math.max(Math.abs(up), Math.abs(dn)) * p;
        return new double[]{asset, Math.max(0, up) * p, Math.max(0, -dn) * p, asset, Math.max(Math.abs(up), Math.abs(dn)) * p};
    }
}
