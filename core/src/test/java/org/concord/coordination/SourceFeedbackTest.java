package org.concord.coordination;

import org.concord.bus.InProcessEventBus;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.risk.CorrelationAnalyzer;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action taken on each signal reaches whoever hears it, the source's adapter or the bus, and only the signals
 * someone hears are answered (a backtest has neither for sources that speak for themselves).
 */
class SourceFeedbackTest {
    private static final int BARS = 400;

    @Test
    void withoutABusOnlyTheSourcesWithAnAdapterGetTheirActions() {
        CoordinationEngineTest.PredictionLikeAdapter swing = new CoordinationEngineTest.PredictionLikeAdapter("swing");
        int[] swingSignals = run(null, swing);
        assertThat(swingSignals[0]).isPositive();
        assertThat(swing.taken).hasSize(swingSignals[0]).allSatisfy(t -> {
            assertThat(t.sourceId()).isEqualTo("swing");
            assertThat(t.bucket()).isEqualTo(Bucket.SHORT);
        });
    }

    @Test
    void onABusEverySignalIsAnswered() {
        InProcessEventBus bus = new InProcessEventBus();
        List<ActionTaken> published = new ArrayList<>();
        bus.subscribe(CoordinationTopics.ACTIONS, published::add);
        int[] signals = run(bus, null);
        assertThat(published).hasSize(signals[1]).extracting(ActionTaken::sourceId).contains("scalper", "swing", "trend");
    }

    /** Runs the engine over real bars; returns {swing's signals, all signals}. */
    private static int[] run(InProcessEventBus bus, ModelAdapter<?> adapter) {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        UnifiedRiskManager rm = new UnifiedRiskManager(RiskLimits.defaults(), Timeframe.M5, new CorrelationAnalyzer(288, 30), bus);
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), rm.preTradeCheck(), bus);
        CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults(), broker, rm, bars.symbol(), bus);
        if (adapter != null) {
            engine.registerAdapter(adapter);
        }
        int[] counts = new int[2];
        for (int i = 0; i < BARS; i++) {
            RealBars.feed(broker, bars, i);
            engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            List<Signal> signals = CoordinationEngineTest.signals(bars, i);
            counts[0] += (int) signals.stream().filter(s -> s.sourceId().equals("swing")).count();
            counts[1] += signals.size();
            engine.decide(bars.time(i) + 300_000, signals);
        }
        return counts;
    }
}
