package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A recorded stream of bar events as the decision thread sees them: a new bar, then any number of revisions of the
 * forming bar, the last of which has the final values. {@link #drive} feeds an indicator with it and keeps its
 * outputs as each bar is final, which must equal the batch over {@link #series()} exactly.
 */
final class Updates {
    private final BarSeries series;
    private final boolean[] isNew;
    private final double[][] ohlcv;
    private final int events;

    private Updates(BarSeries series, boolean[] isNew, double[][] ohlcv, int events) {
        this.series = series;
        this.isNew = isNew;
        this.ohlcv = ohlcv;
        this.events = events;
    }

    BarSeries series() {
        return series;
    }

    int events() {
        return events;
    }

    /** Feeds every event to a reset {@code ind}; returns its outputs {@code [output][bar]} once each bar is final. */
    double[][] drive(BarIndicator ind) {
        ind.reset();
        int outs = ind.outputCount();
        double[][] out = new double[outs][series.size()];
        int bar = -1;
        for (int e = 0; e < events; e++) {
            if (isNew[e]) {
                if (bar >= 0) {
                    record(ind, out, bar);
                }
                bar++;
                ind.onBar(ohlcv[0][e], ohlcv[1][e], ohlcv[2][e], ohlcv[3][e], ohlcv[4][e]);
            } else {
                ind.replaceLast(ohlcv[0][e], ohlcv[1][e], ohlcv[2][e], ohlcv[3][e], ohlcv[4][e]);
            }
        }
        if (bar >= 0) {
            record(ind, out, bar);
        }
        if (bar + 1 != series.size()) {
            throw new IllegalStateException("events cover " + (bar + 1) + " bars, series has " + series.size());
        }
        return out;
    }

    private static void record(BarIndicator ind, double[][] out, int bar) {
        for (int k = 0; k < out.length; k++) {
            out[k][bar] = ind.output(k);
        }
    }

    /**
     * Forming-bar revisions made up from final bars: each bar opens flat at its open, then is revised {@code k}
     * times with random values inside its final range (highs and lows that go back as well as forward, which real
     * trades never do, to force the rolling extremes to undo), then set to its final values.
     */
    static Updates synthetic(BarSeries s, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Recorder r = new Recorder(s.symbol(), s.timeframe());
        for (int i = 0; i < s.size(); i++) {
            double o = s.open(i);
            double h = s.high(i);
            double l = s.low(i);
            r.update(s.time(i), o, o, o, o, 0);
            for (int j = 0; j < k; j++) {
                double a = l + rnd.nextDouble() * (h - l);
                double b = l + rnd.nextDouble() * (h - l);
                double c = l + rnd.nextDouble() * (h - l);
                double hi = Math.max(o, Math.max(a, Math.max(b, c)));
                double lo = Math.min(o, Math.min(a, Math.min(b, c)));
                r.update(s.time(i), o, hi, lo, c, s.volume(i) * rnd.nextDouble());
            }
            r.close(s.time(i), o, h, l, s.close(i), s.volume(i));
        }
        return r.build();
    }

    /** Collects events; a new open time starts a new bar. */
    static final class Recorder {
        private final BarSeries series;
        private boolean[] isNew = new boolean[1024];
        private double[][] ohlcv = new double[5][1024];
        private int n;
        private long current = Long.MIN_VALUE;

        Recorder(Symbol symbol, Timeframe tf) {
            series = new BarSeries(symbol, tf, 1024);
        }

        void update(long openTime, double o, double h, double l, double c, double v) {
            add(openTime != current, o, h, l, c, v);
            current = openTime;
        }

        void close(long openTime, double o, double h, double l, double c, double v) {
            add(openTime != current, o, h, l, c, v);
            current = openTime;
            series.append(openTime, o, h, l, c, v);
        }

        private void add(boolean fresh, double o, double h, double l, double c, double v) {
            if (n == isNew.length) {
                isNew = Arrays.copyOf(isNew, n * 2);
                for (int k = 0; k < 5; k++) {
                    ohlcv[k] = Arrays.copyOf(ohlcv[k], n * 2);
                }
            }
            isNew[n] = fresh;
            ohlcv[0][n] = o;
            ohlcv[1][n] = h;
            ohlcv[2][n] = l;
            ohlcv[3][n] = c;
            ohlcv[4][n] = v;
            n++;
        }

        Updates build() {
            return new Updates(series, isNew, ohlcv, n);
        }
    }
}
