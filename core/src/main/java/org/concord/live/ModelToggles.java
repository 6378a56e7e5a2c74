package org.concord.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-model switches of the module panel, persisted in the data directory ({@value #FILE_NAME}):
 * <b>inference</b> (does the model vote in the orchestrator's fusion) and <b>training</b> (does it receive
 * training: automatic triggers and live pivot/frame training). A model not in the file has both on. Each change is
 * written at once (temporary file moved over the old one); a file that does not parse is reported, kept aside as
 * {@code .broken}, and the switches start from the defaults (both on).
 *
 * <pre>{"schema":1,"models":{"cnn-btcusd":{"inference":true,"training":false}}}</pre>
 */
public final class ModelToggles {
    private static final Logger LOG = LoggerFactory.getLogger(ModelToggles.class);
    public static final String FILE_NAME = "model-toggles.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One model's switches. */
    public record Toggle(boolean inference, boolean training) {
        public static final Toggle DEFAULT = new Toggle(true, true);
    }

    private final Path file;
    private final Map<String, Toggle> toggles = new TreeMap<>();

    private ModelToggles(Path file) {
        this.file = file;
    }

    /** Loads {@code <dataDir>/model-toggles.json} (missing: every model on). */
    public static ModelToggles inDataDir(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory is required");
        }
        ModelToggles t = new ModelToggles(dataDir.resolve(FILE_NAME));
        t.load();
        return t;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("schema").asInt() != 1 || !root.path("models").isObject()) {
                throw new IOException("not a schema-1 model toggles file");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                if (!n.path("inference").isBoolean() || !n.path("training").isBoolean()) {
                    throw new IOException("model '" + e.getKey() + "' needs boolean inference and training");
                }
                toggles.put(e.getKey(), new Toggle(n.get("inference").asBoolean(), n.get("training").asBoolean()));
            }
        } catch (IOException e) {
            toggles.clear();
            Path aside = file.resolveSibling(FILE_NAME + ".broken");
            LOG.warn("{} is unreadable ({}); moved to {}, every model starts on", file, e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside: {}", file, moveFailed.getMessage());
            }
        }
    }

    public Path file() {
        return file;
    }

    public synchronized Toggle get(String modelId) {
        check(modelId);
        return toggles.getOrDefault(modelId, Toggle.DEFAULT);
    }

    public boolean inference(String modelId) {
        return get(modelId).inference();
    }

    public boolean training(String modelId) {
        return get(modelId).training();
    }

    public synchronized Map<String, Toggle> all() {
        return Map.copyOf(toggles);
    }

    public void setInference(String modelId, boolean on) {
        set(modelId, new Toggle(on, get(modelId).training()));
    }

    public void setTraining(String modelId, boolean on) {
        set(modelId, new Toggle(get(modelId).inference(), on));
    }

    /** Changes one model's switches and writes the file before returning. */
    public synchronized void set(String modelId, Toggle t) {
        check(modelId);
        if (t == null) {
            throw new IllegalArgumentException("toggle is null");
        }
        Toggle old = toggles.put(modelId, t);
        try {
            save();
        } catch (UncheckedIOException e) {
            if (old == null) {
                toggles.remove(modelId);
            } else {
                toggles.put(modelId, old);
            }
            throw e;
        }
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        ObjectNode models = root.putObject("models");
        toggles.forEach((id, t) -> models.putObject(id).put("inference", t.inference()).put("training", t.training()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }

    private static void check(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model id is required");
        }
    }
}
