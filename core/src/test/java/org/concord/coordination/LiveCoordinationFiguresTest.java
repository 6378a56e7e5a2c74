package org.concord.coordination;

import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The figures the Portfolio &amp; risk tab shows, as the engine computes them on real Bitstamp 5-minute bars: per-source
 * signals, trades and profit, and the live synergy (combined = the account's equity change; alone = each book's P&amp;L
 * less the cost of what it crossed internally; synergy = combined - sum alone).
 */
class LiveCoordinationFiguresTest {
    @Test
    void sourcesAndSynergyFollowWhatTheEngineDid() {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults());
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), risk.preTradeCheck(), null);
        CoordinationConfig cfg = CoordinationConfig.defaults();
        cfg = cfg.withCoordinator(cfg.coordinator().withPolicy(ConflictPolicy.NETTING));
        CoordinationEngine engine = new CoordinationEngine(cfg, broker, risk, bars.symbol(), null);
        int i = 300;
        step(engine, broker, bars, i++, List.of());
        // "a" buys in the short bucket; it fills at the next bar's open
        step(engine, broker, bars, i++, List.of(Signal.of("a", bars.symbol(), 0, Bucket.SHORT, Action.BUY, 1, 0.9, Timeframe.M5)));
        for (int k = 0; k < 12; k++) { // held past the short bucket's minimum
            step(engine, broker, bars, i++, List.of());
        }
        // "a" exits while "b" buys in the medium bucket: opposite changes in one decision cross inside the account
        step(engine, broker, bars, i++, List.of(Signal.of("a", bars.symbol(), 0, Bucket.SHORT, Action.SELL, 1, 0.9, Timeframe.M5),
                Signal.of("b", bars.symbol(), 0, Bucket.MEDIUM, Action.BUY, 1, 0.6, Timeframe.M5)));
        step(engine, broker, bars, i++, List.of());

        List<SourceContribution> rows = engine.sources().rows(engine.learner(), engine.allocations().regime());
        assertThat(rows).extracting(SourceContribution::sourceId).containsExactly("a", "b");
        SourceContribution a = rows.get(0);
        assertThat(a.signals()).isEqualTo(2);
        assertThat(a.bucket()).isEqualTo(Bucket.SHORT);
        assertThat(a.trades()).as("its short-bucket trade closed").isEqualTo(1);
        assertThat(a.realizedPnl()).isCloseTo(engine.bucketTrades().get(0).pnl(), within(1e-9));
        assertThat(rows.get(1).bucket()).isEqualTo(Bucket.MEDIUM);
        assertThat(a.weight() + rows.get(1).weight()).isCloseTo(1, within(1e-9));

        LiveSynergy y = LiveSynergy.of(engine);
        assertThat(y.crossed().get(Bucket.SHORT)).as("the exit crossed with the medium buy").isPositive();
        assertThat(y.crossed().get(Bucket.MEDIUM)).isCloseTo(y.crossed().get(Bucket.SHORT), within(1e-6));
        double cost = RiskLimits.defaults().costBufferBps() * 1e-4;
        assertThat(y.alone().get(Bucket.SHORT)).isCloseTo(engine.ledger().pnl(Bucket.SHORT, engine::price)
                - y.crossed().get(Bucket.SHORT) * cost, within(1e-6));
        assertThat(y.combinedPnl()).isCloseTo(broker.account().equity() - 100_000, within(1e-6));
        assertThat(y.synergy()).isCloseTo(y.combinedPnl() - y.sumAlone(), within(1e-9));
        // netting saved the crossed volume's costs: together beat alone by at least that, less rounding
        assertThat(y.synergy()).isGreaterThan(0);
    }

    private static void step(CoordinationEngine engine, PaperBroker broker, BarSeries bars, int i, List<Signal> signals) {
        RealBars.feed(broker, bars, i);
        engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        long t = bars.time(i) + 300_000;
        List<Signal> at = signals.stream().map(s -> new Signal(s.sourceId(), s.symbol(), t, s.bucket(), s.action(), s.size(), s.confidence(),
                s.minHoldingBars(), s.expectedHoldingBars(), s.maxHoldingBars(), s.timeframe(), null, null)).toList();
        engine.decide(t, at);
    }
}
