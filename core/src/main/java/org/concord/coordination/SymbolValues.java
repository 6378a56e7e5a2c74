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
    private final Map<Symbol, Integer> index = new HashMap<>();
    private Symbol[] symbols = new Symbol[4];
    private double[] values = new double[4];
    private int size;

    void put(Symbol s, double v) {
        Integer i = index.get(s);
        if (i != null) {
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
        Integer i = index.get(s);
        return i == null ? absent : values[i];
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
