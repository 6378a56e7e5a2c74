package org.concord.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.concord.coordination.PositionCoordinator;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.config.YamlDoc;
import org.concord.risk.RiskLimits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * What a backtest runs: the data, the range, the orchestrator preset and module switches, the decision horizons the
 * fused decision is traded at, the account (cash, fees, slippage, spot or margin) and risk-limit overrides. Loadable
 * from YAML or JSON (Jackson; unknown keys are refused) and saved with every report. Every field is optional.
 *
 * @param data        {@code bundled} (the bundled Bitstamp trades, replayed trade by trade), {@code bundled-bars}
 *                    (the same trades aggregated to 1m bars, replayed bar by bar) or {@code store} (the 1m bars stored
 *                    in the data directory's SQLite store for {@code symbol})
 * @param from        ISO instant (e.g. {@code 2013-11-26T00:00:00Z}), inclusive; null: from the first event
 * @param to          ISO instant, exclusive; null: to the last event
 * @param warmup      a duration before {@code from} the orchestrator sees without trading ({@code 12h}, {@code 2d}, ISO)
 * @param preset      an orchestrator preset ({@code minimal}, {@code full}, {@code research}) ...
 * @param orchestratorConfig ... or a concord.yaml path (wins over the preset)
 * @param horizons    decision horizons in bars of the decision timeframe (one bucket each); null: the preset's
 *                    decision horizon
 * @param limits      risk-limit overrides by {@link RiskLimits} field name (e.g. {@code maxOrderFraction: 0.1})
 * @param synergy     also run each horizon alone and report combined vs the sum of the runs alone (needs ≥ 2 horizons)
 * @param walkForward rolling train/test windows instead of one range
 * @param coordination how the orchestrator's views are traded (per-source signals, sizing, learner, gates)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestConfig(String description, String symbol, String data, String from, String to, String warmup,
                             String preset, String orchestratorConfig, List<String> enable, List<String> disable,
                             List<Integer> horizons, Double signalSize, Double initialCash, Double makerBps, Double takerBps,
                             Double slippageBps, Boolean allowShort, Map<String, Double> limits, Boolean synergy,
                             WalkForward walkForward, Coordination coordination) {
    public static final List<String> DATA = List.of("bundled", "bundled-bars", "store");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Rolling windows: the orchestrator sees {@code train} (modules warm up, learning modules learn), then trades
     * {@code test}; the next window starts {@code step} later (default: {@code test}).
     */
    public record WalkForward(String train, String test, String step) {
        public WalkForward {
            if (train == null || test == null) {
                throw new IllegalArgumentException("walkForward needs train and test durations (e.g. train: 2d, test: 1d)");
            }
            duration("walkForward.train", train);
            duration("walkForward.test", test);
            if (step != null) {
                duration("walkForward.step", step);
            }
        }

        public long trainMillis() {
            return duration("walkForward.train", train);
        }

        public long testMillis() {
            return duration("walkForward.test", test);
        }

        public long stepMillis() {
            return step == null ? testMillis() : duration("walkForward.step", step);
        }
    }

    /**
     * How the pipeline trades the orchestrator's views; every field optional.
     *
     * @param sourceSignals     true (default): every module and model trades its own view in the bucket of its own
     *                          holding period; false: only the fused decision, at the horizons (the ablation baseline)
     * @param sizing            {@code fixed} (default, fixed fractional) or {@code kelly} (half Kelly once 30 bucket
     *                          trades are known)
     * @param learner           source weights: {@code ucb} (default), {@code feedback} or {@code equal} (no learning)
     * @param minMetaConfidence the meta-labeling gate: signals with a meta confidence below it are not traded
     * @param vpinThreshold     VPIN above which sizes shrink
     * @param resizeBand        a held book is resized only when its target is at least this fraction of it away
     *                          (default {@link PositionCoordinator#DEFAULT_RESIZE_BAND}; 0: every change is traded)
     */
    public record Coordination(Boolean sourceSignals, String sizing, String learner, Double minMetaConfidence, Double vpinThreshold,
                               Double resizeBand) {
        public static final List<String> SIZING = List.of("fixed", "kelly");
        public static final List<String> LEARNERS = List.of("ucb", "feedback", "equal");

        public Coordination {
            sourceSignals = sourceSignals == null || sourceSignals;
            sizing = sizing == null ? "fixed" : sizing;
            learner = learner == null ? "ucb" : learner;
            if (!SIZING.contains(sizing)) {
                throw new IllegalArgumentException("coordination.sizing must be one of " + SIZING + ", got '" + sizing + "'");
            }
            if (!LEARNERS.contains(learner)) {
                throw new IllegalArgumentException("coordination.learner must be one of " + LEARNERS + ", got '" + learner + "'");
            }
            unit("coordination.minMetaConfidence", minMetaConfidence);
            unit("coordination.vpinThreshold", vpinThreshold);
            if (resizeBand != null && !(resizeBand >= 0 && resizeBand < 1)) {
                throw new IllegalArgumentException("coordination.resizeBand must be in [0, 1), got " + resizeBand);
            }
        }

        public static Coordination defaults() {
            return new Coordination(null, null, null, null, null, null);
        }

        public Coordination withSourceSignals(boolean on) {
            return new Coordination(on, sizing, learner, minMetaConfidence, vpinThreshold, resizeBand);
        }

        public Coordination withSizing(String s) {
            return new Coordination(sourceSignals, s, learner, minMetaConfidence, vpinThreshold, resizeBand);
        }

        public Coordination withLearner(String l) {
            return new Coordination(sourceSignals, sizing, l, minMetaConfidence, vpinThreshold, resizeBand);
        }

        public Coordination withMinMetaConfidence(double m) {
            return new Coordination(sourceSignals, sizing, learner, m, vpinThreshold, resizeBand);
        }

        public Coordination withVpinThreshold(double v) {
            return new Coordination(sourceSignals, sizing, learner, minMetaConfidence, v, resizeBand);
        }

        public Coordination withResizeBand(double band) {
            return new Coordination(sourceSignals, sizing, learner, minMetaConfidence, vpinThreshold, band);
        }

        private static void unit(String field, Double v) {
            if (v != null && !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(field + " must be in [0, 1], got " + v);
            }
        }
    }

    public BacktestConfig {
        coordination = coordination == null ? Coordination.defaults() : coordination;
        description = description == null ? "backtest" : description;
        symbol = symbol == null ? "BTCUSD" : symbol;
        data = data == null ? "bundled" : data;
        if (!DATA.contains(data)) {
            throw new IllegalArgumentException("data must be one of " + DATA + ", got '" + data + "'");
        }
        if (from != null) {
            instant("from", from);
        }
        if (to != null) {
            instant("to", to);
        }
        if (from != null && to != null && instant("from", from) >= instant("to", to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
        if (warmup != null) {
            duration("warmup", warmup);
        }
        if (preset == null && orchestratorConfig == null) {
            preset = "full";
        }
        enable = enable == null ? List.of() : List.copyOf(enable);
        disable = disable == null ? List.of() : List.copyOf(disable);
        if (horizons != null) {
            horizons = List.copyOf(horizons);
        }
        signalSize = signalSize == null ? 1.0 : signalSize;
        initialCash = initialCash == null ? 10_000.0 : initialCash;
        makerBps = makerBps == null ? 10.0 : makerBps;
        takerBps = takerBps == null ? 10.0 : takerBps;
        slippageBps = slippageBps == null ? 2.0 : slippageBps;
        allowShort = allowShort != null && allowShort;
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        riskLimits(limits); // fails early on an unknown or out-of-range limit
        synergy = synergy != null && synergy;
        if (synergy && (horizons == null || horizons.size() < 2)) {
            throw new IllegalArgumentException("synergy needs at least two horizons (one bucket each) to run alone");
        }
        if (!(signalSize > 0 && signalSize <= 1)) {
            throw new IllegalArgumentException("signalSize must be in (0, 1], got " + signalSize);
        }
        // the account's cash and costs are typed on the Backtest tab too: refused here, by name, not run as nonsense
        if (!(initialCash > 0) || initialCash.isInfinite()) {
            throw new IllegalArgumentException("initialCash must be a positive amount, got " + initialCash);
        }
        bps("makerBps", makerBps, -MAX_BPS); // a maker rebate is a negative fee
        bps("takerBps", takerBps, 0);
        bps("slippageBps", slippageBps, 0);
    }

    /** Fees and slippage above this (10 %) are a typo, not a market. */
    public static final double MAX_BPS = 1000;

    private static void bps(String name, double v, double min) {
        if (!(v >= min && v <= MAX_BPS)) {
            throw new IllegalArgumentException(name + " must be between " + (long) min + " and " + (long) MAX_BPS + " bps, got " + v);
        }
    }

    /** Defaults: the bundled trades, the full preset, the preset's horizon, 10,000 USD spot, 10/10 bps, 2 bps. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** Reads a YAML or JSON file; an error names the file, the line and the key where the parser knows them, and what is wrong. */
    public static BacktestConfig load(Path file) {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            return YAML.readValue(bytes, BacktestConfig.class);
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            if (root instanceof IllegalArgumentException && root != e) {
                msg = root.getMessage();
            }
            if (bytes != null && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                // name the key and its line: the parser's own location is past the value
                StringBuilder pointer = new StringBuilder();
                for (JsonMappingException.Reference r : m.getPath()) {
                    pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
                }
                try {
                    String located = YamlDoc.parse(new String(bytes, StandardCharsets.UTF_8),
                            file.toString()).error(pointer.toString(), msg).getMessage();
                    throw new IllegalArgumentException("backtest config " + located, e);
                } catch (ConfigException unparsable) {
                    // not YAML after all: report without the line
                }
            }
            throw new IllegalArgumentException("backtest config " + file + ": " + msg, e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public BacktestConfig withRange(String newFrom, String newTo) {
        return new BacktestConfig(description, symbol, data, newFrom, newTo, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withPreset(String p) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, p, null, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withWalkForward(WalkForward w) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, w, coordination);
    }

    public BacktestConfig withData(String d) {
        return new BacktestConfig(description, symbol, d, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withModules(List<String> on, List<String> off) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, on, off,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withHorizons(List<Integer> h, boolean runSynergy) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                h, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, runSynergy, walkForward, coordination);
    }

    public BacktestConfig withCosts(double maker, double taker, double slippage) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, maker, taker, slippage, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withCash(double cash) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, cash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    public BacktestConfig withSymbol(String s) {
        return new BacktestConfig(description, s, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    /** Risk-limit overrides by {@link RiskLimits} field name (replacing any before; validated as in a file). */
    public BacktestConfig withLimits(Map<String, Double> l) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, l, synergy, walkForward, coordination);
    }

    public BacktestConfig withCoordination(Coordination c) {
        return new BacktestConfig(description, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, c);
    }

    public BacktestConfig withDescription(String d) {
        return new BacktestConfig(d, symbol, data, from, to, warmup, preset, orchestratorConfig, enable, disable,
                horizons, signalSize, initialCash, makerBps, takerBps, slippageBps, allowShort, limits, synergy, walkForward, coordination);
    }

    /** {@code from} in epoch ms, or {@code Long.MIN_VALUE}. */
    public long fromMillis() {
        return from == null ? Long.MIN_VALUE : instant("from", from);
    }

    /** {@code to} in epoch ms, or {@code Long.MAX_VALUE}. */
    public long toMillis() {
        return to == null ? Long.MAX_VALUE : instant("to", to);
    }

    public long warmupMillis() {
        return warmup == null ? 0 : duration("warmup", warmup);
    }

    /** The default risk limits with the overrides applied. */
    public RiskLimits riskLimits() {
        return riskLimits(limits);
    }

    private static RiskLimits riskLimits(Map<String, Double> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return RiskLimits.defaults();
        }
        ObjectNode tree = JSON.valueToTree(RiskLimits.defaults());
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!tree.has(e.getKey())) {
                throw new IllegalArgumentException("limits: unknown risk limit '" + e.getKey() + "' (known: "
                        + String.join(", ", (Iterable<String>) tree::fieldNames) + ")");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("limits." + e.getKey() + " has no value");
            }
            tree.put(e.getKey(), e.getValue());
        }
        try {
            return JSON.treeToValue(tree, RiskLimits.class);
        } catch (IOException | RuntimeException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("limits: " + c.getMessage(), e);
        }
    }

    static long instant(String field, String text) {
        try {
            return Instant.parse(text.trim()).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(field + ": '" + text + "' is not an ISO instant (2013-11-26T00:00:00Z) or date");
            }
        }
    }

    /** {@code 90m}, {@code 36h}, {@code 2d} or ISO-8601 ({@code PT36H}); must be positive. */
    static long duration(String field, String text) {
        String t = text == null ? "" : text.trim();
        long ms;
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                ms = Duration.parse(t).toMillis();
            } else if (t.length() >= 2) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                ms = switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                    case 'm' -> n * Timeframe.M1.millis();
                    case 'h' -> n * Timeframe.H1.millis();
                    case 'd' -> n * Timeframe.D1.millis();
                    default -> throw new NumberFormatException();
                };
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a duration (90m, 36h, 2d or ISO PT36H)");
        }
        if (ms <= 0) {
            throw new IllegalArgumentException(field + ": '" + text + "' must be positive");
        }
        return ms;
    }
}
