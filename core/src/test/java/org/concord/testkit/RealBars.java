package org.concord.testkit;

import org.concord.data.BarListener;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;

import java.util.EnumMap;
import java.util.Map;

/** Bars built from the real bundled Bitstamp trades with the production aggregator (closed bars only). */
public final class RealBars {
    private static volatile Map<Timeframe, BarSeries> bitstamp;

    private RealBars() {
    }

    /** Closed bars of every timeframe from the 100,000 bundled Bitstamp trades (cached; callers get copies). */
    public static BarSeries bitstamp(Timeframe tf) {
        Map<Timeframe, BarSeries> m = bitstamp;
        if (m == null) {
            m = aggregate(BundledData.bitstampTrades());
            bitstamp = m;
        }
        return m.get(tf).copy();
    }

    /** Aggregates a tape into closed bars of every timeframe. */
    public static Map<Timeframe, BarSeries> aggregate(TradeTape tape) {
        Map<Timeframe, BarSeries> out = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : Timeframe.values()) {
            out.put(tf, new BarSeries(tape.symbol(), tf, 1024));
        }
        TradeAggregator agg = new TradeAggregator(tape.symbol(), new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                out.get(tf).append(t, o, h, l, c, v);
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        return out;
    }
}
