package org.concord.backtest;

import org.concord.data.MarketDataSink;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A historical range of one symbol's market data, replayed in time order into a {@link MarketDataSink} (a session
 * DataProvider) exactly as a live feed would deliver it: either real trades (the DataProvider's aggregator builds the
 * bars of every timeframe, and the trade-driven modules see each trade) or closed bars of one base timeframe (the
 * bars of every longer timeframe are built from them and handed over as they close, shortest first at one instant,
 * as the aggregator emits them).
 */
public abstract sealed class MarketHistory permits MarketHistory.Trades, MarketHistory.Bars {
    static final String SOURCE = "backtest";

    public abstract Symbol symbol();

    /** First and last event time (epoch ms) of what will be replayed. */
    public abstract long firstTime();

    public abstract long lastTime();

    /** Events replayed (trades or base bars). */
    public abstract int events();

    /** A short description for the report ("bitstamp trades x1: 100,000 trades"). */
    public abstract String description();

    /** The part of this history with event times in {@code [from, to)}. */
    public abstract MarketHistory range(long from, long to);

    /**
     * Replays events {@code [from, to)} (indices) into {@code sink}; {@code progress} is told after the last event and every {@code every}
     * events how many were sent.
     */
    abstract void replay(MarketDataSink sink, int from, int to, Progress progress, int every);

    /** Replays every event into {@code sink} (e.g. to fill a DataProvider, or to time the data layer alone). */
    public void replay(MarketDataSink sink) {
        if (sink == null) {
            throw new IllegalArgumentException("sink is null");
        }
        replay(sink, 0, events(), null, 1);
    }

    /** Index of the first event at or after {@code time}. */
    abstract int indexAtOrAfter(long time);

    /** Told how far a replay got (events sent so far out of the total). */
    @FunctionalInterface
    public interface Progress {
        void at(long sent, long total);
    }

    public static MarketHistory trades(TradeTape tape, String description) {
        return new Trades(tape, 0, tape.size(), description);
    }

    public static MarketHistory bars(BarSeries base, String description) {
        return new Bars(base, 0, base.size(), description);
    }

    // ---------------------------------------------------------------- trades

    public static final class Trades extends MarketHistory {
        private final TradeTape tape;
        private final int from;
        private final int to;
        private final String description;

        Trades(TradeTape tape, int from, int to, String description) {
            if (tape == null || from < 0 || to > tape.size() || from >= to) {
                throw new IllegalArgumentException("trade range [" + from + ", " + to + ") is empty or outside the tape");
            }
            this.tape = tape;
            this.from = from;
            this.to = to;
            this.description = description == null ? "trades" : description;
        }

        @Override
        public Symbol symbol() {
            return tape.symbol();
        }

        @Override
        public long firstTime() {
            return tape.time(from);
        }

        @Override
        public long lastTime() {
            return tape.time(to - 1);
        }

        @Override
        public int events() {
            return to - from;
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "%s: %,d trades", description, events());
        }

        @Override
        public MarketHistory range(long fromTime, long toTime) {
            int a = Math.max(from, tape.indexAtOrAfter(fromTime));
            int b = Math.min(to, tape.indexAtOrAfter(toTime));
            if (a >= b) {
                throw new IllegalArgumentException("no trades between " + Instant.ofEpochMilli(fromTime) + " and "
                        + Instant.ofEpochMilli(toTime) + " (data: " + Instant.ofEpochMilli(firstTime()) + " to "
                        + Instant.ofEpochMilli(lastTime()) + ")");
            }
            return new Trades(tape, a, b, description);
        }

        @Override
        int indexAtOrAfter(long time) {
            return Math.max(0, Math.min(to, tape.indexAtOrAfter(time)) - from);
        }

