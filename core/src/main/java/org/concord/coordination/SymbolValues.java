package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One double per symbol, in the order symbols were first put, updated in place: once a symbol is known, a put,
 * a get and a walk over all of them box and allocate nothing (a {@code Map<Symbol, Double>} boxes every bar's mark).
 * One writer (the thread that owns the coordination engine).
 */
final class SymbolValues {
    private static final int SCAN = 8;
    private final Map<Symbol, Integer> index = new HashMap<>();
    private Symbol[] symbols = new Symbol[4];
    private double[] values = new double[4];
    private int size;

    void put(Symbol s, double v) {
        int i = find(s);
        if (i >= 0) {
            values[i] = v;
            return;
        }
        if (size == symbols.length) {
            symbols = Arrays.copyOf(symbols, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        index.put(s, size);
        symbols[size] = s;
        values[size++] = v;
    }

    /** The value of {@code s}, or {@code absent} when none was put. */
    double get(Symbol s, double absent) {
        int i = find(s);
        return i < 0 ? absent : values[i];
    }

    /**
     * The index of {@code s}, or -1. The same instance usually comes back (the one the feed's bars carry), and a
     * node trades a handful of symbols: comparing references over them beats hashing, which profiled at 4 % of an
     * EMA-cross backtest (two look-ups per bar). The map answers for an equal symbol that is another instance.
     */
    private int find(Symbol s) {
        for (int k = 0; k < size && k < SCAN; k++) {
            if (symbols[k] == s) {
                return k;
            }
        }
        Integer i = index.get(s);
        return i == null ? -1 : i;
    }

    int size() {
        return size;
    }

    Symbol symbol(int i) {
        return symbols[i];
    }

    double value(int i) {
        return values[i];
    }
}
