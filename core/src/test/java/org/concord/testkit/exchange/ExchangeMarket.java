package org.concord.testkit.exchange;

import org.concord.data.BarListener;
import org.concord.data.TradeAggregator;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's market on the loopback exchange: real trades (a {@link TradeTape}, e.g. the bundled Bitstamp
 * tape relabelled BTCUSDT) and the 1-minute klines built from them with {@link TradeAggregator}. Like Binance,
 * a minute without trades still has a kline (flat at the previous close, volume 0), so the series has no holes.
 * Values are canonical: rounded to 8 decimals, exactly what Binance's 8-decimal strings parse back to, so a
 * client's stored bars can be compared with {@code ==}. Longer intervals are aggregated from the minutes.
 * Immutable.
 */
public final class ExchangeMarket {
    private final Symbol symbol;
    private final TradeTape tape;
    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int[] tradeFrom;
    private final int[] tradeTo;

    private ExchangeMarket(Symbol symbol, TradeTape tape, long[] time, double[] o, double[] h, double[] l, double[] c, double[] v,
                           int[] tradeFrom, int[] tradeTo) {
        this.symbol = symbol;
        this.tape = tape;
        this.time = time;
        this.open = o;
        this.high = h;
        this.low = l;
        this.close = c;
        this.volume = v;
        this.tradeFrom = tradeFrom;
        this.tradeTo = tradeTo;
    }

    /** The market of {@code tape}'s trades listed under {@code symbol} (the tape's own symbol is ignored). */
    public static ExchangeMarket fromTrades(Symbol symbol, TradeTape tape) {
        if (tape.size() == 0) {
            throw new IllegalArgumentException("empty tape");
        }
        List<double[]> bars = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        TradeAggregator agg = new TradeAggregator(symbol, new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
                if (tf == Timeframe.M1) {
                    times.add(t);
                    bars.add(new double[] {o, h, l, c, v});
                }
            }
        });
        for (int i = 0; i < tape.size(); i++) {
            agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
        }
        agg.advanceTo(Timeframe.M1.floor(tape.lastTime()) + Timeframe.M1.millis());
        long first = times.get(0);
        int n = (int) ((times.get(times.size() - 1) - first) / 60_000L) + 1;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        int[] from = new int[n];
        int[] to = new int[n];
        int src = 0;
        int trade = 0;
        for (int i = 0; i < n; i++) {
            t[i] = first + i * 60_000L;
            from[i] = trade;
            while (trade < tape.size() && tape.time(trade) < t[i] + 60_000L) {
                trade++;
            }
            to[i] = trade;
            if (src < times.size() && times.get(src) == t[i]) {
                double[] b = bars.get(src++);
                o[i] = round8(b[0]);
                h[i] = round8(b[1]);
                l[i] = round8(b[2]);
                c[i] = round8(b[3]);
                v[i] = round8(b[4]);
            } else {
                // no trade in this minute: Binance still lists a flat, zero-volume kline
                double p = c[i - 1];
                o[i] = p;
                h[i] = p;
                l[i] = p;
                c[i] = p;
                v[i] = 0;
            }
        }
        return new ExchangeMarket(symbol, tape, t, o, h, l, c, v, from, to);
    }

    /** {@code x} rounded to 8 decimals: the double that Binance's 8-decimal string for it parses back to. */
    public static double round8(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(8, RoundingMode.HALF_UP).doubleValue();
    }

    public Symbol symbol() {
        return symbol;
    }

    public TradeTape tape() {
        return tape;
    }

    /** Number of 1-minute klines. */
    public int minutes() {
        return time.length;
    }

    public long minuteTime(int i) {
        return time[i];
    }

    /** Index of the minute opened at {@code t}, or -1. */
    public int minuteIndex(long t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -1;
    }

    /** Trades of minute {@code i}: tape indices {@code [tradeFrom, tradeTo)}. */
    public int tradeFrom(int i) {
        return tradeFrom[i];
    }

    public int tradeTo(int i) {
        return tradeTo[i];
    }

    /**
     * The kline of {@code tf} opened at {@code openTime} as the exchange shows it when minute {@code cursor} is the
     * forming one: minutes before the cursor count in full, the cursor minute with only its first trade. Null when
     * that kline has not opened yet (or lies before the data).
     */
    public Kline kline(Timeframe tf, long openTime, int cursor) {
        int i0 = lowerBound(openTime);
        int i1 = lowerBound(openTime + tf.millis());
        int end = Math.min(i1, cursor + 1);
        if (i0 >= end) {
            return null;
        }
        double o = 0;
        double h = Double.NEGATIVE_INFINITY;
        double l = Double.POSITIVE_INFINITY;
        double c = 0;
        double v = 0;
        for (int i = i0; i < end; i++) {
            boolean partial = i == cursor;
            double mo = partial ? formingPrice(i) : open[i];
            double mh = partial ? formingPrice(i) : high[i];
            double ml = partial ? formingPrice(i) : low[i];
            double mc = partial ? formingPrice(i) : close[i];
            double mv = partial ? formingVolume(i) : volume[i];
            if (i == i0) {
                o = mo;
            }
            h = Math.max(h, mh);
            l = Math.min(l, ml);
            c = mc;
            v += mv;
        }
        int firstTrade = tradeFrom[i0];
        int lastTrade = end - 1 == cursor ? Math.min(tradeTo[cursor], tradeFrom[cursor] + 1) : tradeTo[end - 1];
        boolean closed = i1 <= cursor && i1 <= time.length;
        return new Kline(symbol, tf, openTime, o, h, l, c, round8(v), lastTrade - firstTrade, firstTrade,
                lastTrade - 1, closed);
    }

    /** The forming minute shows its first trade only (its open); an empty minute shows the previous close. */
    private double formingPrice(int i) {
        return tradeTo[i] > tradeFrom[i] ? round8(tape.price(tradeFrom[i])) : close[i];
    }

    private double formingVolume(int i) {
        return tradeTo[i] > tradeFrom[i] ? round8(tape.size(tradeFrom[i])) : 0;
    }

    /** Every kline of {@code tf} that has opened by minute {@code cursor}, oldest first (the last may be forming). */
    public List<Kline> klines(Timeframe tf, int cursor) {
        List<Kline> out = new ArrayList<>();
        for (long t = tf.floor(time[0]); t <= time[cursor]; t += tf.millis()) {
            Kline k = kline(tf, t, cursor);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -i - 1;
    }
}
