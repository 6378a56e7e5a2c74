package org.concord.training.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.training.TrainedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DQN agent was removed; a version written while it existed has its configuration in the manifest's {@code agent}
 * field (covered by the content hash) and a {@code dqn.params} file. Such a version must still load, its hash intact.
 * The test writes one the way the old code did: the content hash is recomputed here from the manifest's JSON with
 * every object's keys sorted (first checked to reproduce the hash of an untouched manifest).
 */
class RetiredAgentManifestTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVersionWrittenWithTheRetiredDqnAgentStillLoads(@TempDir Path dir) throws Exception {
        Path root = TrainedModels.copyTo(dir);
        Path version = root.resolve(TrainedModels.MODEL_ID).resolve("v000002");
        Path file = version.resolve(ModelRepository.MANIFEST);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        assertThat(hash(manifest)).as("the emulated canonical hash reproduces the stored one").isEqualTo(manifest.get("hash").asText());

        byte[] params = "parameters of the old DQN".getBytes(StandardCharsets.UTF_8);
        Files.write(version.resolve("dqn.params"), params);
        ((ObjectNode) manifest.get("files")).put("dqn.params", ModelRepository.sha256(params));
        ObjectNode agent = manifest.putObject("agent"); // DqnAgent.Config.DEFAULT as the old code wrote it
        agent.put("hidden", 32).put("gamma", 0.5).put("learningRate", 0.001).put("batchSize", 64).put("targetSync", 100)
                .put("costPct", 0.0).put("alignmentWeight", 0.0).put("diversityWeight", 0.0);
        manifest.put("hash", hash(manifest));
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);

        ModelRepository repo = new ModelRepository(root);
        try (ModelBundle b = repo.load(TrainedModels.MODEL_ID, "v000002", StaleGuard.DEFAULT)) { // verifies every hash
            assertThat(b.coldStart()).isFalse();
            assertThat(b.version()).isEqualTo("v000002");
        }
        assertThat(repo.manifest(TrainedModels.MODEL_ID, "v000002").agent()).containsEntry("hidden", 32).containsEntry("gamma", 0.5);
    }

    /** SHA-256 of the manifest without its hash, keys sorted at every level, no whitespace. */
    static String hash(ObjectNode manifest) throws Exception {
        ObjectNode copy = manifest.deepCopy();
        copy.put("hash", "");
        return ModelRepository.sha256(JSON.writeValueAsBytes(sorted(copy)));
    }

    static JsonNode sorted(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            ObjectNode out = JSON.createObjectNode();
            for (String k : keys) {
                out.set(k, sorted(n.get(k)));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return n;
    }
}
