package org.concord.coordination;

import org.concord.bench.Bench;
import org.concord.data.TradeAggregator;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.risk.PlannedOrder;
import org.concord.risk.RiskLimits;
import org.concord.risk.TradePlan;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the paper broker, the coordination engine and the risk check on real bars. Prints BENCH lines,
 * asserts nothing about speed. Input: the bundled 100,000 Bitstamp trades repeated 10 times
 * ({@link TradeTape#repeated}), aggregated into 5-minute bars.
 */
@Tag("benchmark")
class CoordinationBench {

    static BarSeries bars() {
        TradeTape tape = BundledData.bitstampTrades().repeated(10);
        BarSeries out = new BarSeries(tape.symbol(), Timeframe.M5, 32_768);
        TradeAggregator agg = new TradeAggregator(tape.symbol(), (s, tf, t, o, h, l, c, v) -> {
            if (tf == Timeframe.M5) {
                out.append(t, o, h, l, c, v);
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        return out;
    }

    static void runEngine(BarSeries bars, int signalEvery) {
        UnifiedRiskManager rm = new UnifiedRiskManager(RiskLimits.defaults());
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), rm.preTradeCheck(), null);
        CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults(), broker, rm, bars.symbol(), null);
        List<Signal> none = List.of();
        for (int i = 0; i < bars.size(); i++) {
            RealBars.feed(broker, bars, i);
            engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            engine.decide(bars.time(i) + 300_000, signalEvery > 0 && i % signalEvery == 0 ? CoordinationEngineTest.signals(bars, i) : none);
        }
    }

    @Test
    void throughput() {
        BarSeries bars = bars();
        int n = bars.size();
        Bench.note("machine: " + Bench.machine());
        Bench.note("input: 100,000 Bitstamp trades repeated 10x -> " + n + " five-minute bars");

        double brokerOnly = Bench.throughput(3, 5, n, () -> {
            PaperBroker b = new PaperBroker(PaperBrokerConfig.defaults());
            for (int i = 0; i < n; i++) {
                RealBars.feed(b, bars, i);
            }
        });
        Bench.report("PaperBroker", "bars, no orders", brokerOnly, "bars/s");

        double brokerOrders = Bench.throughput(3, 5, n, () -> {
            PaperBroker b = new PaperBroker(PaperBrokerConfig.defaults().withCash(1e9));
            Symbol s = bars.symbol();
            for (int i = 0; i < n; i++) {
                RealBars.feed(b, bars, i);
                if (i % 4 == 0) {
                    double c = bars.close(i);
                    b.submit(OrderRequest.market("m" + i, s, OrderSide.BUY, 0.1).withBracket(c * 0.995, c * 1.005));
                }
            }
        });
        Bench.report("PaperBroker", "bars, bracket order every 4th bar", brokerOrders, "bars/s");

        Bench.report("CoordinationEngine", "bars, no signals", Bench.throughput(2, 3, n, () -> runEngine(bars, 0)), "bars/s");
        Bench.report("CoordinationEngine", "bars, 3 models signal every 12th bar", Bench.throughput(2, 3, n, () -> runEngine(bars, 12)), "bars/s");
        Bench.report("CoordinationEngine", "bars, 3 models signal every bar", Bench.throughput(2, 3, n, () -> runEngine(bars, 1)), "bars/s");

        // one plan check: four buckets' items on a held position
        UnifiedRiskManager rm = new UnifiedRiskManager(RiskLimits.defaults());
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000));
        RealBars.feed(broker, bars, 0);
        broker.submit(OrderRequest.market("seed", bars.symbol(), OrderSide.BUY, 10));
        RealBars.feed(broker, bars, 1);
        double p = bars.close(1);
        List<PlannedOrder> items = new ArrayList<>();
        for (Bucket b : Bucket.all()) {
            items.add(new PlannedOrder("i" + b.ordinal(), b.book(), bars.symbol(), 30_000 / p, p, ""));
        }
        TradePlan plan = new TradePlan(items);
        org.concord.risk.AccountBooks pv = org.concord.risk.AccountBooks.of(broker);
        int m = 20_000;
        long[] lat = new long[m];
        for (int w = 0; w < 20_000; w++) {
            rm.check(1, plan, pv, broker::markPrice);
        }
        for (int k = 0; k < m; k++) {
            long t0 = System.nanoTime();
            rm.check(1, plan, pv, broker::markPrice);
            lat[k] = System.nanoTime() - t0;
        }
        Bench.report("UnifiedRiskManager.check", "4 items, clipped, p50", Bench.percentileMicros(lat, 50), "us");
        Bench.report("UnifiedRiskManager.check", "4 items, clipped, p99", Bench.percentileMicros(lat, 99), "us");

        AllocationOptimizer opt = AllocationOptimizer.defaults();
        double[] scores = {0.3, -1.2, 2.5, 0.1};
        double[] a = opt.equal();
        double[] t = new double[Bucket.COUNT];
        AllocationOptimizer.Work work = new AllocationOptimizer.Work();
        Bench.report("AllocationOptimizer", "target + smooth", Bench.throughput(3, 5, 200_000, () -> {
            for (int k = 0; k < 200_000; k++) {
                scores[k & 3] += 1e-3;
                opt.target(scores, work, t);
                opt.smooth(a, t, work, a);
            }
        }), "updates/s");
        Bench.note("signals every bar: scalper (M5), swing (M15) and trend (H1, every 12th bar) as in CoordinationEngineTest");
    }
}
