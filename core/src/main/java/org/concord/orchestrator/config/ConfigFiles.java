package org.concord.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the {@code orchestrator:} section of {@code concord.yaml} and the presets shipped on the classpath
 * ({@code org/concord/config/presets/<name>.yaml}, copied from the repository's {@code resources/} folder).
 *
 * <p><b>Errors.</b> A file that is not valid YAML, has an unknown key, or a value out of range is refused with a
 * {@link ConfigException} naming the file, the line and the key. The orchestrator then refuses to start: running on
 * silent defaults could trade with modules the user did not choose. The file is left untouched.
 *
 * <p><b>Writing.</b> {@link #save} replaces only the {@code orchestrator:} section and keeps the file's other sections;
 * it writes a temporary file beside it and moves it over the old one atomically, so a crash leaves the old or the new
 * file, never half of one. Comments are not kept (YAML round trips through a tree).
 */
public final class ConfigFiles {
    public static final String SECTION = "orchestrator";
    public static final List<String> PRESETS = List.of("minimal", "full", "research");
    private static final String PRESET_DIR = "org/concord/config/presets/";

    private static final Set<String> TOP = Set.of("preset", "symbols", "decisionTimeframe", "threading", "queueCapacity",
            "feed", "fusion", "performance", "faults", "modules");
    private static final Set<String> FEED = Set.of("trades", "books");
    private static final Set<String> FUSION = Set.of("buyThreshold", "sellThreshold", "minConfidence", "adaptiveWeights");
    private static final Set<String> PERF = Set.of("halfLife", "minSamples", "decisionHorizonBars");
    private static final Set<String> FAULTS = Set.of("budgetMicros", "maxStrikes", "strikeWindow", "warmupCalls", "hardLimitMillis");
    private static final Set<String> MODULE = Set.of("id", "enabled", "weight", "settings");

    private ConfigFiles() {
    }

    /** One of the shipped presets: {@code minimal} (no modules), {@code full} (all), {@code research}. */
    public static OrchestratorConfig preset(String name) {
        if (name == null || !PRESETS.contains(name)) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (expected one of " + PRESETS + ")");
        }
        return parse(readResource(PRESET_DIR + name + ".yaml"), "preset " + name + ".yaml");
    }

    /** The default configuration shipped on the classpath ({@code org/concord/config/concord.yaml}). */
    public static OrchestratorConfig defaults() {
        return parse(readResource("org/concord/config/concord.yaml"), "concord.yaml (default)");
    }

    public static OrchestratorConfig load(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("config file is null");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a whole {@code concord.yaml} text; {@code source} names it in error messages. */
    public static OrchestratorConfig parse(String yaml, String source) {
        return read(YamlDoc.parse(yaml, source));
    }

    /** The {@code orchestrator:} section of a parsed document. */
    public static OrchestratorConfig read(YamlDoc doc) {
        JsonNode section = doc.root().get(SECTION);
        if (section == null || !section.isObject()) {
            throw doc.error("", "no '" + SECTION + ":' mapping at the top level");
        }
        return read(doc, section, "/" + SECTION);
    }

    private static OrchestratorConfig read(YamlDoc doc, JsonNode s, String p) {
        doc.onlyKeys(s, p, TOP);
        OrchestratorConfig d = OrchestratorConfig.of(List.of(Symbol.of("BTCUSD")), List.of());
        String preset = text(doc, s, p, "preset", "custom");
        List<Symbol> symbols = new ArrayList<>();
        JsonNode sym = s.get("symbols");
        if (sym == null) {
            symbols.addAll(d.symbols());
        } else if (!sym.isArray() || sym.isEmpty()) {
            throw doc.error(p + "/symbols", "expected a non-empty list of symbols, e.g. [BTCUSD]");
        } else {
            for (int i = 0; i < sym.size(); i++) {
                try {
                    symbols.add(Symbol.of(sym.get(i).asText()));
                } catch (IllegalArgumentException e) {
                    throw doc.error(p + "/symbols/" + i, e.getMessage());
                }
            }
        }
        Timeframe tf;
        try {
            tf = Timeframe.ofCode(text(doc, s, p, "decisionTimeframe", "1m"));
        } catch (IllegalArgumentException e) {
            throw doc.error(p + "/decisionTimeframe", e.getMessage());
        }
        String threading = text(doc, s, p, "threading", "async");
        if (!threading.equals("async") && !threading.equals("synchronous")) {
            throw doc.error(p + "/threading", "expected 'async' or 'synchronous', got '" + threading + "'");
        }
        int queue = integer(doc, s, p, "queueCapacity", d.queueCapacity());
        JsonNode feed = object(doc, s, p, "feed", FEED);
        boolean trades = bool(doc, feed, p + "/feed", "trades", true);
        boolean books = bool(doc, feed, p + "/feed", "books", true);
        JsonNode fu = object(doc, s, p, "fusion", FUSION);
        JsonNode pe = object(doc, s, p, "performance", PERF);
        JsonNode fa = object(doc, s, p, "faults", FAULTS);
        OrchestratorConfig.Fusion fusion = build(doc, p + "/fusion", () -> new OrchestratorConfig.Fusion(
                number(doc, fu, p + "/fusion", "buyThreshold", 0.2), number(doc, fu, p + "/fusion", "sellThreshold", 0.2),
                number(doc, fu, p + "/fusion", "minConfidence", 0.0), bool(doc, fu, p + "/fusion", "adaptiveWeights", false)));
        OrchestratorConfig.Performance perf = build(doc, p + "/performance", () -> new OrchestratorConfig.Performance(
                number(doc, pe, p + "/performance", "halfLife", 50), integer(doc, pe, p + "/performance", "minSamples", 30),
                integer(doc, pe, p + "/performance", "decisionHorizonBars", 5)));
        FaultPolicy df = FaultPolicy.DEFAULT;
        FaultPolicy faults = build(doc, p + "/faults", () -> new FaultPolicy(
                integer(doc, fa, p + "/faults", "budgetMicros", (int) df.budgetMicros()),
                integer(doc, fa, p + "/faults", "maxStrikes", df.maxStrikes()),
                integer(doc, fa, p + "/faults", "strikeWindow", df.strikeWindow()),
                integer(doc, fa, p + "/faults", "warmupCalls", df.warmupCalls()),
                integer(doc, fa, p + "/faults", "hardLimitMillis", (int) df.hardLimitMillis())));
        List<ModuleEntry> modules = new ArrayList<>();
        JsonNode ms = s.get("modules");
        if (ms != null && !ms.isNull()) {
            if (!ms.isArray()) {
                throw doc.error(p + "/modules", "expected a list of modules (- id: ...)");
            }
            for (int i = 0; i < ms.size(); i++) {
                String mp = p + "/modules/" + i;
                JsonNode m = ms.get(i);
                doc.onlyKeys(m, mp, MODULE);
                if (!m.hasNonNull("id")) {
                    throw doc.error(mp, "module without an 'id'");
                }
                JsonNode settings = m.get("settings");
                if (settings != null && !settings.isNull() && !settings.isObject()) {
                    throw doc.error(mp + "/settings", "expected a mapping of settings");
                }
                ModuleEntry e = build(doc, mp, () -> new ModuleEntry(m.get("id").asText(), bool(doc, m, mp, "enabled", true),
                        number(doc, m, mp, "weight", 1.0), settings == null || settings.isNull() ? null : settings));
                if (modules.stream().anyMatch(x -> x.id().equals(e.id()))) {
                    throw doc.error(mp + "/id", "module '" + e.id() + "' is listed twice");
                }
                modules.add(e);
            }
        }
        return build(doc, p, () -> new OrchestratorConfig(preset, symbols, tf, threading.equals("synchronous"), queue,
                trades, books, fusion, perf, faults, modules));
    }

    private interface Build<T> {
        T get();
    }

    private static <T> T build(YamlDoc doc, String pointer, Build<T> b) {
        try {
            return b.get();
        } catch (IllegalArgumentException e) {
            throw doc.error(pointer, e.getMessage());
        }
    }

    private static JsonNode object(YamlDoc doc, JsonNode s, String p, String key, Set<String> allowed) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return YamlDoc.MAPPER.createObjectNode();
        }
        doc.onlyKeys(n, p + "/" + key, allowed);
        return n;
    }

    private static String text(YamlDoc doc, JsonNode s, String p, String key, String dflt) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isValueNode()) {
            throw doc.error(p + "/" + key, "expected a single value, got " + YamlDoc.kind(n));
        }
        return n.asText().trim();
    }

    private static boolean bool(YamlDoc doc, JsonNode s, String p, String key, boolean dflt) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw doc.error(p + "/" + key, "expected true or false, got " + YamlDoc.kind(n));
        }
        return n.booleanValue();
    }

    private static int integer(YamlDoc doc, JsonNode s, String p, String key, int dflt) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw doc.error(p + "/" + key, "expected a whole number, got " + YamlDoc.kind(n));
        }
        return n.intValue();
    }

    private static double number(YamlDoc doc, JsonNode s, String p, String key, double dflt) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw doc.error(p + "/" + key, "expected a number, got " + YamlDoc.kind(n));
        }
        return n.doubleValue();
    }

    // ---------------------------------------------------------------- writing

    /** The {@code orchestrator:} section as a tree (the format {@link #parse} reads). */
    public static ObjectNode toTree(OrchestratorConfig c) {
        ObjectNode o = YamlDoc.MAPPER.createObjectNode();
        o.put("preset", c.preset());
        ArrayNode syms = o.putArray("symbols");
        c.symbols().forEach(s -> syms.add(s.code()));
        o.put("decisionTimeframe", c.decisionTimeframe().code());
        o.put("threading", c.synchronous() ? "synchronous" : "async");
        o.put("queueCapacity", c.queueCapacity());
        ObjectNode feed = o.putObject("feed");
        feed.put("trades", c.feedTrades());
        feed.put("books", c.feedBooks());
        ObjectNode fu = o.putObject("fusion");
        fu.put("buyThreshold", c.fusion().buyThreshold());
        fu.put("sellThreshold", c.fusion().sellThreshold());
        fu.put("minConfidence", c.fusion().minConfidence());
        fu.put("adaptiveWeights", c.fusion().adaptiveWeights());
        ObjectNode pe = o.putObject("performance");
        pe.put("halfLife", c.performance().halfLife());
        pe.put("minSamples", c.performance().minSamples());
        pe.put("decisionHorizonBars", c.performance().decisionHorizonBars());
        ObjectNode fa = o.putObject("faults");
        fa.put("budgetMicros", c.faults().budgetMicros());
        fa.put("maxStrikes", c.faults().maxStrikes());
        fa.put("strikeWindow", c.faults().strikeWindow());
        fa.put("warmupCalls", c.faults().warmupCalls());
        fa.put("hardLimitMillis", c.faults().hardLimitMillis());
        ArrayNode ms = o.putArray("modules");
        for (ModuleEntry m : c.modules()) {
            ObjectNode e = ms.addObject();
            e.put("id", m.id());
            e.put("enabled", m.enabled());
            e.put("weight", m.weight());
            if (!m.settings().isEmpty()) {
                e.set("settings", m.settings());
            }
        }
        return o;
    }

    /**
     * Writes {@code config} as the {@code orchestrator:} section of {@code file}, keeping the file's other sections,
     * atomically (temporary file + move). Refuses to overwrite a file that does not parse.
     */
    public static void save(Path file, OrchestratorConfig config) {
        if (file == null || config == null) {
            throw new IllegalArgumentException("file and config are required");
        }
        saveSection(file, SECTION, toTree(config));
    }

    /**
     * Writes {@code tree} as the top-level {@code section} of {@code file}, keeping the file's other sections,
     * atomically (temporary file + move). Refuses to overwrite a file that does not parse.
     */
    public static void saveSection(Path file, String section, JsonNode tree) {
        if (file == null || section == null || tree == null) {
            throw new IllegalArgumentException("file, section and tree are required");
        }
        try {
            ObjectNode root;
            if (Files.exists(file)) {
                JsonNode old = YamlDoc.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).root();
                root = old.isObject() ? (ObjectNode) old : YamlDoc.MAPPER.createObjectNode();
            } else {
                root = YamlDoc.MAPPER.createObjectNode();
            }
            root.set(section, tree);
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, YamlDoc.MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException("'" + name + "' is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
