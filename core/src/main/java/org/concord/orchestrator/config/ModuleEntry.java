package org.concord.orchestrator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.regex.Pattern;

/**
 * One module in the configuration: whether it runs, its weight in the fusion and its own settings (passed to the
 * module untouched as {@code ModuleContext.settings()}).
 */
public record ModuleEntry(String id, boolean enabled, double weight, JsonNode settings) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public ModuleEntry {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id must be lower case letters, digits and dashes, got '" + id + "'");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("module " + id + ": weight must be finite and >= 0, got " + weight);
        }
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings.deepCopy();
        if (!settings.isObject()) {
            throw new IllegalArgumentException("module " + id + ": settings must be a mapping");
        }
    }

    public ModuleEntry withEnabled(boolean on) {
        return new ModuleEntry(id, on, weight, settings);
    }

    public ModuleEntry withWeight(double w) {
        return new ModuleEntry(id, enabled, w, settings);
    }

    @Override
    public JsonNode settings() {
        return settings.deepCopy();
    }
}
