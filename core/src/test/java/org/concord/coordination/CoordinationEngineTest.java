package org.concord.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.bus.InProcessEventBus;
import org.concord.execution.ExecutionTopics;
import org.concord.execution.Fill;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderState;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.concord.risk.RiskTopics;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole coordination path on real Bitstamp 5-minute bars: signals → plan → risk → netting → scheduler → paper broker → ledger. */
class CoordinationEngineTest {

    /** Three deterministic "models" reading only past closes: a scalper, a swing trader and a trend follower. */
    static List<Signal> signals(BarSeries bars, int i) {
        List<Signal> out = new ArrayList<>();
        Symbol s = bars.symbol();
        long t = bars.time(i) + 300_000;
        if (i >= 3) {
            out.add(Signal.of("scalper", s, t, Bucket.SCALPING, bars.close(i) > bars.close(i - 3) ? Action.BUY : Action.SELL, 1, 0.6, Timeframe.M5));
        }
        if (i >= 48) {
            out.add(Signal.of("swing", s, t, Bucket.SHORT, bars.close(i) > bars.close(i - 48) ? Action.BUY : Action.SELL, 0.8, 0.7, Timeframe.M15)
                    .withExpectedReturn(0.004));
        }
        if (i >= 288 && i % 12 == 0) {
            out.add(Signal.of("trend", s, t, Bucket.MEDIUM, bars.close(i) > bars.close(i - 288) ? Action.BUY : Action.HOLD, 1, 0.8, Timeframe.H1)
                    .withMeta(0.9));
        }
        return out;
    }

    record Run(CoordinationEngine engine, PaperBroker broker, List<OrderEvent> orderEvents, int riskEventsOnBus, Map<String, PredictionLikeAdapter> adapters) {
    }

    /** Records what the engine hands back to a source. */
    static final class PredictionLikeAdapter implements ModelAdapter<Signal> {
        final String id;
        final List<ActionTaken> taken = new ArrayList<>();
        final List<TradeFeedback> feedback = new ArrayList<>();

        PredictionLikeAdapter(String id) {
            this.id = id;
        }

        @Override
        public String sourceId() {
            return id;
        }

        @Override
        public Signal adapt(Signal raw, long time) {
            return raw;
        }

        @Override
        public void onActionTaken(ActionTaken t) {
            taken.add(t);
        }

        @Override
        public void onFeedback(TradeFeedback f) {
            feedback.add(f);
        }
    }

