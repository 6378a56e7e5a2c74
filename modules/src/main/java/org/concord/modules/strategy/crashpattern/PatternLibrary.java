package org.concord.modules.strategy.crashpattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.model.BarSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The crash-pattern library: a directory of JSON files ({@code <data-dir>/patterns/} by default), one window each,
 * that the user adds by hand or saves from an annotation ({@link #saveWindow}).
 *
 * <p><b>File format</b> (schema 1):
 * <pre>
 * { "schema": 1, "name": "btc-2020-03-12", "description": "optional",
 *   "source": { "symbol": "BTCUSD", "timeframe": "1h", "from": 1583971200000, "to": 1584057600000 },   (optional)
 *   "values": [ 7950.1, 7890.4, ... ] }                       — a path of closes, or
 *   "bars": [ { "time": ..., "open": ..., "high": ..., "low": ..., "close": ..., "volume": ... }, ... ]   — OHLC rows
 *                                                                 (objects, or arrays [time, o, h, l, c, v])
 * </pre>
 * plus an optional {@code "knownFrom"} (epoch ms): the first decision time at which the pattern may be matched. Without
 * it a pattern with a {@code source} is known from {@code source.to} (a window cut from history is known once it is
 * over: matching it earlier would be lookahead), one without a source at any time.
 * Only the closes' shape is used. A file that cannot be read (not JSON, another schema, no values, fewer than the
 * minimum or more than the maximum values, a non-finite or flat path) is reported in one line and skipped; the
 * others load. Files are read in name order, so the library is the same on every run.
 */
public final class PatternLibrary {
    public static final int SCHEMA = 1;
    public static final String DIRECTORY = "patterns";
    private static final Logger LOG = LoggerFactory.getLogger(PatternLibrary.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[^a-z0-9._-]+");

    /** What a load found: the patterns, and one line per skipped file. */
    public record Loaded(List<Pattern> patterns, List<String> problems) {
        public Loaded {
            patterns = List.copyOf(patterns);
            problems = List.copyOf(problems);
        }
    }

    private final Path dir;
    private final int minLength;
    private final int maxLength;

    public PatternLibrary(Path dir, int minLength, int maxLength) {
        if (dir == null) {
            throw new IllegalArgumentException("directory is null");
        }
        if (minLength < 2 || maxLength < minLength) {
            throw new IllegalArgumentException("need 2 <= minLength <= maxLength, got " + minLength + ", " + maxLength);
        }
        this.dir = dir;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The library of a data directory ({@code <dataDir>/patterns}), with the default limits (8..1000 values). */
    public static PatternLibrary inDataDir(Path dataDir) {
        return new PatternLibrary(dataDir.resolve(DIRECTORY), 8, 1000);
    }

    public Path directory() {
        return dir;
    }

    /** Reads every {@code *.json} file of the directory (none when it does not exist). */
    public Loaded load() {
        List<Pattern> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Loaded(out, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            problems.add(dir + ": cannot list the directory: " + e.getMessage());
        }
        files.sort(null);
        for (Path f : files) {
            try {
                out.add(read(f));
            } catch (IOException | RuntimeException e) {
                String line = dir.getFileName() + "/" + f.getFileName() + ": " + e.getMessage() + ": skipped";
                problems.add(line);
                LOG.warn("crash-pattern library: {}", line);
            }
        }
        return new Loaded(out, problems);
    }

    private Pattern read(Path f) throws IOException {
        JsonNode doc;
        try {
            doc = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int schema = doc.path("schema").asInt(-1);
        if (schema != SCHEMA) {
            throw new IllegalArgumentException("unsupported schema " + doc.path("schema") + " (expected " + SCHEMA + ")");
        }
        String file = f.getFileName().toString();
        String name = doc.path("name").asText(file.substring(0, file.length() - ".json".length()));
        double[] closes;
        if (doc.has("values")) {
            closes = numbers(doc.get("values"));
        } else if (doc.has("bars")) {
            closes = closes(doc.get("bars"));
        } else {
            throw new IllegalArgumentException("neither 'values' nor 'bars'");
        }
        if (closes.length < minLength || closes.length > maxLength) {
            throw new IllegalArgumentException(closes.length + " values, expected " + minLength + ".." + maxLength);
        }
        return Pattern.of(name, closes, f, knownFrom(doc));
    }

    private static long knownFrom(JsonNode doc) {
        JsonNode k = doc.has("knownFrom") ? doc.get("knownFrom") : doc.path("source").get("to");
        if (k == null || k.isNull()) {
            return Pattern.ALWAYS;
        }
        if (!k.canConvertToLong()) {
            throw new IllegalArgumentException("knownFrom / source.to is not a time in epoch milliseconds: " + k);
        }
        return k.asLong();
    }

    private static double[] numbers(JsonNode a) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("'values' is not a list");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = a.get(i);
            if (!n.isNumber()) {
                throw new IllegalArgumentException("value " + i + " is not a number: " + n);
            }
            v[i] = n.doubleValue();
        }
        return v;
    }

    private static double[] closes(JsonNode a) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("'bars' is not a list");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode b = a.get(i);
            JsonNode c = b.isArray() ? b.get(4) : b.get("close");
            if (c == null || !c.isNumber()) {
                throw new IllegalArgumentException("bar " + i + " has no numeric close");
            }
            v[i] = c.doubleValue();
        }
        return v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Saves {@code window} (e.g. the bars of an annotation) as a pattern file named after {@code name}; refuses to
     * replace an existing pattern. The file is written whole (temporary file, then moved), so a reader never sees
     * half of it.
     *
     * @return the file written
     */
    public Path saveWindow(String name, BarSeries window) throws IOException {
        return saveWindow(name, window, false);
    }

    /** {@link #saveWindow(String, BarSeries)}, replacing an existing pattern of that name when {@code replace}. */
    public Path saveWindow(String name, BarSeries window, boolean replace) throws IOException {
        Path target = save(name, null, window, window == null || window.isEmpty() ? Pattern.ALWAYS : window.timeframe().closeTime(window.lastTime()), replace);
        LOG.info("crash-pattern library: saved '{}' ({} bars of {} {}) to {}", name, window.size(), window.symbol(), window.timeframe(), target);
        return target;
    }

    /**
     * Saves {@code window} as a pattern known from {@code knownFrom} (e.g. a crash's confirmation, after the window
     * ends), with a description; refuses to replace an existing pattern.
     */
    public Path saveEpisode(String name, String description, BarSeries window, long knownFrom) throws IOException {
        return save(name, description, window, knownFrom, false);
    }

    private Path save(String name, String description, BarSeries window, long knownFrom, boolean replace) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pattern needs a name");
        }
        if (window == null || window.size() < minLength || window.size() > maxLength) {
            throw new IllegalArgumentException("a pattern window needs " + minLength + ".." + maxLength + " bars, got "
                    + (window == null ? "none" : window.size()));
        }
        double[] closes = window.closes();
        Pattern.of(name, closes, null); // validates: finite, not flat
        String file = SAFE.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll("-");
        Path target = dir.resolve(file + ".json");
        if (Files.exists(target) && !replace) {
            throw new IllegalArgumentException("pattern file " + target + " exists (pass replace to overwrite)");
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schema", SCHEMA);
        doc.put("name", name.trim());
        if (description != null) {
            doc.put("description", description);
        }
        doc.put("knownFrom", knownFrom);
        ObjectNode src = doc.putObject("source");
        src.put("symbol", window.symbol().code());
        src.put("timeframe", window.timeframe().code());
        src.put("from", window.time(0));
        src.put("to", window.timeframe().closeTime(window.lastTime()));
        ArrayNode bars = doc.putArray("bars");
        for (int i = 0; i < window.size(); i++) {
            ObjectNode b = bars.addObject();
            b.put("time", window.time(i));
            b.put("open", window.open(i));
            b.put("high", window.high(i));
            b.put("low", window.low(i));
            b.put("close", window.close(i));
            b.put("volume", window.volume(i));
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), doc);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
