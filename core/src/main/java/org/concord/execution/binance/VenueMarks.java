package org.concord.execution.binance;

import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The prices that value our orders at the venue: a mark the feed gave within the last {@link #MAX_AGE_NANOS}, else
 * the venue's own last price ({@code GET /api/v3/ticker/price}, asked before the order). A desk replaying history
 * gives this venue no marks at all (its 2013 prices must not value a BTCUSDT order), so without the ask every desk
 * order was refused by the risk check with "no usable price". Decision thread only, like the broker.
 */
final class VenueMarks {
    private static final Logger LOG = LoggerFactory.getLogger(VenueMarks.class);
    /** A feed mark older than this is not trusted to value a new order: the venue is asked. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SpotAccount account;
    private final BinanceSpotRestClient rest;
    private final LongSupplier nanos;
    private final Map<Symbol, Long> markedAt = new HashMap<>();

    VenueMarks(SpotAccount account, BinanceSpotRestClient rest, LongSupplier nanos) {
        this.account = account;
        this.rest = rest;
        this.nanos = nanos;
    }

    /** A price from the feed (a trade, a bar's close, a mark). */
    void mark(Symbol symbol, double price, long dataTime) {
        account.mark(symbol, price, dataTime);
        if (symbol != null && price > 0 && !Double.isInfinite(price)) {
            markedAt.put(symbol, nanos.getAsLong());
        }
    }

    /**
     * Before an order on {@code symbol}: asks the venue for its last price when the feed's mark is missing or older
     * than {@link #MAX_AGE_NANOS}. A failed ask is logged and leaves whatever mark there was; the risk check then
     * names a missing price.
     */
    void refresh(Symbol symbol) {
        long now = nanos.getAsLong();
        Long at = markedAt.get(symbol);
        if (at != null && now - at < MAX_AGE_NANOS) {
            return;
        }
        try {
            account.mark(symbol, rest.tickerPrice(symbol), 0);
            markedAt.put(symbol, now);
        } catch (RuntimeException e) {
            LOG.warn("no {} price from the venue ({}): the order is valued at the last mark, if any", symbol, e.getMessage());
        }
    }
}
