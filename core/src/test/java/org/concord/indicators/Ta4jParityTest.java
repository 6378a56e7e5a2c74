package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.DXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MMAIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuChikouSpanIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanAIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanBIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.CorrelationCoefficientIndicator;
import org.ta4j.core.indicators.statistics.PearsonCorrelationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.num.Num;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every indicator ta4j also has, against ta4j-core 0.18 with {@code DecimalNum} (32 digits) on real bars: Bitstamp
 * BTC/USD 1m and 5m bars aggregated from the bundled trades, and the bundled ETH/USD 5m bars. Both forms are
 * checked: the batch form, and the incremental form driven through forming-bar revisions (for BTC, one revision
 * per real trade; for ETH, made-up revisions inside each bar's range). Every output must match to 1e-9 relative
 * from its first defined bar on. Recursive indicators are built with {@link Seeding#FIRST_VALUE}, ta4j's definition;
 * the default {@link Seeding#SMA} is checked in {@link SeedingDifferenceTest} and {@link ReferenceDefinitionsTest}.
 */
class Ta4jParityTest {

    private record Data(String name, Updates updates) {
    }

    private record Check(String output, Function<org.ta4j.core.BarSeries, Indicator<Num>> ta4j, int shift) {
        Check(String output, Function<org.ta4j.core.BarSeries, Indicator<Num>> ta4j) {
            this(output, ta4j, 0);
        }
    }

    private record Case(String name, Supplier<BarIndicator> ours, List<Check> checks) {
    }

    private static Stream<Data> data() {
        BarSeries eth = RealBars.eth5m();
        return Stream.of(new Data("BTC/USD 1m (Bitstamp trades)", RealBars.bitstampUpdates(Timeframe.M1)),
                new Data("BTC/USD 5m (Bitstamp trades)", RealBars.bitstampUpdates(Timeframe.M5)),
                new Data("ETH/USD 5m (bundled bars)", Updates.synthetic(eth, 3, 42)));
    }

    private static ClosePriceIndicator close(org.ta4j.core.BarSeries s) {
        return new ClosePriceIndicator(s);
    }

    private static List<Case> cases() {
        Seeding f = Seeding.FIRST_VALUE;
        List<Case> c = new ArrayList<>();
        c.add(new Case("SMA(20)", () -> new Sma(20), List.of(new Check("value", s -> new SMAIndicator(close(s), 20)))));
        c.add(new Case("SMA(50)", () -> new Sma(50), List.of(new Check("value", s -> new SMAIndicator(close(s), 50)))));
        for (int n : new int[] {12, 50, 200}) {
            c.add(new Case("EMA(" + n + ") first-value", () -> new Ema(n, f), List.of(new Check("value", s -> new EMAIndicator(close(s), n)))));
        }
        c.add(new Case("RMA(14) first-value", () -> new Rma(14, f), List.of(new Check("value", s -> new MMAIndicator(close(s), 14)))));
        for (int n : new int[] {2, 14}) {
            c.add(new Case("RSI(" + n + ") first-value", () -> new Rsi(n, f), List.of(new Check("value", s -> new RSIIndicator(close(s), n)))));
        }
        c.add(new Case("ATR(14) first-value", () -> new Atr(14, f), List.of(new Check("value", s -> new ATRIndicator(s, 14)))));
        c.add(new Case("ADX(14,14) first-value", () -> new Adx(14, 14, f), List.of(
                new Check("adx", s -> new ADXIndicator(s, 14, 14)),
                new Check("plusDI", s -> new PlusDIIndicator(s, 14)),
                new Check("minusDI", s -> new MinusDIIndicator(s, 14)),
                new Check("dx", s -> new DXIndicator(s, 14)))));
        c.add(new Case("ADX(7,20) first-value", () -> new Adx(7, 20, f), List.of(new Check("adx", s -> new ADXIndicator(s, 7, 20)))));
        c.add(new Case("MACD(12,26,9) first-value", () -> new Macd(12, 26, 9, f, Price.CLOSE), List.of(
                new Check("macd", s -> new MACDIndicator(close(s), 12, 26)),
                new Check("signal", s -> new MACDIndicator(close(s), 12, 26).getSignalLine(9)),
                new Check("histogram", s -> new MACDIndicator(close(s), 12, 26).getHistogram(9)))));
        c.add(new Case("StdDev(20)", () -> new StdDev(20), List.of(
                new Check("stdDev", s -> new StandardDeviationIndicator(close(s), 20)),
                new Check("mean", s -> new SMAIndicator(close(s), 20)))));
        c.add(new Case("Bollinger(20,2)", () -> new BollingerBands(20, 2), List.of(
                new Check("middle", s -> bbm(s)),
                new Check("upper", s -> new BollingerBandsUpperIndicator(bbm(s), sd(s))),
                new Check("lower", s -> new BollingerBandsLowerIndicator(bbm(s), sd(s))),
                new Check("stdDev", Ta4jParityTest::sd),
                new Check("zScore", s -> NumericIndicator.of(close(s)).minus(bbm(s)).dividedBy(sd(s))),
                new Check("percentB", s -> new PercentBIndicator(close(s), 20, 2.0)),
                new Check("bandwidth", s -> new BollingerBandWidthIndicator(new BollingerBandsUpperIndicator(bbm(s), sd(s)), bbm(s),
                        new BollingerBandsLowerIndicator(bbm(s), sd(s)))))));
        c.add(new Case("Donchian(20)", () -> new Donchian(20), List.of(
                new Check("upper", s -> new DonchianChannelUpperIndicator(s, 20)),
                new Check("lower", s -> new DonchianChannelLowerIndicator(s, 20)),
                new Check("middle", s -> new DonchianChannelMiddleIndicator(s, 20)))));
        c.add(new Case("Supertrend(10,3) first-value", () -> new Supertrend(10, 3, f), List.of(
                new Check("supertrend", s -> new SuperTrendIndicator(s, 10, 3d)),
                new Check("upper", s -> new SuperTrendIndicator(s, 10, 3d).getSuperTrendUpperBandIndicator()),
                new Check("lower", s -> new SuperTrendIndicator(s, 10, 3d).getSuperTrendLowerBandIndicator()))));
        c.add(new Case("Ichimoku(9,26,52,26)", Ichimoku::new, List.of(
                new Check("tenkan", s -> new IchimokuTenkanSenIndicator(s, 9)),
                new Check("kijun", s -> new IchimokuKijunSenIndicator(s, 26)),
                // the cloud at t is ta4j's senkou span at t (computed 25 bars earlier)
                new Check("cloudA", s -> new IchimokuSenkouSpanAIndicator(s, new IchimokuTenkanSenIndicator(s, 9),
                        new IchimokuKijunSenIndicator(s, 26), 26)),
                new Check("cloudB", s -> new IchimokuSenkouSpanBIndicator(s, 52, 26)),
                // senkou computed at t is what ta4j shows 25 bars later
                new Check("senkouA", s -> new IchimokuSenkouSpanAIndicator(s, new IchimokuTenkanSenIndicator(s, 9),
                        new IchimokuKijunSenIndicator(s, 26), 26), 25),
                new Check("senkouB", s -> new IchimokuSenkouSpanBIndicator(s, 52, 26), 25),
                // ta4j's chikou at t reads close(t + 26): our chikou at t is ta4j's at t − 26
                new Check("chikou", s -> new IchimokuChikouSpanIndicator(s, 26), -26))));
        return c;
    }

    private static BollingerBandsMiddleIndicator bbm(org.ta4j.core.BarSeries s) {
        return new BollingerBandsMiddleIndicator(new SMAIndicator(close(s), 20));
    }

    private static StandardDeviationIndicator sd(org.ta4j.core.BarSeries s) {
        return new StandardDeviationIndicator(close(s), 20);
    }

    @TestFactory
    Stream<DynamicContainer> everySharedIndicatorMatchesTa4jBatchAndIncremental() {
        List<Case> cases = cases();
        return data().map(d -> {
            BarSeries bars = d.updates().series();
            org.ta4j.core.BarSeries ta = RealBars.ta4j(bars);
            return DynamicContainer.dynamicContainer(d.name() + " (" + bars.size() + " bars)",
                    cases.stream().map(cs -> DynamicTest.dynamicTest(cs.name(), () -> check(cs, bars, ta, d.updates()))));
        });
    }

    private static void check(Case cs, BarSeries bars, org.ta4j.core.BarSeries ta, Updates updates) {
        BarIndicator ind = cs.ours().get();
        double[][] batch = Batch.run(ind, bars);
        double[][] incremental = updates.drive(cs.ours().get());
        for (Check ck : cs.checks()) {
            int k = outputIndex(ind, ck.output());
            double[] expected = Oracle.values(ck.ta4j().apply(ta), bars.size());
            int from = firstDefined(batch[k]);
            assertTrue(from <= ind.unstableBars(), cs.name() + "." + ck.output() + " undefined past the warm-up");
            double wb = Oracle.assertMatches(cs.name() + "." + ck.output() + " batch", expected, batch[k], from, ck.shift());
            double wi = Oracle.assertMatches(cs.name() + "." + ck.output() + " incremental", expected, incremental[k], from, ck.shift());
            System.out.printf(java.util.Locale.ROOT, "parity %-32s %-10s from %4d: worst relative error batch %.1e, incremental %.1e%n",
                    cs.name(), ck.output(), from, wb, wi);
        }
    }

    static int outputIndex(org.concord.indicators.Indicator ind, String name) {
        for (int k = 0; k < ind.outputCount(); k++) {
            if (ind.outputName(k).equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(ind + " has no output " + name);
    }

    static int firstDefined(double[] xs) {
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isNaN(xs[i])) {
                return i;
            }
        }
        return xs.length;
    }

    @TestFactory
    Stream<DynamicTest> stochasticMatchesTa4jWhereDefined() {
        return data().map(d -> DynamicTest.dynamicTest(d.name(), () -> {
            BarSeries bars = d.updates().series();
            org.ta4j.core.BarSeries ta = RealBars.ta4j(bars);
            Stochastic ours = new Stochastic(14, 1, 3);
            double[][] batch = Batch.run(ours, bars);
            double[][] incremental = d.updates().drive(new Stochastic(14, 1, 3));
            double[] k = Oracle.values(new StochasticOscillatorKIndicator(ta, 14), bars.size());
            // ta4j divides 0 by 0 where the 14-bar range is 0; we define %K = 50 there. Check exactly those bars,
            // then give ta4j's %D (an SMA(3) of %K) the same %K to check %D everywhere.
            int flat = 0;
            for (int i = 13; i < bars.size(); i++) {
                if (Double.isNaN(k[i])) {
                    flat++;
                    assertEquals(50.0, batch[0][i], "%K at a zero-range window " + i);
                    k[i] = 50.0;
                }
            }
            Oracle.assertMatches("%K batch", k, batch[0], 13);
            Oracle.assertMatches("%K incremental", k, incremental[0], 13);
            double[] d3 = Oracle.values(new SMAIndicator(Oracle.of(ta, k), 3), bars.size());
            Oracle.assertMatches("%D batch", d3, batch[1], 15);
            Oracle.assertMatches("%D incremental", d3, incremental[1], 15);
            System.out.println("stochastic " + d.name() + ": " + flat + " zero-range windows");
        }));
    }

    @TestFactory
    Stream<DynamicTest> correlationMatchesTa4j() {
        BarSeries btc = RealBars.bitstamp(Timeframe.M5);
        BarSeries eth = RealBars.eth5m();
        double[] btcReturns = Batch.values(new Returns(Returns.Kind.LOG), btc);
        double[] ethReturns = Batch.values(new Returns(Returns.Kind.LOG), eth);
        int n = Math.min(btcReturns.length, ethReturns.length) - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = btcReturns[i + 1];
            y[i] = ethReturns[i + 1];
        }
        BarSeries btc1 = RealBars.bitstamp(Timeframe.M1);
        return Stream.of(
                DynamicTest.dynamicTest("close vs volume, BTC 1m", () -> correlation(btc1.closes(), volumes(btc1), 20)),
                DynamicTest.dynamicTest("close vs volume, ETH 5m", () -> correlation(eth.closes(), volumes(eth), 30)),
                DynamicTest.dynamicTest("BTC 5m vs ETH 5m log returns, paired by index", () -> correlation(x, y, 20)));
    }

    private static double[] volumes(BarSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.volume(i);
        }
        return v;
    }

    private static void correlation(double[] x, double[] y, int period) {
        org.ta4j.core.BarSeries ta = RealBars.ta4j(RealBars.eth5m());
        // a ta4j series of the right length to carry the arrays
        org.ta4j.core.BarSeries carrier = carrier(x.length);
        double[] ours = Batch.run(new Correlation(period), x, y);
        Correlation inc = new Correlation(period);
        double[] incremental = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            inc.update(x[i] * 1.5 + 1, y[i] - 2); // a forming value first, then the final one
            inc.replaceLast(x[i], y[i]);
            incremental[i] = inc.value();
        }
        double[] pearson = Oracle.values(new PearsonCorrelationIndicator(Oracle.of(carrier, x), Oracle.of(carrier, y), period), x.length);
        double[] coefficient = Oracle.values(new CorrelationCoefficientIndicator(Oracle.of(carrier, x), Oracle.of(carrier, y), period), x.length);
        Oracle.assertMatches("Pearson batch", pearson, ours, period - 1);
        Oracle.assertMatches("Pearson incremental", pearson, incremental, period - 1);
        Oracle.assertMatches("correlation coefficient batch", coefficient, ours, period - 1);
        assertTrue(ta.getBarCount() > 0);
    }

    private static org.ta4j.core.BarSeries carrier(int n) {
        BarSeries s = new BarSeries(org.concord.model.Symbol.of("CARRIER"), Timeframe.M1, Math.max(1, n));
        for (int i = 0; i < n; i++) {
            s.append(i * 60_000L, 1, 1, 1, 1, 1);
        }
        return RealBars.ta4j(s);
    }
}