        @Override
        void replay(MarketDataSink sink, int a, int b, Progress progress, int every) {
            Symbol s = tape.symbol();
            for (int i = from + a; i < from + b; i++) {
                sink.onTrade(s, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), SOURCE);
                if (progress != null && ((i - from - a + 1) % every == 0 || i == from + b - 1)) {
                    progress.at(i - from - a + 1L, b - a);
                }
            }
        }
    }

    // ---------------------------------------------------------------- bars

    public static final class Bars extends MarketHistory {
        private final BarSeries base;
        private final int from;
        private final int to;
        private final String description;

        Bars(BarSeries base, int from, int to, String description) {
            if (base == null || from < 0 || to > base.size() || from >= to) {
                throw new IllegalArgumentException("bar range [" + from + ", " + to + ") is empty or outside the series");
            }
            this.base = base;
            this.from = from;
            this.to = to;
            this.description = description == null ? "bars" : description;
        }

        @Override
        public Symbol symbol() {
            return base.symbol();
        }

        public Timeframe timeframe() {
            return base.timeframe();
        }

        @Override
        public long firstTime() {
            return base.time(from);
        }

        @Override
        public long lastTime() {
            return base.time(to - 1);
        }

        @Override
        public int events() {
            return to - from;
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "%s: %,d %s bars", description, events(), base.timeframe().code());
        }

        @Override
        public MarketHistory range(long fromTime, long toTime) {
            int a = Math.max(from, base.lowerBound(fromTime));
            int b = Math.min(to, base.lowerBound(toTime));
            if (a >= b) {
                throw new IllegalArgumentException("no bars between " + Instant.ofEpochMilli(fromTime) + " and "
                        + Instant.ofEpochMilli(toTime));
            }
            return new Bars(base, a, b, description);
        }

        @Override
        int indexAtOrAfter(long time) {
            return Math.max(0, Math.min(to, base.lowerBound(time)) - from);
        }

        @Override
        void replay(MarketDataSink sink, int a, int b, Progress progress, int every) {
            Timeframe btf = base.timeframe();
            Symbol s = base.symbol();
            Resampler up = new Resampler(btf);
            int untilProgress = every; // counted down: no division per bar
            for (int i = from + a; i < from + b; i++) {
                long t = base.time(i);
                double o = base.open(i);
                double h = base.high(i);
                double l = base.low(i);
                double c = base.close(i);
                double v = base.volume(i);
                up.closeBefore(s, t, sink);
                sink.onBar(s, btf, t, o, h, l, c, v, true, SOURCE);
                up.add(s, t, o, h, l, c, v, sink);
                if (--untilProgress == 0 || i == from + b - 1) {
                    untilProgress = every;
                    if (progress != null) {
                        progress.at(i - from - a + 1L, b - a);
                    }
                }
            }
        }
    }

    /** Builds the bars of every timeframe longer than the base from base bars, closing each as its last base bar closes. */
    static final class Resampler {
        private final Timeframe[] tfs;
        private final long[] open;
        private final double[] o;
        private final double[] h;
        private final double[] l;
        private final double[] c;
        private final double[] v;
        private final boolean[] forming;
        private final long baseMillis;

        Resampler(Timeframe base) {
            this.baseMillis = base.millis();
            List<Timeframe> up = new ArrayList<>();
            for (Timeframe tf : Timeframe.all()) {
                if (tf.millis() > base.millis()) {
                    if (tf.millis() % base.millis() != 0) {
                        throw new IllegalArgumentException(tf + " is not a whole number of " + base + " bars");
                    }
                    up.add(tf);
                }
            }
            tfs = up.toArray(new Timeframe[0]);
            int n = tfs.length;
            open = new long[n];
            o = new double[n];
            h = new double[n];
            l = new double[n];
            c = new double[n];
            v = new double[n];
            forming = new boolean[n];
        }

        /**
         * A gap: a longer bar whose last base bar is missing closes before the next base bar (at {@code t}) is sent.
         * {@code t} lies in the forming bar when open ≤ t &lt; open + length (its open is on the timeframe's grid), the
         * same test as flooring {@code t} without a 64-bit division per timeframe and bar.
         */
        void closeBefore(Symbol s, long t, MarketDataSink sink) {
            for (int k = 0; k < tfs.length; k++) {
                if (forming[k] && (t < open[k] || t >= open[k] + tfs[k].millis())) {
                    emit(k, s, sink);
                }
            }
        }

        void add(Symbol s, long t, double bo, double bh, double bl, double bc, double bv, MarketDataSink sink) {
            for (int k = 0; k < tfs.length; k++) {
                Timeframe tf = tfs[k];
                if (!forming[k]) {
                    forming[k] = true;
                    open[k] = tf.floor(t);
                    o[k] = bo;
                    h[k] = bh;
                    l[k] = bl;
                    c[k] = bc;
                    v[k] = bv;
                } else {
                    h[k] = Math.max(h[k], bh);
                    l[k] = Math.min(l[k], bl);
                    c[k] = bc;
                    v[k] += bv;
                }
                if (t + baseMillis == tf.closeTime(open[k])) {
                    emit(k, s, sink); // shortest first: tfs is in ascending order
                }
            }
        }

        private void emit(int k, Symbol s, MarketDataSink sink) {
            forming[k] = false;
            sink.onBar(s, tfs[k], open[k], o[k], h[k], l[k], c[k], v[k], true, SOURCE);
        }
    }
}
