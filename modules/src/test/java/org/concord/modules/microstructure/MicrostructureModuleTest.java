package org.concord.modules.microstructure;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.TradeTape;
import org.concord.modules.ModuleFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MicrostructureModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");

    private static OrderBookSnapshot book(long t) {
        return new OrderBookSnapshot(S, t, new double[] {100, 99}, new double[] {2, 3}, new double[] {101, 102}, new double[] {1, 4});
    }

    @Test
    void vpinHandWorked() {
        Vpin v = new Vpin(10, 2);
        assertThat(v.value()).isZero();
        v.add(6, true);
        v.add(4, false);          // bucket 1: |6 - 4| = 2
        assertThat(v.filledBuckets()).isEqualTo(1);
        assertThat(v.value()).isCloseTo(2 / 10.0, within(1e-12));
        assertThat(v.ready()).isFalse();
        v.add(15, true);          // bucket 2: 10 buy (imbalance 10); 5 buy carried into bucket 3
        assertThat(v.ready()).isTrue();
        assertThat(v.value()).isCloseTo((2 + 10) / 20.0, within(1e-12));
        v.add(5, false);          // bucket 3: 5 buy, 5 sell → 0; bucket 1 leaves the window
        assertThat(v.value()).isCloseTo((10 + 0) / 20.0, within(1e-12));
        v.clear();
        assertThat(v.value()).isZero();
        assertThatThrownBy(() -> new Vpin(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tradeFlowHandWorked() {
        TradeFlow f = new TradeFlow(1000);
        assertThat(f.imbalance(0)).isZero();
        f.add(0, 2, true);
        f.add(500, 1, false);
        f.add(1200, 1, true);
        assertThat(f.imbalance(999)).isCloseTo(1 / 3.0, within(1e-12)); // t=1200 is after now: not counted
        assertThat(f.imbalance(1000)).isCloseTo(-1, within(1e-12));      // t=0 left the window (0, 1000]
        assertThat(f.imbalance(1500)).isCloseTo(1, within(1e-12));
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.imbalance(5000)).isZero();
        for (int i = 0; i < 3000; i++) {
            f.add(6000 + i, 1, i % 4 != 0); // grows the ring
        }
        // window (8000, 9000]: trades i = 2001..2999 (999 trades), buys where i % 4 != 0
        int buys = 0;
        for (int i = 2001; i <= 2999; i++) {
            buys += i % 4 != 0 ? 1 : 0;
        }
        assertThat(f.imbalance(9000)).isCloseTo((buys - (999 - buys)) / 999.0, within(1e-9));
        assertThat(f.count()).isEqualTo(999);
        f.clear();
        assertThat(f.count()).isZero();
        assertThatThrownBy(() -> new TradeFlow(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bookFeaturesHandWorked() {
        OrderBookSnapshot b = book(0);
        assertThat(BookFeatures.imbalance(b, 1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(BookFeatures.imbalance(b, 2)).isCloseTo(0, within(1e-12));
        assertThat(BookFeatures.spreadBps(b)).isCloseTo(1 / 100.5 * 1e4, within(1e-9));
        assertThat(BookFeatures.pressure(b, 2)).isCloseTo(0.5 / 6.5, within(1e-12));
        assertThat(BookFeatures.pressure(b, 3)).isCloseTo(0.5 / 6.5, within(1e-12)); // missing levels add nothing
        OrderBookSnapshot empty = new OrderBookSnapshot(S, 0, new double[0], new double[0], new double[0], new double[0]);
        assertThat(BookFeatures.spreadBps(empty)).isZero();
        assertThat(BookFeatures.pressure(empty, 5)).isZero();
    }

    @Test
    void moduleFeaturesAndPrediction() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MicrostructureModule m = f.init(new MicrostructureModule(),
                "depths: [1, 2]\nflowWindowMillis: 1000\nbucketVolume: 10\nbuckets: 2\ntoxicLow: 0.3\ntoxicHigh: 0.55", S);
        assertThat(m.featureNames()).containsExactly("book.ready", "imb.1", "imb.2", "spread.bps", "pressure", "flow",
                "flow.trades", "vpin", "vpin.ready", "toxicity");
        m.onTrade(S, 100, 50, 6, false);  // buyer aggressor
        m.onTrade(S, 200, 50, 4, true);   // seller aggressor
        m.onTrade(S, 300, 50, 15, false);
        f.clock.set(1000);
        double[] x = m.features(S);
        assertThat(x[0]).isZero();
        assertThat(x[5]).isCloseTo((21 - 4) / 25.0, within(1e-12));
        assertThat(x[6]).isEqualTo(3);
        assertThat(x[7]).isCloseTo(0.6, within(1e-12));
        assertThat(x[8]).isEqualTo(1);
        assertThat(x[9]).isEqualTo(2); // 0.6 >= 0.55: high
        var p = m.predictions(S).get(0);
        assertThat(p.action()).isEqualTo(Action.BUY);
        assertThat(p.confidence()).isCloseTo(0.68 * 0.5, within(1e-12)); // halved: toxic flow
        m.onBook(book(900));
        x = m.features(S);
        assertThat(x[0]).isEqualTo(1);
        assertThat(x[1]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(x[2]).isCloseTo(0, within(1e-12));
        assertThat(x[4]).isCloseTo(0.5 / 6.5, within(1e-12));
        assertThat(m.signal(S)).isCloseTo((0.68 + 0) / 2, within(1e-12)); // middle depth of [1, 2] is 2
        assertThat(m.toxicity(0.1)).isZero();
        assertThat(m.toxicity(0.4)).isEqualTo(1);
        f.clock.set(100_000);
        assertThat(m.predictions(S).get(0).action()).isEqualTo(Action.HOLD);
        m.reset();
        assertThat(m.features(S)).containsOnly(0.0);
    }

    @Test
    void causalOnRealTrades() throws Exception {
        // outputs at decision times up to t0 are the same whether the later trades are real or altered
        TradeTape tape = BundledData.bitstampTrades();
        int n = 20_000;
        long t0 = tape.time(10_000);
        List<String> a = run(tape, n, t0, false);
        List<String> b = run(tape, n, t0, true);
        int k = 0;
        while (k < a.size() && a.get(k).startsWith("t<=t0")) {
            k++;
        }
        assertThat(k).isGreaterThan(50);
        assertThat(b.subList(0, k)).isEqualTo(a.subList(0, k));
        assertThat(b).isNotEqualTo(a);
    }

    private static List<String> run(TradeTape tape, int n, long t0, boolean perturb) throws Exception {
        ModuleFixture f = new ModuleFixture();
        MicrostructureModule m = f.init(new MicrostructureModule(), "bucketVolume: 20\nbuckets: 20", BundledData.BTCUSD);
        List<String> out = new ArrayList<>();
        long nextDecision = (tape.time(0) / 60_000 + 1) * 60_000;
        for (int i = 0; i < n; i++) {
            long t = tape.time(i);
            while (t >= nextDecision) {
                f.clock.set(nextDecision);
                out.add((nextDecision <= t0 ? "t<=t0 " : "") + java.util.Arrays.toString(m.features(BundledData.BTCUSD))
                        + m.predictions(BundledData.BTCUSD).get(0).confidence());
                nextDecision += 60_000;
            }
            boolean future = perturb && t > t0;
            m.onTrade(BundledData.BTCUSD, t, tape.price(i), tape.size(i) * (future ? 3 : 1), future != tape.buyerMaker(i));
        }
        return out;
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new MicrostructureModule(), "depths: []", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new MicrostructureModule(), "depths: [0]", S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new MicrostructureModule(), "toxicLow: 0.7", S)).isInstanceOf(IllegalArgumentException.class);
    }
}
