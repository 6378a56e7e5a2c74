package org.concord.modules.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module's {@code settings} node, read with defaults and range checks. Every key read is remembered so that
 * {@link #rejectUnknown()} can refuse a misspelt key instead of silently running on its default. Errors are
 * {@link IllegalArgumentException}s naming the module and the key.
 */
public final class Settings {
    private final String module;
    private final JsonNode node;
    private final Set<String> read = new LinkedHashSet<>();

    public Settings(String module, JsonNode node) {
        if (module == null || node == null) {
            throw new IllegalArgumentException("module and settings node are required");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("module " + module + ": settings must be a mapping, got " + node);
        }
        this.module = module;
        this.node = node;
    }

    public String module() {
        return module;
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode n = node.get(key);
        return n == null || n.isNull() ? null : n;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    private IllegalArgumentException bad(String key, String what, Object got) {
        return new IllegalArgumentException("module " + module + ": setting '" + key + "' must be " + what + ", got " + got);
    }

    /** An integer {@code >= min}. */
    public int integer(String key, int dflt, int min) {
        JsonNode n = get(key);
        int v = dflt;
        if (n != null) {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw bad(key, "an integer", n);
            }
            v = n.intValue();
        }
        if (v < min) {
            throw bad(key, "an integer >= " + min, v);
        }
        return v;
    }

    /** A finite number in {@code [min, max]}. */
    public double number(String key, double dflt, double min, double max) {
        JsonNode n = get(key);
        double v = dflt;
        if (n != null) {
            if (!n.isNumber()) {
                throw bad(key, "a number", n);
            }
            v = n.doubleValue();
        }
        if (!(v >= min && v <= max)) {
            throw bad(key, "a number in [" + min + ", " + max + "]", v);
        }
        return v;
    }

    /** A finite number {@code > 0}. */
    public double positive(String key, double dflt) {
        double v = number(key, dflt, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (!(v > 0)) {
            throw bad(key, "a positive number", v);
        }
        return v;
    }

    public boolean flag(String key, boolean dflt) {
        JsonNode n = get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw bad(key, "true or false", n);
        }
        return n.booleanValue();
    }

    public String text(String key, String dflt) {
        JsonNode n = get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isValueNode()) {
            throw bad(key, "a text value", n);
        }
        return n.asText();
    }

    /** One of {@code allowed} (case-insensitive), returned lower case. */
    public String choice(String key, String dflt, String... allowed) {
        String v = text(key, dflt).trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw bad(key, "one of " + String.join(", ", allowed), v);
    }

    public Timeframe timeframe(String key, Timeframe dflt) {
        String v = text(key, dflt.code());
        try {
            return Timeframe.ofCode(v);
        } catch (IllegalArgumentException e) {
            throw bad(key, "a timeframe (1s, 1m, 5m, 15m, 1h, 4h, 1d)", v);
        }
    }

    /** A list of texts (a YAML sequence of scalars); {@code dflt} when absent. */
    public List<String> texts(String key, List<String> dflt) {
        JsonNode n = get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isArray()) {
            throw bad(key, "a list", n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isValueNode()) {
                throw bad(key, "a list of text values", n);
            }
            out.add(e.asText());
        }
        return out;
    }

    /** The raw sub-node (a mapping or a list), or null when absent. */
    public JsonNode node(String key) {
        return get(key);
    }

    /** A mapping under {@code key} as settings of their own (an empty mapping when absent). */
    public Settings section(String key) {
        JsonNode n = get(key);
        return new Settings(module + "." + key, n == null ? JsonNodeFactory.instance.objectNode() : n);
    }

    /** Refuses keys that no getter asked for: a typo must not run silently on a default. */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("module " + module + ": unknown setting" + (unknown.size() > 1 ? "s " : " ")
                    + unknown + " (known: " + String.join(", ", read) + ")");
        }
    }
}
