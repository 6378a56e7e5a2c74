package org.concord.orchestrator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed YAML document that remembers the line of every key and value, so a configuration error names the line
 * it is on ("concord.yaml line 12 (orchestrator.faults.maxStrikes): must be >= 1").
 */
public final class YamlDoc {
    public static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDoc(String source, JsonNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; {@code source} (a file name) starts every error message. */
    public static YamlDoc parse(String text, String source) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
            JsonNode root = MAPPER.readTree(text);
            return new YamlDoc(source, root == null || root.isMissingNode() ? MAPPER.createObjectNode() : root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new ConfigException(source + where + ": broken YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public String source() {
        return source;
    }

    /** A ConfigException naming the line of the node at {@code pointer} (e.g. "/orchestrator/faults/maxStrikes"). */
    public ConfigException error(String pointer, String message) {
        Integer line = lines.get(pointer);
        String path = pointer.replaceFirst("^/", "").replace('/', '.');
        return new ConfigException(source + (line == null ? "" : " line " + line) + " (" + path + "): " + message);
    }

    /** Fails on any key of {@code node} not in {@code allowed} (typos must not be silently ignored). */
    public void onlyKeys(JsonNode node, String pointer, Set<String> allowed) {
        if (!node.isObject()) {
            throw error(pointer, "expected a mapping, got " + kind(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(pointer + "/" + k, "unknown key '" + k + "' (expected one of " + new TreeSet<>(allowed) + ")");
            }
        }
    }

    public static String kind(JsonNode n) {
        return n.isObject() ? "a mapping" : n.isArray() ? "a list" : n.isNull() ? "nothing" : "'" + n.asText() + "'";
    }
}
