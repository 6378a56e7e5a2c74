package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's default definitions (SMA seeding; QQE, efficiency ratio, smoothed stochastic, which ta4j lacks)
 * against {@link Reference}, an independent whole-array implementation of the published formulas, on real bars.
 * Every output must agree to 1e-9 relative, and be undefined (NaN) on exactly the same leading bars.
 */
class ReferenceDefinitionsTest {

    private record Cols(double[] o, double[] h, double[] l, double[] c, java.util.Map<String, double[][]> memo) {
        /** One computation of a multi-output reference per series. */
        double[][] memo(String key, Function<Cols, double[][]> f) {
            double[][] r = memo.get(key);
            if (r == null) {
                r = f.apply(this);
                memo.put(key, r);
            }
            return r;
        }

        static Cols of(BarSeries s) {
            int n = s.size();
            double[] o = new double[n];
            double[] h = new double[n];
            double[] l = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                o[i] = s.open(i);
                h[i] = s.high(i);
                l[i] = s.low(i);
                c[i] = s.close(i);
            }
            return new Cols(o, h, l, c, new java.util.HashMap<>());
        }
    }

    private record Check(String output, Function<Cols, double[]> reference) {
    }

    private record Case(String name, Supplier<BarIndicator> ours, List<Check> checks) {
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (int n : new int[] {12, 50, 200}) {
            c.add(new Case("EMA(" + n + ")", () -> new Ema(n), List.of(new Check("value", d -> Reference.ema(d.c(), n)))));
        }
        c.add(new Case("RMA(14)", () -> new Rma(14), List.of(new Check("value", d -> Reference.rma(d.c(), 14)))));
        for (int n : new int[] {2, 14}) {
            c.add(new Case("RSI(" + n + ")", () -> new Rsi(n), List.of(new Check("value", d -> Reference.rsi(d.c(), n)))));
        }
        c.add(new Case("ATR(14)", () -> new Atr(14), List.of(new Check("value", d -> Reference.atr(d.h(), d.l(), d.c(), 14)))));
        for (int[] p : new int[][] {{14, 14}, {7, 20}}) {
            c.add(new Case("ADX(" + p[0] + "," + p[1] + ")", () -> new Adx(p[0], p[1]), List.of(
                    new Check("plusDI", d -> d.memo("dmi" + p[0] + "," + p[1], x -> Reference.dmi(x.h(), x.l(), x.c(), p[0], p[1]))[0]),
                    new Check("minusDI", d -> d.memo("dmi" + p[0] + "," + p[1], x -> Reference.dmi(x.h(), x.l(), x.c(), p[0], p[1]))[1]),
                    new Check("adx", d -> d.memo("dmi" + p[0] + "," + p[1], x -> Reference.dmi(x.h(), x.l(), x.c(), p[0], p[1]))[2]))));
        }
        c.add(new Case("MACD(12,26,9)", Macd::new, List.of(
                new Check("macd", d -> d.memo("macd", x -> Reference.macd(x.c(), 12, 26, 9))[0]),
                new Check("signal", d -> d.memo("macd", x -> Reference.macd(x.c(), 12, 26, 9))[1]),
                new Check("histogram", d -> d.memo("macd", x -> Reference.macd(x.c(), 12, 26, 9))[2]))));
        c.add(new Case("Bollinger(20,2)", BollingerBands::new, List.of(
                new Check("stdDev", d -> Reference.stdev(d.c(), 20)),
                new Check("zScore", d -> zScore(d.c(), 20)))));
        c.add(new Case("Stochastic(14,3,3)", () -> new Stochastic(14, 3, 3), List.of(
                new Check("k", d -> d.memo("stoch", x -> Reference.stoch(x.h(), x.l(), x.c(), 14, 3, 3))[0]),
                new Check("d", d -> d.memo("stoch", x -> Reference.stoch(x.h(), x.l(), x.c(), 14, 3, 3))[1]))));
        for (int n : new int[] {10, 22}) {
            c.add(new Case("Supertrend(" + n + ",3)", () -> new Supertrend(n, 3), List.of(
                    new Check("supertrend", d -> d.memo("st" + n, x -> Reference.supertrend(x.h(), x.l(), x.c(), 3, n))[0]),
                    new Check("direction", d -> d.memo("st" + n, x -> Reference.supertrend(x.h(), x.l(), x.c(), 3, n))[1]),
                    new Check("upper", d -> d.memo("st" + n, x -> Reference.supertrend(x.h(), x.l(), x.c(), 3, n))[2]),
                    new Check("lower", d -> d.memo("st" + n, x -> Reference.supertrend(x.h(), x.l(), x.c(), 3, n))[3]))));
        }
        for (int n : new int[] {10, 30}) {
            c.add(new Case("ER(" + n + ")", () -> new EfficiencyRatio(n), List.of(new Check("value", d -> Reference.efficiencyRatio(d.c(), n)))));
        }
        c.add(new Case("QQE(14,5,4.238)", Qqe::new, List.of(
                new Check("rsiMa", d -> d.memo("qqe14", x -> Reference.qqe(x.c(), 14, 5, 4.238))[0]),
                new Check("trailing", d -> d.memo("qqe14", x -> Reference.qqe(x.c(), 14, 5, 4.238))[1]),
                new Check("trend", d -> d.memo("qqe14", x -> Reference.qqe(x.c(), 14, 5, 4.238))[2]))));
        c.add(new Case("QQE(6,3,3.0)", () -> new Qqe(6, 3, 3.0), List.of(
                new Check("trailing", d -> d.memo("qqe6", x -> Reference.qqe(x.c(), 6, 3, 3.0))[1]),
                new Check("trend", d -> d.memo("qqe6", x -> Reference.qqe(x.c(), 6, 3, 3.0))[2]))));
        return c;
    }

    private static double[] zScore(double[] x, int n) {
        double[] mean = Reference.sma(x, n);
        double[] sd = Reference.stdev(x, n);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd[i] == 0 ? 0 : (x[i] - mean[i]) / sd[i];
        }
        return z;
    }

    @TestFactory
    Stream<DynamicContainer> defaultDefinitionsMatchTheReference() {
        List<Case> cases = cases();
        return Stream.of(RealBars.bitstamp(Timeframe.M1), RealBars.bitstamp(Timeframe.M5), RealBars.eth5m()).map(bars -> {
            Cols cols = Cols.of(bars);
            return DynamicContainer.dynamicContainer(bars.toString(), cases.stream().map(cs -> DynamicTest.dynamicTest(cs.name(), () -> {
                BarIndicator ind = cs.ours().get();
                double[][] ours = Batch.run(ind, bars);
                for (Check ck : cs.checks()) {
                    int k = Ta4jParityTest.outputIndex(ind, ck.output());
                    double[] ref = ck.reference().apply(cols);
                    int from = Ta4jParityTest.firstDefined(ref);
                    assertTrue(from < bars.size(), cs.name() + "." + ck.output() + ": reference never defined");
                    assertTrue(from == Ta4jParityTest.firstDefined(ours[k]),
                            cs.name() + "." + ck.output() + ": first defined at " + Ta4jParityTest.firstDefined(ours[k])
                                    + ", the definition at " + from);
                    double worst = Oracle.assertMatches(cs.name() + "." + ck.output(), ref, ours[k], from);
                    System.out.printf(java.util.Locale.ROOT, "reference %-20s %-10s from %4d: worst relative error %.1e%n",
                            cs.name(), ck.output(), from, worst);
                }
            })));
        });
    }

    @TestFactory
    Stream<DynamicTest> correlationMatchesTheReference() {
        BarSeries btc = RealBars.bitstamp(Timeframe.M1);
        double[] r = Batch.values(new Returns(Returns.Kind.SIMPLE), btc);
        double[] v = new double[btc.size()];
        double[] range = new double[btc.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = btc.volume(i);
            range[i] = btc.high(i) - btc.low(i);
        }
        double[] x = java.util.Arrays.copyOfRange(r, 1, r.length);
        double[] y = java.util.Arrays.copyOfRange(range, 1, range.length);
        double[] w = java.util.Arrays.copyOfRange(v, 1, v.length);
        return Stream.of(
                DynamicTest.dynamicTest("BTC 1m returns vs range", () -> Oracle.assertMatches("corr", Reference.correlation(x, y, 30),
                        Batch.run(new Correlation(30), x, y), 29)),
                DynamicTest.dynamicTest("BTC 1m range vs volume", () -> Oracle.assertMatches("corr", Reference.correlation(y, w, 60),
                        Batch.run(new Correlation(60), y, w), 59)));
    }
}
