package org.concord.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An instrument, spelled the way the store and the feeds key it: upper case letters and digits, e.g.
 * {@code BTCUSD}, {@code ETHUSDT}. Separators such as "/" or "-" are dropped so "btc/usd" and "BTC-USD"
 * name the same instrument.
 */
public record Symbol(String code) implements Comparable<Symbol> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{2,30}");

    public Symbol {
        if (code == null) {
            throw new IllegalArgumentException("symbol code is null");
        }
        code = code.replace("/", "").replace("-", "").replace("_", "").trim().toUpperCase(Locale.ROOT);
        if (!VALID.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + code + "': expected 2-30 letters/digits");
        }
    }

    public static Symbol of(String code) {
        return new Symbol(code);
    }

    /** Lower-case form used by Binance stream names ("btcusdt"). */
    public String lower() {
        return code.toLowerCase(Locale.ROOT);
    }

    /** The code's hash (cached by the String): a symbol keys maps on every bar. */
    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** Written out for the same reason: a record's generated equals goes through a method handle, on every map look-up. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Symbol s && code.equals(s.code);
    }

    @Override
    public int compareTo(Symbol o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
