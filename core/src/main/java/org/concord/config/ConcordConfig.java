package org.concord.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.concord.feed.binance.BinanceConfig;
import org.concord.feed.binance.BinanceConfigKeys;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.config.YamlDoc;
import org.concord.orchestrator.module.ModuleCatalog;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole {@code concord.yaml}, read and validated once at the start of every command and of the desk: the
 * {@code orchestrator:} section ({@link ConfigFiles}), the {@code binance:} section (the public market-data feed's
 * URLs and timings, {@link BinanceConfigKeys#apply}), the {@code instruments:} section (listings per venue, merged with the
 * shipped defaults, {@link InstrumentsSection}), the {@code trading:} section (risk limits and sizing,
 * {@link TradingSettings}), and nothing else. An unknown section, an unknown key, a bad value, or
 * a module setting the module does not declare ({@link org.concord.orchestrator.module.ModuleInfo#settings()}) fails
 * with a {@link ConfigException} naming the file, the line and the key, before anything starts.
 */
public final class ConcordConfig {
    public static final String FILE = "concord.yaml";
    public static final Set<String> SECTIONS = Set.of(ConfigFiles.SECTION, "binance", InstrumentsSection.SECTION, TradingSettings.SECTION);

    private final YamlDoc doc;
    private final OrchestratorConfig orchestrator;
    private final Map<String, Object> binance;
    private final InstrumentRegistry instruments;
    private final TradingSettings trading;

    private ConcordConfig(YamlDoc doc, OrchestratorConfig orchestrator, Map<String, Object> binance, InstrumentRegistry instruments,
                          TradingSettings trading) {
        this.doc = doc;
        this.orchestrator = orchestrator;
        this.binance = binance;
        this.instruments = instruments;
        this.trading = trading;
    }

    /** Reads and validates {@code file}; module settings are checked against {@code catalog}'s declarations. */
    public static ConcordConfig load(Path file, ModuleCatalog catalog) {
        if (file == null || catalog == null) {
            throw new IllegalArgumentException("config file and module catalog are required");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString(), catalog);
    }

    /** Parses and validates a whole file's text; {@code source} names it in error messages. */
    public static ConcordConfig parse(String text, String source, ModuleCatalog catalog) {
        YamlDoc doc = YamlDoc.parse(text, source);
        doc.onlyKeys(doc.root(), "", SECTIONS);
        OrchestratorConfig orch = ConfigFiles.read(doc);
        checkModuleSettings(doc, orch, catalog);
        return new ConcordConfig(doc, orch, binanceSection(doc), InstrumentsSection.registry(doc), TradingSettings.read(doc));
    }

    public OrchestratorConfig orchestrator() {
        return orchestrator;
    }

    /** The {@code trading:} section: risk limits and sizing of the live pipeline (defaults where it says nothing). */
    public TradingSettings trading() {
        return trading;
    }

    /** The shipped default listings (the default concord.yaml's instruments: section). */
    public static InstrumentRegistry defaultInstruments() {
        return InstrumentRegistry.of(InstrumentsSection.defaults());
    }

    /** The instruments: the shipped default listings with this file's {@code instruments:} entries applied. */
    public InstrumentRegistry instruments() {
        return instruments;
    }

    /**
     * This configuration for a session whose market data comes from {@code venue} (null: as written): the
     * orchestrator's symbols name instruments (our symbols, e.g. BTCUSD) and become what the venue calls them (Binance:
     * BTCUSDT), so the orchestrator trades the symbol the feed's bars arrive under. Stored bars stay keyed by the
     * venue's symbol: Binance's USDT bars never mix with the bundled USD replay in one series.
     */
    public ConcordConfig on(String venue) {
        return venue == null ? this : new ConcordConfig(doc, on(orchestrator, venue), binance, instruments, trading);
    }

    /** {@code cfg} with its symbols as {@code venue} calls them (a preset switch rebuilds the orchestrator with it). */
    public OrchestratorConfig on(OrchestratorConfig cfg, String venue) {
        if (venue == null) {
            return cfg;
        }
        List<Symbol> mapped = cfg.symbols().stream().map(s -> instruments.venueSymbol(s, venue)).distinct().toList();
        return mapped.equals(cfg.symbols()) ? cfg : cfg.withSymbols(mapped);
    }

    /**
     * A fresh builder with the {@code binance:} section applied (Binance's public endpoints and default timings when
     * the file has none); the caller adds the symbol and intervals it follows.
     */
    public BinanceConfig.Builder binance() {
        return BinanceConfigKeys.builderFrom(binance);
    }

    /** A configuration error located at module {@code moduleId}'s entry in the file (e.g. a setting its initialize refused). */
    public ConfigException moduleError(String moduleId, String message) {
        for (int i = 0; i < orchestrator.modules().size(); i++) {
            if (orchestrator.modules().get(i).id().equals(moduleId)) {
                return doc.error("/" + ConfigFiles.SECTION + "/modules/" + i + "/settings", message);
            }
        }
        return doc.error("/" + ConfigFiles.SECTION + "/modules", "module " + moduleId + ": " + message);
    }

    private static void checkModuleSettings(YamlDoc doc, OrchestratorConfig orch, ModuleCatalog catalog) {
        for (int i = 0; i < orch.modules().size(); i++) {
            ModuleEntry m = orch.modules().get(i);
            Set<String> declared = catalog.find(m.id()).map(ModuleCatalog.Entry::settings).orElse(null);
            if (declared == null) {
                continue; // not on the classpath (the orchestrator reports it) or added by hand
            }
            for (Iterator<String> it = m.settings().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!declared.contains(key)) {
                    throw doc.error("/" + ConfigFiles.SECTION + "/modules/" + i + "/settings/" + key, "module '" + m.id() + "' has no setting '" + key
                            + "' (" + (declared.isEmpty() ? "it takes no settings" : "it declares " + new TreeSet<>(declared)) + ")");
                }
            }
        }
    }

    private static Map<String, Object> binanceSection(YamlDoc doc) {
        JsonNode section = doc.root().get("binance");
        if (section == null || section.isNull()) {
            return Map.of();
        }
        if (!section.isObject()) {
            throw doc.error("/binance", "expected a mapping of feed settings, got " + YamlDoc.kind(section));
        }
        Map<String, Object> values = YamlDoc.MAPPER.convertValue(section, new TypeReference<LinkedHashMap<String, Object>>() { });
        BinanceConfig.Builder b = BinanceConfig.builder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            try {
                BinanceConfigKeys.apply(b, e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw doc.error("/binance/" + e.getKey(), ex.getMessage());
            }
        }
        try {
            // the section as a whole (backoff bounds, backfill sizes); the feed adds its symbol and intervals itself,
            // so a stand-in symbol and interval are added here
            BinanceConfigKeys.builderFrom(values).symbol(Symbol.of("BTCUSDT")).interval(Timeframe.M1).build();
        } catch (IllegalArgumentException ex) {
            throw doc.error("/binance", ex.getMessage());
        }
        return Map.copyOf(values);
    }
}
