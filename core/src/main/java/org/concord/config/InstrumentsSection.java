package org.concord.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.instrument.Instrument;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.Symbol;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.config.YamlDoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code instruments:} section of concord.yaml: a list of listings, one per instrument and venue
 * ({@code symbol}, {@code venue}, {@code venueSymbol} (default: the symbol), {@code base}, {@code quote},
 * {@code tickSize}, {@code stepSize}, {@code minQty} (default 0), {@code minNotional} (default 0)).
 *
 * <p>The shipped default configuration ({@code org/concord/config/concord.yaml}) carries the default listings (the
 * bundled BTCUSD replay and its Binance listing BTCUSDT, ...). A file's own entries are added to them; an entry for a
 * venue symbol (or a symbol on a venue) the defaults list replaces the default one. So a data directory whose file
 * was written from a preset, with no {@code instruments:} section, still maps BTCUSD to Binance's BTCUSDT.
 */
final class InstrumentsSection {
    static final String SECTION = "instruments";
    private static final String DEFAULT_FILE = "org/concord/config/concord.yaml";
    private static final Set<String> KEYS = Set.of("symbol", "venue", "venueSymbol", "base", "quote", "tickSize", "stepSize", "minQty",
            "minNotional");
    private static volatile List<Instrument> defaults;

    private InstrumentsSection() {
    }

    /** The default listings merged with {@code doc}'s own. */
    static InstrumentRegistry registry(YamlDoc doc) {
        List<Instrument> own = read(doc);
        for (int i = 1; i < own.size(); i++) {
            try {
                InstrumentRegistry.of(own.subList(0, i + 1)); // the file's own entries must not contradict each other
            } catch (IllegalArgumentException e) {
                throw doc.error("/" + SECTION + "/" + i, e.getMessage());
            }
        }
        Map<String, Instrument> merged = new LinkedHashMap<>();
        for (Instrument d : defaults()) {
            boolean replaced = own.stream().anyMatch(o -> o.venue().equals(d.venue())
                    && (o.venueSymbol().equals(d.venueSymbol()) || o.symbol().equals(d.symbol())));
            if (!replaced) {
                merged.put(d.venue() + "/" + d.venueSymbol(), d);
            }
        }
        own.forEach(o -> merged.put(o.venue() + "/" + o.venueSymbol(), o));
        try {
            return InstrumentRegistry.of(merged.values());
        } catch (IllegalArgumentException e) {
            throw doc.error("/" + SECTION, e.getMessage());
        }
    }

    /** The listings of {@code doc}'s section (none when it has no section); a bad entry names its line and field. */
    static List<Instrument> read(YamlDoc doc) {
        JsonNode list = doc.root().get(SECTION);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw doc.error("/" + SECTION, "expected a list of instruments (- {symbol: BTCUSD, venue: binance, venueSymbol: BTCUSDT, ...}), got "
                    + YamlDoc.kind(list));
        }
        List<Instrument> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "/" + SECTION + "/" + i;
            JsonNode e = list.get(i);
            doc.onlyKeys(e, p, KEYS);
            Symbol symbol = symbol(doc, e, p, "symbol", null);
            try {
                out.add(new Instrument(symbol, text(doc, e, p, "venue"), symbol(doc, e, p, "venueSymbol", symbol), text(doc, e, p, "base"),
                        text(doc, e, p, "quote"), decimal(doc, e, p, "tickSize", null), decimal(doc, e, p, "stepSize", null),
                        decimal(doc, e, p, "minQty", BigDecimal.ZERO), decimal(doc, e, p, "minNotional", BigDecimal.ZERO)));
            } catch (IllegalArgumentException ex) {
                throw doc.error(p, ex.getMessage());
            }
        }
        return out;
    }

    private static String text(YamlDoc doc, JsonNode e, String p, String key) {
        JsonNode v = e.get(key);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw doc.error(p + (v == null ? "" : "/" + key), "'" + key + "' is required (a name, e.g. "
                    + (key.equals("venue") ? "binance" : "BTC") + ")");
        }
        return v.asText().trim();
    }

    private static Symbol symbol(YamlDoc doc, JsonNode e, String p, String key, Symbol dflt) {
        if (dflt != null && e.get(key) == null) {
            return dflt;
        }
        try {
            return Symbol.of(text(doc, e, p, key));
        } catch (IllegalArgumentException ex) {
            throw doc.error(p + "/" + key, ex.getMessage());
        }
    }

    private static BigDecimal decimal(YamlDoc doc, JsonNode e, String p, String key, BigDecimal dflt) {
        JsonNode v = e.get(key);
        if (v == null && dflt != null) {
            return dflt;
        }
        if (v == null || !(v.isNumber() || v.isTextual())) {
            throw doc.error(p + (v == null ? "" : "/" + key), "'" + key + "' is required: a decimal number, e.g. 0.01");
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
        } catch (NumberFormatException ex) {
            throw doc.error(p + "/" + key, "'" + key + "' must be a decimal number, got '" + v.asText() + "'");
        }
    }

    static List<Instrument> defaults() {
        List<Instrument> d = defaults;
        if (d == null) {
            try (InputStream in = InstrumentsSection.class.getClassLoader().getResourceAsStream(DEFAULT_FILE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_FILE + " is missing from the classpath");
                }
                d = read(YamlDoc.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_FILE + " (default)"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ConfigException e) {
                throw new IllegalStateException("the shipped default configuration is invalid: " + e.getMessage(), e);
            }
            defaults = d;
        }
        return d;
    }
}
