package org.concord.app.trading;

import java.util.Locale;

/**
 * How the desk writes sizes, prices and money, in one place, so that the blotter, the bot's portfolio, the chart's
 * labels and the ticket agree (the bot portfolio wrote "905.9800" and "0.0200" where the blotter wrote 905.98 and
 * 0.02).
 */
public final class Amounts {
    private Amounts() {
    }

    /**
     * A size or a price: two decimals from 100 up, else six significant digits without trailing zeros ("0.1 @ 902.18",
     * not "0.100000 @ 902.18").
     */
    public static String number(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        String g = String.format(Locale.ROOT, "%.6g", v);
        if (g.indexOf('e') >= 0 || g.indexOf('.') < 0) {
            return g;
        }
        int end = g.length();
        while (g.charAt(end - 1) == '0') {
            end--;
        }
        return g.charAt(end - 1) == '.' ? g.substring(0, end - 1) : g.substring(0, end);
    }

    /** Money in the quote currency: two decimals, thousands grouped. */
    public static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A profit or loss: as {@link #money}, with its sign. */
    public static String signed(double v) {
        return String.format(Locale.ROOT, "%+,.2f", v);
    }

    /**
     * A balance of any asset: thousands grouped from 1,000 up ("10000.00" USD read as a thousand), smaller amounts to
     * the significant digits a coin's fraction needs (0.00012 BTC is not 0.00).
     */
    public static String balance(double v) {
        return Math.abs(v) >= 1_000 ? money(v) : number(v);
    }
}
