package org.concord.training.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.concord.model.Timeframe;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.loop.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model versions on disk, beside the SQLite store:
 * <pre>
 * models/&lt;modelId&gt;/CURRENT                 the active version (replaced atomically)
 * models/&lt;modelId&gt;/v000003/manifest.json    {@link ModelManifest}
 * models/&lt;modelId&gt;/v000003/cnn.params       DJL parameters of the CNN
 * models/&lt;modelId&gt;/v000003/meta-forest.ser  or meta-mlp.params: the meta-model
 * </pre>
 * A version directory is written under a temporary name and renamed when complete, so a crash never leaves a
 * half-written version; loading re-checks every file's SHA-256 against the manifest.
 */
public final class ModelRepository {
    public static final String CNN_FILE = "cnn.params";
    public static final String MANIFEST = "manifest.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("v\\d{6}");

    private final Path root;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelRepository(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("root is null");
        }
        try {
            this.root = Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public ObjectMapper json() {
        return json;
    }

    static void checkId(String modelId) {
        if (modelId == null || !ID.matcher(modelId).matches()) {
            throw new IllegalArgumentException("model id must be lower-case letters, digits and '-', got '" + modelId + "'");
        }
    }

    /** Versions stored for {@code modelId}, oldest first. */
    public List<String> versions(String modelId) {
        checkId(modelId);
        Path dir = root.resolve(modelId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> VERSION.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a new version of {@code modelId} from a training result (not yet active). */
    public ModelManifest save(String modelId, org.concord.model.Symbol symbol, FrameSpec spec, BarrierConfig label, TrainingResult r, long createdAt) {
        return save(modelId, symbol, spec, label, r, null, createdAt);
    }

    /** Writes a new version, with a DQN agent (state = {@link MetaFeatures}) when {@code agent} is not null. */
    public ModelManifest save(String modelId, org.concord.model.Symbol symbol, FrameSpec spec, BarrierConfig label, TrainingResult r,
                              DqnAgent agent, long createdAt) {
        checkId(modelId);
        List<String> existing = versions(modelId);
        int next = existing.isEmpty() ? 1 : Integer.parseInt(existing.get(existing.size() - 1).substring(1)) + 1;
        String version = String.format("v%06d", next);
        MetaModel meta = r.meta();
        ModelManifest m = new ModelManifest(ModelManifest.SCHEMA, modelId, version, createdAt, symbol.code(),
                spec.timeframes().stream().map(Timeframe::code).toList(), spec.window(), spec.channelNames(), MetaFeatures.names(spec),
                r.cnn().config(), ModelManifest.NormalizationJson.of(r.cnn().normalization()),
                new ModelManifest.Label("triple-barrier", label.horizonBars(), label.profitTake(), label.stopLoss(), label.volLookback(), label.minWidthPct()),
                meta == null ? null : meta.kind(), meta == null ? null : meta.params(),
                meta instanceof MlpMetaModel mlp ? ModelManifest.NormalizationJson.of(mlp.normalization()) : null,
                r.oos(), r.holdout(), r.folds(), r.metaCandidates(), r.channelImportance(), r.metaImportance(),
                new ModelManifest.DataRange(r.dataFrom(), r.dataTo(), r.barsCovered(), r.samples(), r.rejectedFrames().size()),
                r.trainingVolatility(), agent == null ? null : agent.config(), Map.of(), "");
        Path dir = root.resolve(modelId);
        Path tmp = dir.resolve(".tmp-" + version);
        try {
            Files.createDirectories(tmp);
            r.cnn().save(tmp.resolve(CNN_FILE));
            if (meta != null) {
                meta.save(tmp);
            }
            if (agent != null) {
                agent.save(tmp);
            }
            m = withHashes(m, tmp);
            json.writeValue(tmp.resolve(MANIFEST).toFile(), m);
            Files.move(tmp, dir.resolve(version), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("saved model {} {} (holdout {})", modelId, version, r.holdout());
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model " + modelId + " " + version, e);
        }
    }

    private ModelManifest withHashes(ModelManifest m, Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        List<Path> list;
        try (Stream<Path> s = Files.list(dir)) {
            list = new ArrayList<>(s.filter(p -> !p.getFileName().toString().equals(MANIFEST)).sorted().toList());
        }
        StringBuilder all = new StringBuilder();
        for (Path p : list) {
            String h = sha256(p);
            files.put(p.getFileName().toString(), h);
            all.append(p.getFileName()).append('=').append(h).append('\n');
        }
        return m.withFiles(files, sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Makes {@code version} the active one (atomic replace of CURRENT). */
    public void activate(String modelId, String version) {
        checkId(modelId);
        if (!versions(modelId).contains(version)) {
            throw new IllegalArgumentException("no version " + version + " of " + modelId);
        }
        Path cur = root.resolve(modelId).resolve("CURRENT");
        Path tmp = root.resolve(modelId).resolve("CURRENT.tmp");
        try {
            Files.writeString(tmp, version);
            try {
                Files.move(tmp, cur, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cur, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot activate " + modelId + " " + version, e);
        }
    }

    /**
     * The active version named by {@code CURRENT}, or empty when there is none.
     *
     * @throws IllegalArgumentException when CURRENT names something that is not a stored version of the model
     */
    public Optional<String> currentVersion(String modelId) {
        checkId(modelId);
        Path cur = root.resolve(modelId).resolve("CURRENT");
        String v;
        try {
            if (!Files.exists(cur)) {
                return Optional.empty();
            }
            v = Files.readString(cur).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!VERSION.matcher(v).matches() || !versions(modelId).contains(v)) {
            throw new IllegalArgumentException(cur + " names '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "', which is not a stored version of "
                    + modelId + " (versions: " + versions(modelId) + "); activate a version or delete the file");
        }
        return Optional.of(v);
    }

    /** A version's manifest, checked: schema, id and version, frame spec and the model settings loading needs. */
    public ModelManifest manifest(String modelId, String version) {
        checkId(modelId);
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("model " + modelId + ": '" + version + "' is not a version name (v000001, v000002, ...)");
        }
        Path file = root.resolve(modelId).resolve(version).resolve(MANIFEST);
        ModelManifest m;
        try {
            m = json.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        String problem = problem(m, modelId, version);
        if (problem != null) {
            throw new IllegalArgumentException("manifest " + file + ": " + problem);
        }
        return m;
    }

    /** What makes {@code m} unusable as {@code modelId} {@code version}, or null. */
    private static String problem(ModelManifest m, String modelId, String version) {
        if (m.schema() != ModelManifest.SCHEMA) {
            return "schema " + m.schema() + ", this build reads " + ModelManifest.SCHEMA;
        }
        if (!modelId.equals(m.modelId()) || !version.equals(m.version())) {
            return "says it is " + m.modelId() + " " + m.version() + ", stored as " + modelId + " " + version;
        }
        if (m.timeframes() == null || m.timeframes().isEmpty() || m.window() < 1) {
            return "needs timeframes and a window >= 1, got " + m.timeframes() + " and " + m.window();
        }
        for (String tf : m.timeframes()) {
            try {
                Timeframe.ofCode(tf);
            } catch (IllegalArgumentException e) {
                return "timeframes: " + e.getMessage();
            }
        }
        if (m.cnn() == null || m.cnnNormalization() == null) {
            return "the CNN settings (cnn, cnnNormalization) are missing";
        }
        if (m.metaKind() == null) {
            return null;
        }
        List<String> need = switch (m.metaKind()) {
            case "forest" -> List.of("trees", "maxDepth", "nodeSize", "subsample");
            case "mlp" -> List.of("hidden", "epochs", "batchSize", "learningRate");
            default -> null;
        };
        if (need == null) {
            return "unknown metaKind '" + m.metaKind() + "' (forest or mlp)";
        }
        for (String k : need) {
            if (m.metaParams() == null || !(m.metaParams().get(k) instanceof Number)) {
                return "metaParams." + k + " (a number) is missing for the " + m.metaKind() + " meta-model";
            }
        }
        if ("mlp".equals(m.metaKind()) && m.metaNormalization() == null) {
            return "metaNormalization is missing for the mlp meta-model";
        }
        return null;
    }

    /** Loads a version, verifying every file's hash; throws IllegalArgumentException on any mismatch. */
    public ModelBundle load(String modelId, String version, StaleGuard guard) {
        ModelManifest m = manifest(modelId, version);
        Path dir = root.resolve(modelId).resolve(version);
        try {
            for (Map.Entry<String, String> f : m.files().entrySet()) {
                String h = sha256(dir.resolve(f.getKey()));
                if (!h.equals(f.getValue())) {
                    throw new IllegalArgumentException("model " + modelId + " " + version + ": file " + f.getKey() + " hash " + h.substring(0, 12)
                            + "… does not match the manifest's " + f.getValue().substring(0, 12) + "…");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model " + modelId + " " + version + ": " + e.getMessage(), e);
        }
        FrameSpec spec = new FrameSpec(m.timeframes().stream().map(Timeframe::ofCode).toList(), m.window());
        CnnSignalModel cnn = CnnSignalModel.load(dir.resolve(CNN_FILE), spec, m.cnn(), m.cnnNormalization().toNormalization());
        MetaModel meta = null;
        try {
            int width = MetaFeatures.length(spec);
            if ("forest".equals(m.metaKind())) {
                Map<String, Object> p = m.metaParams();
                meta = ForestMetaModel.load(dir, width, new ForestMetaModel.Params(num(p, "trees"), num(p, "maxDepth"), num(p, "nodeSize"),
                        ((Number) p.get("subsample")).doubleValue()));
            } else if ("mlp".equals(m.metaKind())) {
                Map<String, Object> p = m.metaParams();
                meta = MlpMetaModel.load(dir, width, new MlpMetaModel.Params(num(p, "hidden"), num(p, "epochs"), num(p, "batchSize"),
                        ((Number) p.get("learningRate")).floatValue()), m.metaNormalization().toNormalization());
            }
        } catch (RuntimeException e) {
            cnn.close();
            throw e;
        }
        DqnAgent agent = null;
        if (m.agent() != null) {
            try {
                agent = DqnAgent.load(dir, MetaFeatures.length(spec), m.agent());
            } catch (RuntimeException e) {
                cnn.close();
                if (meta != null) {
                    meta.close();
                }
                throw e;
            }
        }
        return ModelBundle.of(m, spec, cnn, meta, agent, guard);
    }

    /**
     * The active version, or the cold-start stand-in when there is none or it cannot be loaded (the reason is
     * logged and carried in {@link ModelBundle#note()}).
     */
    public ModelBundle loadCurrentOrColdStart(String modelId, FrameSpec spec, StaleGuard guard) {
        Optional<String> v;
        try {
            v = currentVersion(modelId);
        } catch (IllegalArgumentException e) {
            LOG.error("model {}: {}; cold start", modelId, e.getMessage());
            return ModelBundle.coldStart(modelId, spec, "model " + modelId + " unusable (" + e.getMessage() + ")");
        }
        if (v.isEmpty()) {
            LOG.info("model {}: no trained model, cold start (confidence {})", modelId, ModelBundle.COLD_CONFIDENCE);
            return ModelBundle.coldStart(modelId, spec, "no trained model for " + modelId);
        }
        try {
            return load(modelId, v.get(), guard);
        } catch (RuntimeException e) {
            LOG.error("model {} {} cannot be loaded, cold start: {}", modelId, v.get(), e.getMessage());
            return ModelBundle.coldStart(modelId, spec, "model " + modelId + " " + v.get() + " unusable (" + e.getMessage() + ")");
        }
    }

    private static int num(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).intValue();
    }

    static String sha256(Path p) throws IOException {
        return sha256(Files.readAllBytes(p));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
