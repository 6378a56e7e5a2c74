package org.concord.feed.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.instrument.Instrument;
import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /api/v3/exchangeInfo} into {@link Instrument}s of venue {@value #VENUE}, under the venue's own
 * symbols (the registry maps them to ours): base/quote asset, PRICE_FILTER {@code tickSize}, LOT_SIZE
 * {@code stepSize}/{@code minQty}, and {@code minNotional} from MIN_NOTIONAL or (newer) NOTIONAL. A body of the wrong
 * shape is a {@link BinanceMessages.MalformedBodyException} (the REST client retries it).
 */
final class ExchangeInfoJson {
    static final String VENUE = "binance";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExchangeInfoJson() {
    }

    static List<Instrument> instruments(String body) {
        JsonNode symbols;
        try {
            symbols = MAPPER.readTree(body).get("symbols");
        } catch (JsonProcessingException e) {
            throw new BinanceMessages.MalformedBodyException("exchangeInfo is not JSON: " + e.getOriginalMessage());
        }
        if (symbols == null || !symbols.isArray()) {
            throw new BinanceMessages.MalformedBodyException("exchangeInfo without a symbols list");
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : symbols) {
            BigDecimal tick = null;
            BigDecimal step = null;
            BigDecimal minQty = BigDecimal.ZERO;
            BigDecimal minNotional = BigDecimal.ZERO;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asText()) {
                    case "PRICE_FILTER" -> tick = decimal(s, f, "tickSize");
                    case "LOT_SIZE" -> {
                        step = decimal(s, f, "stepSize");
                        minQty = decimal(s, f, "minQty");
                    }
                    case "MIN_NOTIONAL", "NOTIONAL" -> minNotional = decimal(s, f, "minNotional");
                    default -> { } // other filters are the live adapter's (ExchangeFilters) or the exchange's
                }
            }
            try {
                Symbol venueSymbol = Symbol.of(s.path("symbol").asText());
                out.add(new Instrument(venueSymbol, VENUE, venueSymbol, s.path("baseAsset").asText(), s.path("quoteAsset").asText(), tick, step,
                        minQty, minNotional));
            } catch (IllegalArgumentException e) {
                throw new BinanceMessages.MalformedBodyException("exchangeInfo listing " + s.path("symbol").asText() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode symbol, JsonNode filter, String field) {
        try {
            return new BigDecimal(filter.path(field).asText());
        } catch (NumberFormatException e) {
            throw new BinanceMessages.MalformedBodyException("exchangeInfo " + symbol.path("symbol").asText() + " " + filter.path("filterType").asText()
                    + "." + field + " is not a decimal: " + filter.path(field));
        }
    }
}
