package org.concord.bench;

import org.concord.data.BarListener;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.indicators.Adx;
import org.concord.indicators.Atr;
import org.concord.indicators.BarIndicator;
import org.concord.indicators.BollingerBands;
import org.concord.indicators.Correlation;
import org.concord.indicators.Donchian;
import org.concord.indicators.EfficiencyRatio;
import org.concord.indicators.Ema;
import org.concord.indicators.Ichimoku;
import org.concord.indicators.Macd;
import org.concord.indicators.Price;
import org.concord.indicators.Qqe;
import org.concord.indicators.Returns;
import org.concord.indicators.Rsi;
import org.concord.indicators.Seeding;
import org.concord.indicators.Sma;
import org.concord.indicators.StdDev;
import org.concord.indicators.Stochastic;
import org.concord.indicators.Supertrend;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Bar;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanAIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuSenkouSpanBIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.PearsonCorrelationIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Indicator throughput, ours against ta4j on the same bars in the same run.
 *
 * <p>Input: the bundled Bitstamp trades repeated with {@link TradeTape#repeated} ({@code -Dbench.copies}, default
 * 107 copies ≈ 1.0 M one-minute bars), aggregated to 1m bars by the real {@link TradeAggregator}.
 *
 * <p>The shared set (14 indicators, both sides): SMA(20); EMA(12), EMA(50), EMA(200); RSI(14); ATR(14); ADX(14);
 * MACD(12,26,9) line, signal, histogram; Bollinger(20,2) middle, upper, lower; Donchian(20) upper, lower;
 * Supertrend(10,3); Ichimoku(9,26,52) tenkan, kijun, senkou A, senkou B; stochastic %K(14), %D(3); Pearson
 * correlation(20) of close and volume. Ours use ta4j's seeding (same arithmetic cost as the default) so the values
 * can be cross-checked at the end; ours also compute and read every other output they have (ADX's ±DI and DX,
 * Bollinger's σ, z, %B, width, Ichimoku's chikou...).
 * <ul>
 *   <li>Ours, incremental: per bar, {@code onBar} on each indicator, then every output read.</li>
 *   <li>ta4j, streaming (its live mode): a {@code BaseBarSeries} (DoubleNum, its fastest number type) with
 *       maximumBarCount 512; per bar, {@code addBar} of a pre-built {@code BaseBar} (bar construction is not timed)
 *       then {@code getValue(endIndex)} of each indicator. Sub-indicators are shared where ta4j's API allows
 *       (one close-price, one SMA/σ for the bands, one MACD for its signal and histogram, one %K for %D).</li>
 *   <li>ta4j, batch: the same indicators over a full pre-built series, {@code getValue(i)} for every index in
 *       order (each value computed once and cached), on the first {@code -Dbench.ta4jBatchBars} bars (default
 *       100,000: its caches for more bars thrash the 2 GiB test heap).</li>
 * </ul>
 */
@Tag("benchmark")
class IndicatorBench {
    private static final String NAME = "indicators";

    @Test
    void throughputAgainstTa4j() {
        int copies = Integer.getInteger("bench.copies", 107);
        BarSeries bars = oneMinuteBars(copies);
        int n = bars.size();
        Bench.note("machine: " + Bench.machine() + ", load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Bench.note(String.format(Locale.ROOT, "input: Bitstamp trades x %d copies (TradeTape.repeated) -> %,d 1m bars", copies, n));

        double[] sink = new double[1];
        BarIndicator[] shared = sharedSet();
        Correlation corr = new Correlation(20);
        double[] ours = measure(2, 5, n, () -> sink[0] += runOurs(shared, corr, bars));
        report("ours incremental, shared set", ours);

        List<Bar> taBars = ta4jBars(bars);
        double[] lastTa = new double[1];
        double[] streaming = measure(1, 3, n, () -> lastTa[0] = runTa4jStreaming(taBars));
        report("ta4j streaming, shared set", streaming);
        ratio("ours incremental / ta4j streaming", String.format(Locale.ROOT, "same %,d bars, same indicators", n), ours, streaming);

        int batchBars = Math.min(n, Integer.getInteger("bench.ta4jBatchBars", 100_000));
        List<Bar> batchInput = new ArrayList<>(taBars.subList(0, batchBars));
        taBars.clear(); // 1 M ta4j bars no longer needed: leave the heap to ta4j's batch caches

        BarIndicator[] whole = wholeSet();
        Correlation corr2 = new Correlation(20);
        report("ours incremental, whole library", measure(2, 5, n, () -> sink[0] += runOurs(whole, corr2, bars)));
        report("ours whole library, 3 revisions/bar", measure(1, 3, n, () -> sink[0] += runOursRevised(whole, corr2, bars)));

        BarSeries head = bars.copyRange(0, batchBars);
        double[] batch = measure(1, 2, batchBars, () -> sink[0] += runTa4jBatch(batchInput));
        report("ta4j batch, shared set, " + batchBars / 1000 + "k bars", batch);
        double[] oursHead = measure(2, 5, batchBars, () -> sink[0] += runOurs(shared, corr, head));
        report("ours incremental, same " + batchBars / 1000 + "k bars", oursHead);
        ratio("ours incremental / ta4j batch", String.format(Locale.ROOT, "same first %,d bars", batchBars), oursHead, batch);

        // both sides computed the same thing: the last bar's Supertrend (ta4j's seeding on both)
        runOurs(shared, corr, bars);
        double oursLast = shared[10].value();
        Bench.note(String.format(Locale.ROOT, "check: last Supertrend ours %.10g, ta4j streaming %.10g (sinks %.3g, %.3g)",
                oursLast, lastTa[0], sink[0], sinkTa4j));
        org.assertj.core.api.Assertions.assertThat(Math.abs(oursLast - lastTa[0])).isLessThanOrEqualTo(1e-9 * Math.abs(oursLast));
    }

    /**
     * Best of {@code runs} after {@code warmups}: {wall-clock ops/s, thread-CPU-time ops/s}. CPU time does not count
     * waiting for a core on a shared machine, nor work on other threads (ta4j's garbage collection: in its favour).
     */
    private static double[] measure(int warmups, int runs, long ops, Runnable body) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double cpuBest = 0;
        double[] wall = new double[1];
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        wall[0] = Bench.throughput(0, runs, ops, () -> {
            long c0 = mx.getCurrentThreadCpuTime();
            body.run();
            long dc = mx.getCurrentThreadCpuTime() - c0;
            CPU_BEST[0] = Math.max(CPU_BEST[0], ops * 1e9 / Math.max(1, dc));
        });
        cpuBest = CPU_BEST[0];
        CPU_BEST[0] = 0;
        return new double[] {wall[0], cpuBest};
    }

