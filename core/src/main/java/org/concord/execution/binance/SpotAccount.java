package org.concord.execution.binance;

import org.concord.execution.Balance;
import org.concord.execution.Fill;
import org.concord.model.Symbol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapter's view of the exchange account: balances (from REST and the user-data stream) and the last known
 * price per symbol (from trades and bars), with the data time they bring. Decision thread only.
 */
final class SpotAccount {
    private final Map<String, Balance> balances = new LinkedHashMap<>();
    private final Map<Symbol, Double> marks = new LinkedHashMap<>();
    private long time;

    /** Replaces every balance with the account's current ones (REST). */
    void refresh(BinanceSpotRestClient rest) {
        List<Balance> all = rest.accountBalances();
        balances.clear();
        for (Balance b : all) {
            balances.put(b.asset(), b);
        }
    }

    void put(Balance b) {
        balances.put(b.asset(), b);
    }

    Balance balance(String asset) {
        return balances.get(asset);
    }

    List<Balance> balances() {
        return List.copyOf(balances.values());
    }

    /** A price if finite and positive (bad marks are ignored: they come from market data, counted upstream). */
    void mark(Symbol symbol, double price, long dataTime) {
        if (symbol != null && price > 0 && !Double.isInfinite(price)) {
            marks.put(symbol, price);
            time = Math.max(time, dataTime);
        }
    }

    long dataTime() {
        return time;
    }

    /** The last mark, else the price of our last fill of the symbol, else 0. */
    double markPrice(Symbol symbol, List<Fill> fills) {
        Double m = marks.get(symbol);
        if (m != null) {
            return m;
        }
        for (int i = fills.size() - 1; i >= 0; i--) {
            if (fills.get(i).symbol().equals(symbol)) {
                return fills.get(i).price();
            }
        }
        return 0;
    }
}
