package org.concord.annotation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Annotation export/import as JSON with a versioned schema:
 * <pre>
 * {"schema": "concord.annotations", "version": 1, "annotations": [
 *   {"id": "a1", "symbol": "BTCUSD", "timeframe": "1m", "entryTime": 1385337600000, "entryPrice": 800.5,
 *    "exitTime": 1385341200000, "exitPrice": 810.0, "direction": "LONG", "pnlPct": 1.18, "stopLoss": 795.0,
 *    "takeProfit": null, "tags": ["breakout"], "note": "", "createdAt": ..., "updatedAt": ..., "author": "ana",
 *    "frame": { InferenceFrameReference as JSON, or absent }}]}
 * </pre>
 * Import validates every record first; the first bad one is named in an {@link AnnotationImportException} and
 * nothing from the file is imported. A record's frame is used only when it is the record's own ({@code ann-<id>});
 * a frame with another id (a model's inference frame, another annotation's, an id edited by hand) is never written:
 * the record's frame is built again from its own fields (or left out when no frame builder is given) and counted. A
 * valid file is saved in one transaction; an id already stored is skipped unless the caller asks to replace it
 * ({@link ImportResult} counts both).
 */
public final class AnnotationJson {
    public static final String SCHEMA = "concord.annotations";
    public static final int VERSION = 1;

    /**
     * What an import did.
     *
     * @param read     valid records in the file
     * @param added    new ids saved
     * @param replaced stored ids overwritten (only when asked)
     * @param skipped  stored ids left as they were
     * @param foreignFrames records that came with a frame not their own (another id), built again from the record
     */
    public record ImportResult(int read, int added, int replaced, int skipped, int foreignFrames) {
        /** One line for a status bar or a terminal. */
        public String summary() {
            return read + " annotation" + (read == 1 ? "" : "s") + " in the file: " + added + " added, " + replaced + " replaced, " + skipped
                    + " skipped" + (skipped > 0 ? " (id already stored; import with replace to overwrite)" : "")
                    + (foreignFrames > 0 ? "; " + foreignFrames + " frame" + (foreignFrames == 1 ? "" : "s") + " of another id built again" : "");
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public void export(List<Annotation> annotations, OutputStream out) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", VERSION);
        ArrayNode arr = root.putArray("annotations");
        for (Annotation a : annotations) {
            ObjectNode n = arr.addObject();
            n.put("id", a.id());
            n.put("symbol", a.symbol().code());
            n.put("timeframe", a.timeframe().code());
            n.put("entryTime", a.entryTime());
            n.put("entryPrice", a.entryPrice());
            n.put("exitTime", a.exitTime());
            n.put("exitPrice", a.exitPrice());
            n.put("direction", a.direction().name());
            n.put("pnlPct", a.pnlPct());
            putNullable(n, "stopLoss", a.stopLoss());
            putNullable(n, "takeProfit", a.takeProfit());
            ArrayNode tags = n.putArray("tags");
            a.tags().forEach(tags::add);
            n.put("note", a.note());
            n.put("createdAt", a.createdAt());
            n.put("updatedAt", a.updatedAt());
            n.put("author", a.author());
            if (a.frame() != null) {
                n.set("frame", json.valueToTree(a.frame()));
            }
        }
        json.writeValue(out, root);
    }

    private static void putNullable(ObjectNode n, String k, double v) {
        if (Double.isNaN(v)) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }

    /** Parses and validates a whole file; throws on the first bad record. */
    public List<Annotation> read(InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new AnnotationImportException(-1, "not a JSON file: " + e.getMessage().lines().findFirst().orElse("") + "; nothing imported", e);
        }
        if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").asText(null))) {
            throw new AnnotationImportException(-1, "not a Concord annotation file (schema must be '" + SCHEMA + "'); nothing imported", null);
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new AnnotationImportException(-1, "unsupported annotation schema version " + root.path("version") + " (this build reads "
                    + VERSION + "); nothing imported", null);
        }
        JsonNode arr = root.get("annotations");
        if (arr == null || !arr.isArray()) {
            throw new AnnotationImportException(-1, "no 'annotations' array; nothing imported", null);
        }
        List<Annotation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = arr.get(i);
            String id = n.path("id").asText("?");
            try {
                Annotation a = parse(n);
                if (!ids.add(a.id())) {
                    throw new IllegalArgumentException("duplicate id in file");
                }
                out.add(a);
            } catch (RuntimeException | IOException e) {
                throw new AnnotationImportException(i, "record " + i + " (id=" + id + ") is invalid: " + e.getMessage() + "; nothing imported", e);
            }
        }
        return out;
    }

    /**
     * Reads, validates and saves a file in one transaction. Records without a frame get one from
     * {@code frames} when given. A stored id is replaced only when {@code replaceExisting}, else skipped.
     */
    public ImportResult importInto(AnnotationStore store, InputStream in, AnnotationFramer frames, boolean replaceExisting) {
        List<Annotation> list = read(in);
        List<Annotation> ready = new ArrayList<>(list.size());
        int foreign = 0;
        for (int i = 0; i < list.size(); i++) {
            Annotation a = list.get(i);
            if (a.frame() != null && !a.frame().id().equals(Annotation.frameId(a.id()))) {
                a = a.withFrame(null); // never write a frame that is not this record's own
                foreign++;
            }
            if (a.frame() == null && frames != null) {
                try {
                    a = a.withFrame(frames.frameFor(a));
                } catch (RuntimeException e) {
                    throw new AnnotationImportException(i, "record " + i + " (id=" + a.id() + "): no frame can be built at its entry: "
                            + e.getMessage() + "; nothing imported", e);
                }
            }
            ready.add(a);
        }
        AnnotationStore.ImportCounts n = store.importAll(ready, replaceExisting);
        return new ImportResult(ready.size(), n.added(), n.replaced(), n.skipped(), foreign);
    }

    private Annotation parse(JsonNode n) throws IOException {
        InferenceFrameReference frame = n.hasNonNull("frame") ? json.treeToValue(n.get("frame"), InferenceFrameReference.class) : null;
        return new Annotation(text(n, "id"), Symbol.of(text(n, "symbol")), Timeframe.ofCode(text(n, "timeframe")), longOf(n, "entryTime"),
                num(n, "entryPrice"), longOf(n, "exitTime"), num(n, "exitPrice"), AnnotationDirection.valueOf(text(n, "direction")),
                n.hasNonNull("pnlPct") ? num(n, "pnlPct") : Double.NaN, optional(n, "stopLoss"), optional(n, "takeProfit"), tags(n),
                n.path("note").asText(""), longOf(n, "createdAt"), longOf(n, "updatedAt"), n.path("author").asText(""), frame);
    }

    private static String text(JsonNode n, String k) {
        JsonNode v = n.get(k);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + k + "' missing or not text");
        }
        return v.asText();
    }

    private static long longOf(JsonNode n, String k) {
        JsonNode v = n.get(k);
        if (v == null || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + k + "' missing or not an integer");
        }
        return v.asLong();
    }

    private static double num(JsonNode n, String k) {
        JsonNode v = n.get(k);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + k + "' missing or not a number");
        }
        return v.asDouble();
    }

    private static double optional(JsonNode n, String k) {
        return n.hasNonNull(k) ? num(n, k) : Double.NaN;
    }

    private static List<String> tags(JsonNode n) {
        JsonNode t = n.get("tags");
        if (t == null || t.isNull()) {
            return List.of();
        }
        if (!t.isArray()) {
            throw new IllegalArgumentException("field 'tags' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : t) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("field 'tags' must be a list of strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
