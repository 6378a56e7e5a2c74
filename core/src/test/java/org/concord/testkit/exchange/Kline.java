package org.concord.testkit.exchange;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * A kline as the loopback exchange publishes it. {@code closeTime()} follows Binance: the last millisecond of the
 * interval. Trade ids are tape indices ({@code lastTradeId < firstTradeId} when the kline has no trade).
 */
public record Kline(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close,
                    double volume, long trades, long firstTradeId, long lastTradeId, boolean closed) {

    public long closeTime() {
        return openTime + tf.millis() - 1;
    }

    /** The same kline with other prices (a fault: NaN, negative, high below low...). */
    public Kline withPrices(double o, double h, double l, double c) {
        return new Kline(symbol, tf, openTime, o, h, l, c, volume, trades, firstTradeId, lastTradeId, closed);
    }

    public Kline asForming() {
        return new Kline(symbol, tf, openTime, open, high, low, close, volume, trades, firstTradeId, lastTradeId, false);
    }
}
