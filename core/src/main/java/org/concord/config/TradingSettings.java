package org.concord.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.execution.SizingConfig;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.YamlDoc;
import org.concord.risk.RiskLimitField;
import org.concord.risk.RiskLimits;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * What a trader sets for the live pipeline (the desk and {@code serve}): the risk limits and the sizing method, the
 * {@code trading:} section of {@code concord.yaml}:
 * <pre>
 * trading:
 *   sizing: kelly            # or fixed-fractional (the default)
 *   risk:                    # any RiskLimits field (fractions of equity; costBufferBps in bps); missing: default
 *     maxOrderFraction: 0.25
 *     drawdownThreshold: 0.10
 * </pre>
 * Kept in {@code concord.yaml} rather than a file of its own: it is the one file the desk and {@code serve} both read
 * at the start and validate line by line, and a person looking for "what does my bot trade with" finds it beside the
 * orchestrator's settings. The desk's edits are written back into this section only ({@link #save}), the way a preset
 * switch writes the orchestrator's section.
 */
public record TradingSettings(RiskLimits limits, SizingConfig.Method sizing) {
    public static final String SECTION = "trading";

    public TradingSettings {
        if (limits == null || sizing == null) {
            throw new IllegalArgumentException("risk limits and sizing method are required");
        }
    }

    public static TradingSettings defaults() {
        return new TradingSettings(RiskLimits.defaults(), SizingConfig.defaults().method());
    }

    /** The name in the file: "kelly", "fixed-fractional". */
    public static String sizingName(SizingConfig.Method m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The method a name in the file stands for; an unknown name fails naming the choices. */
    public static SizingConfig.Method parseSizing(String name) {
        for (SizingConfig.Method m : SizingConfig.Method.values()) {
            if (sizingName(m).equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("sizing must be one of fixed-fractional, kelly; got '" + name + "'");
    }

    /** Reads the section from a parsed file (defaults where the file says nothing); errors name the line. */
    static TradingSettings read(YamlDoc doc) {
        JsonNode section = doc.root().get(SECTION);
        if (section == null || section.isNull()) {
            return defaults();
        }
        String p = "/" + SECTION;
        doc.onlyKeys(section, p, Set.of("sizing", "risk"));
        SizingConfig.Method sizing = SizingConfig.defaults().method();
        JsonNode s = section.get("sizing");
        if (s != null) {
            try {
                sizing = parseSizing(s.isTextual() ? s.asText() : YamlDoc.kind(s));
            } catch (IllegalArgumentException e) {
                throw doc.error(p + "/sizing", e.getMessage());
            }
        }
        double[] v = RiskLimits.defaults().values();
        JsonNode risk = section.get("risk");
        if (risk != null && !risk.isNull()) {
            if (!risk.isObject()) {
                throw doc.error(p + "/risk", "expected a mapping of risk limits, got " + YamlDoc.kind(risk));
            }
            for (Iterator<String> it = risk.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                RiskLimitField f = RiskLimitField.byKey(key);
                String at = p + "/risk/" + key;
                if (f == null) {
                    throw doc.error(at, "unknown risk limit '" + key + "' (expected one of " + keys() + ")");
                }
                JsonNode n = risk.get(key);
                if (!n.isNumber()) {
                    throw doc.error(at, "expected a number, got " + YamlDoc.kind(n));
                }
                String problem = f.problem(n.doubleValue());
                if (problem != null) {
                    throw doc.error(at, problem);
                }
                v[f.ordinal()] = n.doubleValue();
            }
        }
        try {
            return new TradingSettings(RiskLimits.of(v), sizing);
        } catch (IllegalArgumentException e) {
            throw doc.error(p + "/risk", e.getMessage());
        }
    }

    private static String keys() {
        StringBuilder b = new StringBuilder();
        for (RiskLimitField f : RiskLimitField.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(f.key());
        }
        return b.toString();
    }

    /** The section as a tree: the sizing and every limit (a file written by the desk says what is in force). */
    public ObjectNode toTree() {
        ObjectNode o = YamlDoc.MAPPER.createObjectNode();
        o.put("sizing", sizingName(sizing));
        ObjectNode r = o.putObject("risk");
        for (RiskLimitField f : RiskLimitField.values()) {
            r.put(f.key(), f.of(limits));
        }
        return o;
    }

    /**
     * Writes this as the {@code trading:} section of {@code file}, keeping its other sections, atomically (temporary
     * file + move). Refuses to overwrite a file that does not parse.
     */
    public void save(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file is required");
        }
        ConfigFiles.saveSection(file, SECTION, toTree());
    }
}