    private static final double[] CPU_BEST = new double[1];

    private static void report(String what, double[] figures) {
        Bench.report(NAME, what + " (wall)", figures[0], "bars/s");
        Bench.report(NAME, what + " (CPU)", figures[1], "bars/s");
    }

    private static void ratio(String what, String how, double[] ours, double[] theirs) {
        Bench.note(String.format(Locale.ROOT, "ratio %s (%s): %.1fx wall-clock, %.1fx thread CPU time", what, how,
                ours[0] / theirs[0], ours[1] / theirs[1]));
    }

    static BarSeries oneMinuteBars(int copies) {
        TradeTape tape = BundledData.bitstampTrades().repeated(copies);
        BarSeries out = new BarSeries(BundledData.BTCUSD, Timeframe.M1, 1 << 20);
        TradeAggregator agg = new TradeAggregator(BundledData.BTCUSD, new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                if (tf == Timeframe.M1) {
                    out.append(t, o, h, l, c, v);
                }
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        agg.advanceTo(tape.lastTime() + Timeframe.D1.millis());
        return out;
    }

    private static BarIndicator[] sharedSet() {
        Seeding f = Seeding.FIRST_VALUE;
        return new BarIndicator[] {new Sma(20), new Ema(12, f), new Ema(50, f), new Ema(200, f), new Rsi(14, f), new Atr(14, f),
                new Adx(14, 14, f), new Macd(12, 26, 9, f, Price.CLOSE), new BollingerBands(20, 2), new Donchian(20),
                new Supertrend(10, 3, f), new Ichimoku(), new Stochastic(14, 1, 3)};
    }

    private static BarIndicator[] wholeSet() {
        BarIndicator[] s = sharedSet();
        List<BarIndicator> all = new ArrayList<>(List.of(s));
        all.add(new Qqe());
        all.add(new EfficiencyRatio(10));
        all.add(new StdDev(20));
        all.add(new Returns(Returns.Kind.LOG));
        all.add(new Rsi(14));
        return all.toArray(new BarIndicator[0]);
    }

    private static double runOurs(BarIndicator[] set, Correlation corr, BarSeries bars) {
        for (BarIndicator ind : set) {
            ind.reset();
        }
        corr.reset();
        double sink = 0;
        int n = bars.size();
        for (int i = 0; i < n; i++) {
            double o = bars.open(i);
            double h = bars.high(i);
            double l = bars.low(i);
            double c = bars.close(i);
            double v = bars.volume(i);
            for (BarIndicator ind : set) {
                ind.onBar(o, h, l, c, v);
                for (int k = ind.outputCount() - 1; k >= 0; k--) {
                    double x = ind.output(k);
                    if (x == x) {
                        sink += x; // skip the warm-up's NaN
                    }
                }
            }
            corr.update(c, v);
            double r = corr.value();
            if (r == r) {
                sink += r;
            }
        }
        return sink;
    }

    /** Each bar opens flat, is revised twice inside its range, then set final: 1 new bar + 3 revisions. */
    private static double runOursRevised(BarIndicator[] set, Correlation corr, BarSeries bars) {
        for (BarIndicator ind : set) {
            ind.reset();
        }
        corr.reset();
        double sink = 0;
        int n = bars.size();
        for (int i = 0; i < n; i++) {
            double o = bars.open(i);
            double h = bars.high(i);
            double l = bars.low(i);
            double c = bars.close(i);
            double v = bars.volume(i);
            double mid = (h + l) / 2;
            for (BarIndicator ind : set) {
                ind.onBar(o, o, o, o, 0);
                ind.replaceLast(o, Math.max(o, mid), Math.min(o, mid), mid, v / 3);
                ind.replaceLast(o, h, Math.min(o, mid), h, v / 2);
                ind.replaceLast(o, h, l, c, v);
                for (int k = ind.outputCount() - 1; k >= 0; k--) {
                    double x = ind.output(k);
                    if (x == x) {
                        sink += x; // skip the warm-up's NaN
                    }
                }
            }
            corr.update(o, 0);
            corr.replaceLast(mid, v / 3);
            corr.replaceLast(h, v / 2);
            corr.replaceLast(c, v);
            double r = corr.value();
            if (r == r) {
                sink += r;
            }
        }
        return sink;
    }

    private static List<Bar> ta4jBars(BarSeries bars) {
        Duration minute = Duration.ofMinutes(1);
        List<Bar> out = new ArrayList<>(bars.size());
        Num zero = DoubleNum.valueOf(0);
        for (int i = 0; i < bars.size(); i++) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(bars.time(i) + 60_000), ZoneOffset.UTC);
            out.add(new BaseBar(minute, end, DoubleNum.valueOf(bars.open(i)), DoubleNum.valueOf(bars.high(i)),
                    DoubleNum.valueOf(bars.low(i)), DoubleNum.valueOf(bars.close(i)), DoubleNum.valueOf(bars.volume(i)), zero));
        }
        return out;
    }

    /** The shared set on a ta4j series; index 10 is the Supertrend. */
    private static List<Indicator<Num>> ta4jSet(org.ta4j.core.BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandsMiddleIndicator bbm = new BollingerBandsMiddleIndicator(sma20);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        IchimokuTenkanSenIndicator tenkan = new IchimokuTenkanSenIndicator(s, 9);
        IchimokuKijunSenIndicator kijun = new IchimokuKijunSenIndicator(s, 26);
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(s, 14);
        List<Indicator<Num>> set = new ArrayList<>();
        set.add(sma20);
        set.add(new EMAIndicator(close, 12));
        set.add(new EMAIndicator(close, 50));
        set.add(new EMAIndicator(close, 200));
        set.add(new RSIIndicator(close, 14));
        set.add(new ATRIndicator(s, 14));
        set.add(new ADXIndicator(s, 14, 14));
        set.add(macd);
        set.add(signal);
        set.add(NumericIndicator.of(macd).minus(signal));
        set.add(new SuperTrendIndicator(s, 10, 3d));
        set.add(bbm);
        set.add(new BollingerBandsUpperIndicator(bbm, sd));
        set.add(new BollingerBandsLowerIndicator(bbm, sd));
        set.add(new DonchianChannelUpperIndicator(s, 20));
        set.add(new DonchianChannelLowerIndicator(s, 20));
        set.add(tenkan);
        set.add(kijun);
        set.add(new IchimokuSenkouSpanAIndicator(s, tenkan, kijun, 26));
        set.add(new IchimokuSenkouSpanBIndicator(s, 52, 26));
        set.add(k);
        set.add(new StochasticOscillatorDIndicator(k));
        set.add(new PearsonCorrelationIndicator(close, new VolumeIndicator(s), 20));
        return set;
    }

    private static double runTa4jStreaming(List<Bar> bars) {
        org.ta4j.core.BarSeries s = new BaseBarSeriesBuilder().withName("stream").withNumTypeOf(DoubleNum::valueOf)
                .withMaxBarCount(512).build();
        List<Indicator<Num>> set = ta4jSet(s);
        Indicator<Num>[] arr = set.toArray(new Indicator[0]);
        double sink = 0;
        for (Bar b : bars) {
            s.addBar(b);
            int end = s.getEndIndex();
            for (Indicator<Num> ind : arr) {
                double x = ind.getValue(end).doubleValue();
                if (x == x) {
                    sink += x; // ta4j gives NaN for 0/0 (e.g. %K on a zero range)
                }
            }
        }
        sinkTa4j += sink;
        return arr[10].getValue(s.getEndIndex()).doubleValue();
    }

    /** Keeps ta4j's streaming values live. */
    static double sinkTa4j;

    private static double runTa4jBatch(List<Bar> bars) {
        org.ta4j.core.BarSeries s = new BaseBarSeriesBuilder().withName("batch").withNumTypeOf(DoubleNum::valueOf)
                .withBars(new ArrayList<>(bars)).build();
        List<Indicator<Num>> set = ta4jSet(s);
        Indicator<Num>[] arr = set.toArray(new Indicator[0]);
        double sink = 0;
        int n = s.getBarCount();
        for (int i = 0; i < n; i++) {
            for (Indicator<Num> ind : arr) {
                double x = ind.getValue(i).doubleValue();
                if (x == x) {
                    sink += x;
                }
            }
        }
        return sink;
    }
}
