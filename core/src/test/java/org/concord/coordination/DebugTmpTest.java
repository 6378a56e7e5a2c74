package org.concord.coordination;
import org.concord.execution.*;
import org.concord.model.*;
import org.concord.risk.*;
import org.junit.jupiter.api.Test;
class DebugTmpTest {
  @Test void dbg() {
    BarSeries bars = RealBars.bitstamp(Timeframe.M5);
    for (int rep = 0; rep < 3; rep++) {
    UnifiedRiskManager rm = new UnifiedRiskManager(RiskLimits.defaults());
    PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), rm.preTradeCheck(), null);
    CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults(), broker, rm, bars.symbol(), null);
    long tb = 0, tc = 0, td = 0, ts = 0;
    for (int i = 0; i < bars.size(); i++) {
      long a = System.nanoTime();
      RealBars.feed(broker, bars, i);
      long b = System.nanoTime();
      engine.onBarClose(bars.symbol(), Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
      long c = System.nanoTime();
      var sig = CoordinationEngineTest.signals(bars, i);
      long d = System.nanoTime();
      engine.decide(bars.time(i) + 300_000, sig);
      long e = System.nanoTime();
      tb += b - a; tc += c - b; ts += d - c; td += e - d;
    }
    System.out.printf("broker %.1f ms, onBar %.1f ms, signals %.1f ms, decide %.1f ms, fills %d, orders %d%n", tb/1e6, tc/1e6, ts/1e6, td/1e6, broker.fills().size(), broker.orders().size());
    }
  }
}
