package org.concord.risk;

import org.concord.execution.OrderSide;
import org.concord.model.Symbol;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A hand-set portfolio for risk tests. */
final class TestPortfolio implements AccountBooks {
    double cash;
    final Map<Symbol, Double> pos = new LinkedHashMap<>();
    final Map<Symbol, Double> buys = new HashMap<>();
    final Map<Symbol, Double> sells = new HashMap<>();
    final Map<Symbol, Double> marks = new HashMap<>();
    final Map<String, Map<Symbol, Double>> books = new LinkedHashMap<>();

    TestPortfolio(double cash) {
        this.cash = cash;
    }

    TestPortfolio mark(Symbol s, double p) {
        marks.put(s, p);
        pos.putIfAbsent(s, 0.0);
        return this;
    }

    /** Adds a position held by {@code book} (cash pays for it at the mark). */
    TestPortfolio hold(String book, Symbol s, double q) {
        pos.merge(s, q, Double::sum);
        books.computeIfAbsent(book, b -> new HashMap<>()).merge(s, q, Double::sum);
        cash -= q * marks.get(s);
        return this;
    }

    @Override
    public double bookQuantity(String book, Symbol symbol) {
        return books.getOrDefault(book, Map.of()).getOrDefault(symbol, 0.0);
    }

    @Override
    public Set<String> books() {
        return books.keySet();
    }

    @Override
    public long time() {
        return 0;
    }

    @Override
    public double cash() {
        return cash;
    }

    @Override
    public double equity() {
        double e = cash;
        for (var en : pos.entrySet()) {
            e += en.getValue() * marks.getOrDefault(en.getKey(), 0.0);
        }
        return e;
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        return pos.getOrDefault(symbol, 0.0);
    }

    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return (side == OrderSide.BUY ? buys : sells).getOrDefault(symbol, 0.0);
    }

    @Override
    public double markPrice(Symbol symbol) {
        return marks.getOrDefault(symbol, 0.0);
    }

    @Override
    public Set<Symbol> symbols() {
        return new LinkedHashSet<>(pos.keySet());
    }
}
