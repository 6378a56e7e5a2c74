package org.concord.backtest;

import org.concord.data.BarListener;
import org.concord.store.Direction;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;

/** Resolves a config's {@code data} into a {@link MarketHistory}. */
public final class BacktestData {
    private BacktestData() {
    }

    static MarketHistory resolve(BacktestConfig c, BarStore store) {
        Symbol symbol = Symbol.of(c.symbol());
        switch (c.data()) {
            case "bundled" -> {
                requireBundled(symbol);
                return MarketHistory.trades(BundledData.bitstampTrades(), "bundled Bitstamp BTC/USD trades");
            }
            case "bundled-bars" -> {
                requireBundled(symbol);
                return MarketHistory.bars(bars(BundledData.bitstampTrades(), Timeframe.M1), "bundled Bitstamp BTC/USD trades as 1m bars");
            }
            case "store" -> {
                if (store == null) {
                    throw new IllegalArgumentException("data: store needs the data directory's bar store");
                }
                long from = c.fromMillis() == Long.MIN_VALUE ? Long.MIN_VALUE : c.fromMillis() - c.warmupMillis();
                BarSeries s = store.query(symbol, Timeframe.M1, from, c.toMillis() == Long.MAX_VALUE ? Long.MAX_VALUE : c.toMillis() - 1,
                        Integer.MAX_VALUE, Direction.LATEST);
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("data: store has no 1m bars of " + symbol + " in the range (import some with concord import)");
                }
                return MarketHistory.bars(s, "stored " + symbol + " 1m bars");
            }
            default -> throw new IllegalArgumentException("unknown data '" + c.data() + "'");
        }
    }

    private static void requireBundled(Symbol symbol) {
        if (!symbol.equals(BundledData.BTCUSD)) {
            throw new IllegalArgumentException("the bundled data is " + BundledData.BTCUSD + " only, not " + symbol);
        }
    }

    /** Closed bars of {@code tf} built from {@code tape} with the production aggregator (the forming last bar left out). */
    public static BarSeries bars(TradeTape tape, Timeframe tf) {
        BarSeries out = new BarSeries(tape.symbol(), tf, Math.max(16, tape.size() / 8));
        TradeAggregator agg = new TradeAggregator(tape.symbol(), new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe t, long open, double o, double h, double l, double c, double v) {
                if (t == tf) {
                    out.append(open, o, h, l, c, v);
                }
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        return out;
    }

    /**
     * {@code base} repeated {@code times} times back to back (benchmark inputs): each copy shifted by the span of the
     * series rounded up to whole days plus one day (so the bars of every timeframe line up) and its prices scaled so
     * that it opens at the previous copy's last close (a continuous price path); volumes unchanged.
     */
    public static BarSeries repeated(BarSeries base, int times) {
        if (base == null || base.isEmpty() || times < 1) {
            throw new IllegalArgumentException("a non-empty series and times >= 1 are required");
        }
        int n = base.size();
        long day = Timeframe.D1.millis();
        long shift = (Math.floorDiv(base.time(n - 1) - base.time(0), day) + 2) * day;
        BarSeries out = new BarSeries(base.symbol(), base.timeframe(), n * times);
        double scale = 1;
        for (int k = 0; k < times; k++) {
            for (int i = 0; i < n; i++) {
                out.append(base.time(i) + k * shift, base.open(i) * scale, base.high(i) * scale, base.low(i) * scale,
                        base.close(i) * scale, base.volume(i));
            }
            scale *= base.close(n - 1) / base.open(0);
        }
        return out;
    }
}
