package org.concord.instrument;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every instrument Concord knows, on every venue: built from the configuration ({@code instruments:} in concord.yaml,
 * see {@link org.concord.config.ConcordConfig}) and refreshed from a venue's own listing (Binance's
 * {@code exchangeInfo}) with {@link #withListings}. Immutable; lookups by our symbol on a venue and by the venue's
 * symbol. One symbol of ours has at most one listing per venue, and a venue symbol belongs to one symbol of ours.
 *
 * <p>Mapping rule: a symbol of ours that has no listing on a venue is traded there under its own name
 * ({@link #venueSymbol}), so a configuration that names the venue's symbol directly keeps working.
 */
public final class InstrumentRegistry {
    private static final InstrumentRegistry EMPTY = new InstrumentRegistry(List.of());

    private final List<Instrument> all;
    private final Map<String, Instrument> byVenueSymbol = new LinkedHashMap<>();
    private final Map<String, Instrument> byOurSymbol = new LinkedHashMap<>();

    private InstrumentRegistry(Collection<Instrument> instruments) {
        for (Instrument i : instruments) {
            if (i == null) {
                throw new IllegalArgumentException("instrument is null");
            }
            Instrument before = byVenueSymbol.putIfAbsent(key(i.venue(), i.venueSymbol()), i);
            if (before != null) {
                throw new IllegalArgumentException(i.venueSymbol() + " on " + i.venue() + " is listed twice (as " + before.symbol() + " and as "
                        + i.symbol() + ")");
            }
            before = byOurSymbol.putIfAbsent(key(i.venue(), i.symbol()), i);
            if (before != null) {
                throw new IllegalArgumentException(i.symbol() + " has two listings on " + i.venue() + ": " + before.venueSymbol() + " and "
                        + i.venueSymbol());
            }
        }
        this.all = List.copyOf(instruments);
    }

    private static String key(String venue, Symbol s) {
        return venue + "/" + s.code();
    }

    public static InstrumentRegistry empty() {
        return EMPTY;
    }

    /** A registry of {@code instruments}; a venue symbol listed twice, or two listings of one symbol on one venue, fail. */
    public static InstrumentRegistry of(Collection<Instrument> instruments) {
        if (instruments == null) {
            throw new IllegalArgumentException("instruments is null");
        }
        return new InstrumentRegistry(instruments);
    }

    /** The instrument the venue calls {@code venueSymbol}. */
    public Optional<Instrument> find(String venue, Symbol venueSymbol) {
        return Optional.ofNullable(byVenueSymbol.get(key(venue, venueSymbol)));
    }

    /** Our {@code symbol}'s listing on {@code venue}; a venue symbol of that venue finds its listing too. */
    public Optional<Instrument> listing(Symbol symbol, String venue) {
        Instrument i = byOurSymbol.get(key(venue, symbol));
        return Optional.ofNullable(i != null ? i : byVenueSymbol.get(key(venue, symbol)));
    }

    /** What {@code venue} calls our {@code symbol} (itself when the symbol has no listing there). */
    public Symbol venueSymbol(Symbol symbol, String venue) {
        return listing(symbol, venue).map(Instrument::venueSymbol).orElse(symbol);
    }

    /** Our name for the venue's {@code venueSymbol} (itself when it is not listed). */
    public Symbol ours(String venue, Symbol venueSymbol) {
        return find(venue, venueSymbol).map(Instrument::symbol).orElse(venueSymbol);
    }

    /** Every listing of our {@code symbol}, on any venue. */
    public List<Instrument> listings(Symbol symbol) {
        return all.stream().filter(i -> i.symbol().equals(symbol)).toList();
    }

    public List<Instrument> all() {
        return all;
    }

    /**
     * This registry with a venue's own listings applied ({@code listed}: the venue's symbols as our symbols, e.g. parsed
     * from exchangeInfo): a configured instrument with the same venue symbol takes the venue's base/quote, tick, step
     * and minimums and keeps our symbol; a listing not configured is added under the venue's name.
     */
    public InstrumentRegistry withListings(Collection<Instrument> listed) {
        Map<String, Instrument> next = new LinkedHashMap<>();
        all.forEach(i -> next.put(key(i.venue(), i.venueSymbol()), i));
        for (Instrument l : listed) {
            Instrument configured = next.get(key(l.venue(), l.venueSymbol()));
            next.put(key(l.venue(), l.venueSymbol()), configured == null ? l : l.as(configured.symbol()));
        }
        return new InstrumentRegistry(new ArrayList<>(next.values()));
    }

    @Override
    public String toString() {
        return "InstrumentRegistry" + all;
    }
}
