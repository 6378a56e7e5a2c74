package org.concord.training.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.eval.PromotionGate;
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
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Model versions on disk, beside the SQLite store:
 * <pre>
 * models/&lt;modelId&gt;/CURRENT                 the active version (replaced atomically)
 * models/&lt;modelId&gt;/v000003/manifest.json    {@link ModelManifest}
 * models/&lt;modelId&gt;/v000003/cnn.params       DJL parameters of the CNN
 * models/&lt;modelId&gt;/v000003/meta-xgboost.ubj or meta-mlp.params: the meta-model
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
    /** The manifest's hashed form: sorted properties and map keys, no whitespace. */
    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

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
    public ModelManifest save(String modelId, Symbol symbol, FrameSpec spec, BarrierConfig label, TrainingResult r, long createdAt) {
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
                r.trainingVolatility(), null, r.oosScore(), r.holdoutScore(), r.calibration(), Map.of(), "");
        Path dir = root.resolve(modelId);
        Path tmp = dir.resolve(".tmp-" + version);
        try {
            Files.createDirectories(tmp);
            r.cnn().save(tmp.resolve(CNN_FILE));
            if (meta != null) {
                meta.save(tmp);
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
        for (Path p : list) {
            files.put(p.getFileName().toString(), sha256(p));
        }
        return m.withFiles(files, contentHash(m.withFiles(files, "")));
    }

    /** SHA-256 of the manifest's canonical JSON (properties and map keys sorted, no whitespace) without its hash. */
    String contentHash(ModelManifest m) {
        try {
            return sha256(canonical.writeValueAsBytes(m.withFiles(m.files(), "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise manifest " + m.modelId() + " " + m.version(), e);
        }
    }

    /**
     * Makes {@code version} the active one (atomic replace of CURRENT) if it passes the {@link PromotionGate};
     * throws {@link PromotionGate.BelowGateException} (naming the gap) when it does not.
     */
    public PromotionGate.Verdict activate(String modelId, String version) {
        return activate(modelId, version, null);
    }

    /**
     * The one place a version becomes active, for every path (automatic retraining, Train now, annotation training,
     * {@code concord train --activate}, a rollback): the version's out-of-sample baselines are judged by the
     * {@link PromotionGate}; below it, only a {@code confirmation} naming exactly the gap activates it, and that is
     * logged. Returns the verdict.
     */
    public PromotionGate.Verdict activate(String modelId, String version, PromotionGate.Confirmation confirmation) {
        checkId(modelId);
        if (!versions(modelId).contains(version)) {
            throw new IllegalArgumentException("no version " + version + " of " + modelId);
        }
        PromotionGate.Verdict verdict = PromotionGate.judge(manifest(modelId, version).baselines());
        if (!verdict.passed()) {
            if (confirmation == null || !confirmation.gap().equals(verdict.gap())) {
                throw new PromotionGate.BelowGateException(modelId + " " + version, verdict);
            }
            LOG.warn("model {} {} activated BELOW the promotion gate, confirmed by {}: {}", modelId, version, confirmation.by(), verdict.gap());
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
        return verdict;
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
            case BoostedMetaModel.KIND -> List.of("rounds", "maxDepth", "eta", "subsample", "minChildWeight", "colsampleBynode");
            case "mlp" -> List.of("hidden", "epochs", "batchSize", "learningRate");
            default -> null;
        };
        if (need == null) {
            return "unknown metaKind '" + m.metaKind() + "' (" + BoostedMetaModel.KIND + " or mlp)";
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

    /**
     * Loads a version, verifying the manifest's content hash and every file's hash; throws IllegalArgumentException on
     * any mismatch.
     */
    public ModelBundle load(String modelId, String version, StaleGuard guard) {
        return load(modelId, version, null, guard);
    }

    /**
     * As {@link #load(String, String, StaleGuard)}, and refuses a version trained on another frame spec than
     * {@code expected} (window, timeframes, features): its inputs would be read wrongly, every signal garbage.
     */
    public ModelBundle load(String modelId, String version, FrameSpec expected, StaleGuard guard) {
        ModelManifest m = manifest(modelId, version);
        Path dir = root.resolve(modelId).resolve(version);
        if (m.schema() != ModelManifest.SCHEMA) {
            throw new IllegalArgumentException("model " + modelId + " " + version + ": manifest schema " + m.schema() + " is not "
                    + ModelManifest.SCHEMA + " (no content hash); retrain it");
        }
        String expectedHash = contentHash(m);
        if (!expectedHash.equals(m.hash())) {
            throw new IllegalArgumentException("model " + modelId + " " + version + ": the manifest's content hash " + abbrev(m.hash())
                    + " does not match its content (" + abbrev(expectedHash) + "): the manifest was changed after training");
        }
        checkSpec(m, expected);
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
        FrameSpec spec = m.spec();
        CnnSignalModel cnn = CnnSignalModel.load(dir.resolve(CNN_FILE), spec, m.cnn(), m.cnnNormalization().toNormalization());
        cnn.setTemperature(m.temperature());
        MetaModel meta = null;
        try {
            int width = MetaFeatures.length(spec);
            if (BoostedMetaModel.KIND.equals(m.metaKind())) {
                Map<String, Object> p = m.metaParams();
                meta = BoostedMetaModel.load(dir, width, new BoostedMetaModel.Params(num(p, "rounds"), num(p, "maxDepth"), dbl(p, "eta"),
                        dbl(p, "subsample"), dbl(p, "minChildWeight"), dbl(p, "colsampleBynode")));
            } else if ("mlp".equals(m.metaKind())) {
                Map<String, Object> p = m.metaParams();
                meta = MlpMetaModel.load(dir, width, new MlpMetaModel.Params(num(p, "hidden"), num(p, "epochs"), num(p, "batchSize"),
                        ((Number) p.get("learningRate")).floatValue()), m.metaNormalization().toNormalization());
            }
        } catch (RuntimeException e) {
            cnn.close();
            throw e;
        }
        return ModelBundle.of(m, spec, cnn, meta, guard);
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
            return load(modelId, v.get(), spec, guard);
        } catch (RuntimeException e) {
            LOG.error("model {} {} cannot be loaded, cold start: {}", modelId, v.get(), e.getMessage());
            return ModelBundle.coldStart(modelId, spec, "model " + modelId + " " + v.get() + " unusable (" + e.getMessage() + ")");
        }
    }

    private static void checkSpec(ModelManifest m, FrameSpec expected) {
        if (expected == null) {
            return;
        }
        FrameSpec trained = m.spec();
        String why = null;
        if (!trained.equals(expected)) {
            why = "it was trained on frames " + describe(trained) + " but this model is configured for " + describe(expected);
        } else if (!expected.channelNames().equals(m.featureNames()) || !MetaFeatures.names(expected).equals(m.metaFeatureNames())) {
            why = "its feature names " + m.featureNames() + " are not the configured " + expected.channelNames();
        }
        if (why != null) {
            throw new IllegalArgumentException("model " + m.modelId() + " " + m.version() + " refused: " + why
                    + " (retrain it with this configuration, or configure the spec it was trained on)");
        }
    }

    private static String describe(FrameSpec s) {
        return s.timeframes().stream().map(Timeframe::code).collect(Collectors.joining(",")) + " × window " + s.window();
    }

    private static String abbrev(String h) {
        return h == null || h.length() < 12 ? String.valueOf(h) : h.substring(0, 12) + "…";
    }

    private static int num(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).intValue();
    }

    private static double dbl(Map<String, Object> p, String k) {
        return ((Number) p.get(k)).doubleValue();
    }

    static String sha256(Path p) throws IOException {
        return sha256(Files.readAllBytes(p));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
