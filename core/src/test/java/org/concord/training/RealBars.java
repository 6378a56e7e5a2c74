package org.concord.training;

import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.frames.SeriesWindowSource;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Real bars for the training tests: the bundled Bitstamp trades aggregated by the production aggregator. */
public final class RealBars {
    private static volatile Map<Timeframe, BarSeries> cache;

    private RealBars() {
    }

    /** Bars of every timeframe from the bundled tape repeated {@code copies} times ({@link TradeTape#repeated}). */
    public static Map<Timeframe, BarSeries> aggregate(TradeTape tape) {
        Map<Timeframe, BarSeries> out = new EnumMap<>(Timeframe.class);
        for (Timeframe tf : Timeframe.all()) {
            out.put(tf, new BarSeries(tape.symbol(), tf, 1024));
        }
        TradeAggregator agg = new TradeAggregator(tape.symbol(),
                (s, tf, t, o, h, l, c, v) -> out.get(tf).append(t, o, h, l, c, v));
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        agg.advanceTo(tape.lastTime() + Timeframe.D1.millis() * 2);
        return out;
    }

    /** The bundled tape's bars (cached; callers must not modify them). */
    public static Map<Timeframe, BarSeries> bitstamp() {
        Map<Timeframe, BarSeries> c = cache;
        if (c == null) {
            c = aggregate(BundledData.bitstampTrades());
            cache = c;
        }
        return c;
    }

    public static SeriesWindowSource source() {
        return new SeriesWindowSource(bitstamp());
    }

    public static Symbol symbol() {
        return BundledData.BTCUSD;
    }

    /** A DataProvider on a fresh SQLite file, fed every bundled trade synchronously (clock at the tape's end + 2 days). */
    public static DataProvider provider(Path dir, TradeTape tape) {
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
        DataProvider dp = new DataProvider(new BarStore(db));
        feed(dp, tape);
        return dp;
    }

    public static void feed(DataProvider dp, TradeTape tape) {
        dp.resetSession(tape.symbol(), tape.firstTime());
        for (int i = 0; i < tape.size(); i++) {
            dp.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
        }
        dp.onClock(tape.symbol(), tape.lastTime() + Timeframe.D1.millis() * 2);
    }
}
