package org.concord.model;

/**
 * Cheap number formatting for rationales and coordination notes (built on every decision, so {@code String.format},
 * a microsecond or more a call, is too slow): six significant digits, trailing zeros dropped, no exponent for the
 * magnitudes prices and indicators have.
 */
public final class Fmt {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Fmt() {
    }

    /** Appends {@code x} with {@code sig} significant digits (1..15). */
    public static StringBuilder num(StringBuilder sb, double x, int sig) {
        if (!Double.isFinite(x)) {
            return sb.append(x);
        }
        if (x == 0) {
            return sb.append('0');
        }
        double a = Math.abs(x);
        int mag = (int) Math.floor(Math.log10(a));
        int decimals = Math.max(0, sig - 1 - mag);
        if (mag >= 15 || decimals > 15) {
            // far outside price magnitudes: mantissa and exponent ("1.16e-15")
            double mantissa = x / Math.pow(10, mag);
            return num(sb, mantissa, sig).append('e').append(mag);
        }
        long scaled = Math.round(a * POW10[decimals]);
        if (scaled == 0) {
            return sb.append('0');
        }
        if (x < 0) {
            sb.append('-');
        }
        long intPart = scaled / POW10[decimals];
        long frac = scaled % POW10[decimals];
        sb.append(intPart);
        if (frac != 0) {
            int digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            sb.append('.');
            for (long p = POW10[digits - 1]; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** Appends {@code x} rounded to {@code decimals} places (0..9), trailing zeros kept ("0.120"). */
    public static StringBuilder fixed(StringBuilder sb, double x, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be in [0, 9], got " + decimals);
        }
        if (!Double.isFinite(x) || Math.abs(x) >= 1e9) {
            return sb.append(x);
        }
        long scaled = Math.round(Math.abs(x) * POW10[decimals]);
        if (x < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            sb.append('.');
            long frac = scaled % POW10[decimals];
            for (long p = POW10[decimals - 1]; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    public static StringBuilder num(StringBuilder sb, double x) {
        return num(sb, x, 6);
    }

    /** Like {@link #num} with an explicit sign ({@code +0.12}, {@code -3}). */
    public static StringBuilder signed(StringBuilder sb, double x, int sig) {
        if (x > 0) {
            sb.append('+');
        }
        return num(sb, x, sig);
    }

    public static String num(double x) {
        return num(new StringBuilder(16), x, 6).toString();
    }
}
