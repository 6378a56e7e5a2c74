package org.concord.execution;

import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;

import java.util.EnumMap;
import java.util.Map;

/** Real closed bars built from the bundled Bitstamp BTC/USD trades with the project's TradeAggregator (cached). */
public final class RealBars {
    private static Map<Timeframe, BarSeries> cache;

    private RealBars() {
    }

    /** Closed bars of {@code tf} (a copy the caller may keep). */
    public static synchronized BarSeries bitstamp(Timeframe tf) {
        if (cache == null) {
            Map<Timeframe, BarSeries> m = new EnumMap<>(Timeframe.class);
            for (Timeframe t : Timeframe.all()) {
                m.put(t, new BarSeries(BundledData.BTCUSD, t, 4096));
            }
            TradeTape tape = BundledData.bitstampTrades();
            TradeAggregator agg = new TradeAggregator(BundledData.BTCUSD,
                    (s, t, open, o, h, l, c, v) -> m.get(t).append(open, o, h, l, c, v));
            for (int i = 0; i < tape.size(); i++) {
                agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
            }
            cache = m;
        }
        return cache.get(tf).copy();
    }

    /** Feeds bar {@code i} of {@code bars} to {@code broker} as a closed bar. */
    public static void feed(PaperBroker broker, BarSeries bars, int i) {
        broker.onBarClose(bars.symbol(), bars.timeframe(), bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
    }
}
