package org.concord.modules.strategy;

/**
 * Cheap number formatting for rationales (built on every decision, so {@code String.format} is too slow): six
 * significant digits, trailing zeros dropped, no exponent for the magnitudes prices and indicators have.
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
            return sb.append(x); // outside what a rationale shows: Java's own form
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
