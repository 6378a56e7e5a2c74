package org.concord.indicators;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Textbook implementations of the common definitions, written independently of the library: whole arrays, Pine
 * semantics (NaN is Pine's {@code na}: a window that holds one is na, a comparison with one is false), the formulas
 * as TradingView publishes them ({@code ta.sma}, {@code ta.ema}, {@code ta.rma}, {@code ta.rsi}, {@code ta.tr},
 * {@code ta.atr}, {@code ta.dmi}, {@code ta.supertrend}, {@code ta.stoch}, {@code ta.stdev}) and the QQE and ER
 * scripts. Where a formula is undefined (0/0) the library's stated rule is used so the two can be compared.
 */
final class Reference {
    private static final double NA = Double.NaN;

    private Reference() {
    }

    private static double[] na(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, NA);
        return out;
    }

    static double[] sma(double[] x, int n) {
        double[] out = na(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double s = 0;
            for (int j = i - n + 1; j <= i; j++) {
                s += x[j];
            }
            out[i] = s / n; // NaN in the window propagates
        }
        return out;
    }

    /**
     * Pine's recursive average: seeded with ta.sma(src, n) on the first bar it is not na, then α·src + (1−α)·prev.
     * Computed in 40-digit decimal arithmetic (α is the double the library uses), so that the comparison measures
     * the library's rounding alone.
     */
    private static BigDecimal[] smoothedExact(double[] x, int n, double alpha) {
        BigDecimal a = new BigDecimal(alpha);
        BigDecimal b = BigDecimal.ONE.subtract(a);
        BigDecimal[] out = new BigDecimal[x.length];
        BigDecimal prev = null;
        for (int i = 0; i < x.length; i++) {
            if (prev == null) {
                if (i >= n - 1) {
                    BigDecimal s = BigDecimal.ZERO;
                    boolean defined = true;
                    for (int j = i - n + 1; j <= i; j++) {
                        defined &= !Double.isNaN(x[j]);
                        s = defined ? s.add(new BigDecimal(x[j])) : s;
                    }
                    prev = defined ? s.divide(BigDecimal.valueOf(n), MC) : null;
                }
            } else {
                prev = a.multiply(new BigDecimal(x[i]), MC).add(b.multiply(prev, MC), MC);
            }
            out[i] = prev;
        }
        return out;
    }

    private static final MathContext MC = new MathContext(40);

    private static double[] toDoubles(BigDecimal[] xs) {
        double[] out = na(xs.length);
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] != null) {
                out[i] = xs[i].doubleValue();
            }
        }
        return out;
    }

    private static double[] smoothed(double[] x, int n, double alpha) {
        return toDoubles(smoothedExact(x, n, alpha));
    }

    static double[] ema(double[] x, int n) {
        return smoothed(x, n, 2.0 / (n + 1));
    }

    static double[] rma(double[] x, int n) {
        return smoothed(x, n, 1.0 / n);
    }

    static double[] rsi(double[] x, int n) {
        double[] up = na(x.length);
        double[] down = na(x.length);
        for (int i = 1; i < x.length; i++) {
            up[i] = Math.max(x[i] - x[i - 1], 0);
            down[i] = Math.max(x[i - 1] - x[i], 0);
        }
        double[] u = rma(up, n);
        double[] d = rma(down, n);
        double[] out = na(x.length);
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(u[i]) || Double.isNaN(d[i])) {
                continue;
            }
            if (d[i] == 0) {
                out[i] = u[i] == 0 ? 50 : 100; // library rule for 0/0; Pine: 100
            } else if (u[i] == 0) {
                out[i] = 0;
            } else {
                out[i] = 100 - 100 / (1 + u[i] / d[i]);
            }
        }
        return out;
    }

    /** ta.tr(handleNa): the first bar is high − low when handleNa, na otherwise. */
    static double[] tr(double[] h, double[] l, double[] c, boolean handleNa) {
        double[] out = na(h.length);
        for (int i = 0; i < h.length; i++) {
            if (i == 0) {
                out[i] = handleNa ? h[i] - l[i] : NA;
            } else {
                out[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
            }
        }
        return out;
    }

    static double[] atr(double[] h, double[] l, double[] c, int n) {
        return rma(tr(h, l, c, true), n);
    }

    /** ta.dmi: {plus, minus, adx}. */
    static double[][] dmi(double[] h, double[] l, double[] c, int len, int adxLen) {
        int m = h.length;
        double[] plusDm = na(m);
        double[] minusDm = na(m);
        for (int i = 1; i < m; i++) {
            double up = h[i] - h[i - 1];
            double down = -(l[i] - l[i - 1]);
            plusDm[i] = up > down && up > 0 ? up : 0;
            minusDm[i] = down > up && down > 0 ? down : 0;
        }
        double[] trur = rma(tr(h, l, c, false), len);
        double[] p = rma(plusDm, len);
        double[] q = rma(minusDm, len);
        double[] plus = na(m);
        double[] minus = na(m);
        double[] dx = na(m);
        for (int i = 0; i < m; i++) {
            plus[i] = trur[i] == 0 ? 0 : 100 * p[i] / trur[i];
            minus[i] = trur[i] == 0 ? 0 : 100 * q[i] / trur[i];
            double sum = plus[i] + minus[i];
            dx[i] = Math.abs(plus[i] - minus[i]) / (sum == 0 ? 1 : sum);
        }
        double[] adx = rma(dx, adxLen);
        for (int i = 0; i < m; i++) {
            adx[i] = 100 * adx[i];
        }
        return new double[][] {plus, minus, adx};
    }

    /** {macd, signal, histogram}. */
    static double[][] macd(double[] x, int fast, int slow, int signal) {
        BigDecimal[] f = smoothedExact(x, fast, 2.0 / (fast + 1));
        BigDecimal[] s = smoothedExact(x, slow, 2.0 / (slow + 1));
        double[] line = na(x.length);
        for (int i = 0; i < x.length; i++) {
            if (f[i] != null && s[i] != null) {
                line[i] = f[i].subtract(s[i]).doubleValue();
            }
        }
        double[] sig = ema(line, signal);
        double[] hist = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            hist[i] = line[i] - sig[i];
        }
        return new double[][] {line, sig, hist};
    }

    /** ta.stdev (biased): two passes over each window. */
    static double[] stdev(double[] x, int n) {
        double[] mean = sma(x, n);
        double[] out = na(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double s = 0;
            for (int j = i - n + 1; j <= i; j++) {
                s += (x[j] - mean[i]) * (x[j] - mean[i]);
            }
            out[i] = Math.sqrt(s / n);
        }
        return out;
    }

    static double[] highest(double[] x, int n) {
        double[] out = na(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double m = x[i];
            for (int j = i - n + 1; j < i; j++) {
                m = Math.max(m, x[j]);
            }
            out[i] = m;
        }
        return out;
    }

    static double[] lowest(double[] x, int n) {
        double[] out = na(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double m = x[i];
            for (int j = i - n + 1; j < i; j++) {
                m = Math.min(m, x[j]);
            }
            out[i] = m;
        }
        return out;
    }

    /** {k, d}: ta.stoch smoothed with ta.sma (zero range: the library's 50). */
    static double[][] stoch(double[] h, double[] l, double[] c, int n, int smoothK, int dPeriod) {
        double[] hh = highest(h, n);
        double[] ll = lowest(l, n);
        double[] raw = na(c.length);
        for (int i = 0; i < c.length; i++) {
            raw[i] = hh[i] == ll[i] ? 50 : 100 * (c[i] - ll[i]) / (hh[i] - ll[i]);
        }
        double[] k = sma(raw, smoothK);
        return new double[][] {k, sma(k, dPeriod)};
    }

    /** ta.supertrend(factor, atrPeriod): {line, direction as +1 up / −1 down}. */
    static double[][] supertrend(double[] h, double[] l, double[] c, double factor, int period) {
        int m = h.length;
        double[] atr = atr(h, l, c, period);
        double[] upperBand = na(m);
        double[] lowerBand = na(m);
        double[] st = na(m);
        double[] dir = na(m);
        for (int i = 0; i < m; i++) {
            double src = (h[i] + l[i]) / 2;
            double upper = src + factor * atr[i];
            double lower = src - factor * atr[i];
            double prevLower = i > 0 && !Double.isNaN(lowerBand[i - 1]) ? lowerBand[i - 1] : 0; // nz()
            double prevUpper = i > 0 && !Double.isNaN(upperBand[i - 1]) ? upperBand[i - 1] : 0;
            double prevClose = i > 0 ? c[i - 1] : NA;
            lower = lower > prevLower || prevClose < prevLower ? lower : prevLower;
            upper = upper < prevUpper || prevClose > prevUpper ? upper : prevUpper;
            if (Double.isNaN(atr[i])) {
                continue;
            }
            lowerBand[i] = lower;
            upperBand[i] = upper;
            int pine; // Pine's direction: 1 = down (line on the upper band), −1 = up
            if (i == 0 || Double.isNaN(atr[i - 1])) {
                pine = 1;
            } else if (st[i - 1] == upperBand[i - 1]) {
                pine = c[i] > upper ? -1 : 1;
            } else {
                pine = c[i] < lower ? 1 : -1;
            }
            st[i] = pine == -1 ? lower : upper;
            dir[i] = -pine;
        }
        return new double[][] {st, dir, upperBand, lowerBand};
    }

    /** Kaufman's efficiency ratio, straight from the definition (0 for no movement). */
    static double[] efficiencyRatio(double[] x, int n) {
        double[] out = na(x.length);
        for (int i = n; i < x.length; i++) {
            double path = 0;
            for (int j = i - n + 1; j <= i; j++) {
                path += Math.abs(x[j] - x[j - 1]);
            }
            out[i] = path == 0 ? 0 : Math.abs(x[i] - x[i - n]) / path;
        }
        return out;
    }

    /** The QQE script: {rsiMa, trailing line, trend}. */
    static double[][] qqe(double[] x, int rsiPeriod, int sf, double factor) {
        int m = x.length;
        int wilders = rsiPeriod * 2 - 1;
        double[] rsiMa = ema(rsi(x, rsiPeriod), sf);
        double[] atrRsi = na(m);
        for (int i = 1; i < m; i++) {
            atrRsi[i] = Math.abs(rsiMa[i - 1] - rsiMa[i]);
        }
        double[] dar = ema(ema(atrRsi, wilders), wilders);
        double[] longband = na(m);
        double[] shortband = na(m);
        double[] trend = na(m);
        double[] line = na(m);
        double prevTrend = NA;
        for (int i = 0; i < m; i++) {
            double delta = dar[i] * factor;
            double newshort = rsiMa[i] + delta;
            double newlong = rsiMa[i] - delta;
            double lb1 = i > 0 ? longband[i - 1] : NA;
            double sb1 = i > 0 ? shortband[i - 1] : NA;
            double ma1 = i > 0 ? rsiMa[i - 1] : NA;
            longband[i] = ma1 > lb1 && rsiMa[i] > lb1 ? Math.max(lb1, newlong) : newlong;
            shortband[i] = ma1 < sb1 && rsiMa[i] < sb1 ? Math.min(sb1, newshort) : newshort;
            double lb2 = i > 1 ? longband[i - 2] : NA;
            double sb2 = i > 1 ? shortband[i - 2] : NA;
            boolean up = cross(rsiMa[i], sb1, ma1, sb2);
            boolean down = cross(lb1, rsiMa[i], lb2, ma1);
            trend[i] = up ? 1 : down ? -1 : (Double.isNaN(prevTrend) ? 1 : prevTrend);
            prevTrend = trend[i];
            line[i] = trend[i] == 1 ? longband[i] : shortband[i];
        }
        double[] shownTrend = na(m); // the library reports the trend once the bands exist
        for (int i = 0; i < m; i++) {
            shownTrend[i] = Double.isNaN(line[i]) ? NA : trend[i];
        }
        trend = shownTrend;
        return new double[][] {rsiMa, line, trend};
    }

    private static boolean cross(double a, double b, double ap, double bp) {
        return (a > b && ap <= bp) || (a < b && ap >= bp);
    }

    /** Pearson correlation over each window, two passes (constant window: the library's 0). */
    static double[] correlation(double[] x, double[] y, int n) {
        double[] out = na(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double mx = 0;
            double my = 0;
            for (int j = i - n + 1; j <= i; j++) {
                mx += x[j];
                my += y[j];
            }
            mx /= n;
            my /= n;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int j = i - n + 1; j <= i; j++) {
                sxy += (x[j] - mx) * (y[j] - my);
                sxx += (x[j] - mx) * (x[j] - mx);
                syy += (y[j] - my) * (y[j] - my);
            }
            out[i] = sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
        }
        return out;
    }
}
