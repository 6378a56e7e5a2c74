package org.concord.coordination;

import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;

/** A coordination engine with its risk manager and a 100,000 paper account, fed the bundled 5m bars one at a time. */
record RealBarEngine(BarSeries bars, UnifiedRiskManager risk, PaperBroker broker, CoordinationEngine engine) {
    static RealBarEngine of(RiskLimits limits) {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        UnifiedRiskManager risk = new UnifiedRiskManager(limits);
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), risk.preTradeCheck(), null);
        return new RealBarEngine(bars, risk, broker, new CoordinationEngine(CoordinationConfig.defaults(), broker, risk, bars.symbol(), null));
    }

    /** Bar {@code i} closes at the broker, then at the engine; returns the decision time it closes at. */
    long close(int i) {
        RealBars.feed(broker, bars, i);
        engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        return bars.time(i) + 300_000;
    }
}