    static Run run(CoordinationConfig cfg, double[] maxGrossSeen) {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        InProcessEventBus bus = new InProcessEventBus();
        List<OrderEvent> events = new ArrayList<>();
        int[] risk = new int[1];
        bus.subscribe(ExecutionTopics.ORDER_EVENTS, events::add);
        bus.subscribe(RiskTopics.EVENTS, e -> risk[0]++);
        UnifiedRiskManager rm = new UnifiedRiskManager(RiskLimits.defaults(), Timeframe.M5, new org.concord.risk.CorrelationAnalyzer(288, 30), bus);
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), rm.preTradeCheck(), bus);
        CoordinationEngine engine = new CoordinationEngine(cfg, broker, rm, bars.symbol(), bus);
        Map<String, PredictionLikeAdapter> adapters = new HashMap<>();
        for (String id : List.of("scalper", "swing", "trend")) {
            PredictionLikeAdapter a = new PredictionLikeAdapter(id);
            adapters.put(id, a);
            engine.registerAdapter(a);
        }
        for (int i = 0; i < bars.size(); i++) {
            RealBars.feed(broker, bars, i);
            engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            engine.decide(bars.time(i) + 300_000, signals(bars, i));
            double e = broker.equity();
            double gross = Math.abs(broker.position(bars.symbol()).quantity()) * bars.close(i) / e;
            maxGrossSeen[0] = Math.max(maxGrossSeen[0], gross);
            // every order is the coordinator's: the books add up to the account
            assertThat(engine.ledger().total(bars.symbol())).isCloseTo(broker.position(bars.symbol()).quantity(), within(1e-9));
        }
        return new Run(engine, broker, events, risk[0], adapters);
    }

    @Test
    void realBarsThroughTheWholePath(@TempDir Path dir) throws Exception {
        double[] gross = new double[1];
        Run r = run(CoordinationConfig.defaults(), gross);
        CoordinationEngine engine = r.engine();
        PaperBroker broker = r.broker();
        assertThat(broker.fills().size()).as("the models traded").isGreaterThan(20);
        assertThat(engine.bucketTrades()).as("bucket trades closed and were fed back").isNotEmpty();
        assertThat(r.adapters().get("scalper").taken).isNotEmpty();
        assertThat(r.adapters().get("swing").feedback).isNotEmpty();
        assertThat(r.adapters().get("swing").feedback).allSatisfy(f -> assertThat(f.predictedReturn()).isEqualTo(0.004));
        // unlevered spot account within the 50% instrument cap; price moves within a bar aside, never above it by much
        assertThat(gross[0]).isLessThan(0.5 * 1.05);
        assertThat(broker.cash()).isGreaterThanOrEqualTo(0);
        // allocations: bounds, sums, steps
        List<AllocationUpdate> hist = engine.allocations().history();
        assertThat(hist.size()).isGreaterThan(100);
        Map<Bucket, Double> prev = null;
        for (AllocationUpdate u : hist) {
            double sum = 0;
            for (Bucket b : Bucket.all()) {
                double a = u.allocation().get(b);
                assertThat(a).isBetween(0.1 - 1e-12, 0.5 + 1e-12);
                if (prev != null) {
                    assertThat(Math.abs(a - prev.get(b))).isLessThanOrEqualTo(0.1 + 1e-12);
                }
                sum += a;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
            prev = u.allocation();
        }
        // every order transition on the bus, every order ends in a terminal state or is still working
        assertThat(r.orderEvents()).isEqualTo(broker.events());
        assertThat(broker.orders()).allSatisfy(o -> assertThat(o.state().isTerminal() || o.state().isWorking()).isTrue());
        assertThat(broker.orders()).filteredOn(o -> o.state() == OrderState.REJECTED)
                .allSatisfy(o -> assertThat(o.reason()).isNotBlank());
        assertThat(r.riskEventsOnBus()).isEqualTo(engine.risk().history().size());
        // results saved with the config that produced them
        CoordinationResult res = CoordinationResult.of("bitstamp 5m, three models", engine, broker.config(), null);
        Path file = dir.resolve("run.json");
        ResultsJson.write(file, res);
        JsonNode j = ResultsJson.mapper().readTree(file.toFile());
        assertThat(j.at("/config/coordinator/policy").asText()).isEqualTo("CONFIDENCE_PRIORITY");
        assertThat(j.at("/riskLimits/drawdownThreshold").asDouble()).isEqualTo(0.10);
        assertThat(j.at("/broker/fees/takerBps").asDouble()).isEqualTo(10);
        assertThat(j.at("/broker/slippage/bps").asDouble()).isEqualTo(2);
        assertThat(j.at("/equity/time").size()).isEqualTo(engine.equityCurve().size());
        assertThat(j.at("/allocations").size()).isEqualTo(hist.size());
        assertThat(j.at("/allocations/0/allocation/SCALPING").isNumber()).isTrue();
        assertThat(j.at("/metrics/tradeCount").asInt()).isEqualTo(res.trades().size());
        assertThat(j.at("/riskEvents").size()).isEqualTo(engine.risk().history().size());
        assertThat(j.at("/bucketTrades").size()).isEqualTo(engine.bucketTrades().size());
        assertThat(res.metrics().periods()).isEqualTo(engine.equityCurve().size());
    }

    @Test
    void sameInputsSameOrders() {
        Run a = run(CoordinationConfig.defaults(), new double[1]);
        Run b = run(CoordinationConfig.defaults(), new double[1]);
        List<Fill> fa = a.broker().fills();
        List<Fill> fb = b.broker().fills();
        assertThat(fa).isEqualTo(fb);
        assertThat(a.engine().allocations().history()).isEqualTo(b.engine().allocations().history());
    }

    @Test
    void nettingPolicyCrossesBooksAndStillBalances() {
        CoordinationConfig cfg = CoordinationConfig.defaults()
                .withCoordinator(PositionCoordinator.Config.defaults().withPolicy(ConflictPolicy.NETTING).withShorting(true));
        Run r = run(cfg, new double[1]);
        assertThat(r.engine().conflicts()).anyMatch(c -> c.policy() == ConflictPolicy.NETTING);
        assertThat(r.broker().fills()).isNotEmpty();
    }
}
