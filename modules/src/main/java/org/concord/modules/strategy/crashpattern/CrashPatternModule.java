package org.concord.modules.strategy.crashpattern;

import org.concord.indicators.DelayLine;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.DataDirs;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.SharedModuleState;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Crash-pattern detector: on every bar close, the last m closes (m = each pattern's length) are z-normalized and
 * compared with every library window by dynamic time warping within a Sakoe-Chiba band ({@link Dtw}). The best
 * match gives {@code score = 100 · exp(−distance / distanceScale)} (100 = the same shape), its name, and a level:
 * GREEN below {@code amber}, AMBER from {@code amber}, RED from {@code red}. RED is a SELL with confidence
 * score/100; GREEN and AMBER are HOLD with that confidence.
 *
 * <p>The library ({@link PatternLibrary}) is loaded at initialize from {@code directory} (default
 * {@code <data-dir>/patterns}) and again on the {@code reload} command (on a background thread; the new library
 * applies from the next bar); bad files are reported in one line each and skipped ({@code status} lists them).
 *
 * <p>A library directory that does not exist yet is created with the crashes of the bundled data
 * ({@link BundledPatterns}; setting {@code seed}, default true). A pattern is matched only from its {@code knownFrom}
 * time on (a window cut from history once its episode was over), so a backtest never meets a crash it has not seen yet.
 *
 * <p>Detectors of one orchestrator that read the same directory share the loaded library ({@link SharedLibrary}), so
 * those with equal settings (the module and the composite's member in the full preset) share their bar state too and
 * run the DTW once per bar.
 *
 * <p>Settings: {@code directory} ("patterns", relative to the data directory), {@code seed} true, {@code bandFraction} 0.1,
 * {@code distanceScale} 0.3, {@code amber} 60, {@code red} 80, {@code minLength} 8, {@code maxLength} 1000, plus the
 * common ones. Features: {@code ready} (a pattern was compared), {@code score} (/100), {@code level} (0 green,
 * 1 amber, 2 red), {@code patterns} (library size).
 */
@ModuleInfo(id = CrashPatternModule.ID, description = "Crash-pattern detector: DTW similarity of the recent path to a library of windows; GREEN/AMBER/RED",
        settings = {"timeframe", "horizonBars", "warmupBars", "directory", "seed", "minLength", "maxLength", "bandFraction", "distanceScale", "amber", "red"},
        holding = "PT4H")
public final class CrashPatternModule extends StrategyModule {
    public static final String ID = "crash-pattern";
    private static final Logger LOG = LoggerFactory.getLogger(CrashPatternModule.class);
    private static final List<String> NAMES = List.of("ready", "score", "level", "patterns");
    private static final String[] LEVELS = {"GREEN", "AMBER", "RED"};

    private SharedLibrary library;
    private double bandFraction = 0.1;
    private double distanceScale = 0.3;
    private double amber = 60;
    private double red = 80;
    private int maxLength = 1000;
    private ExecutorService reloader;
    // scratch buffers shared by all symbols (single decision thread)
    private double[] window = new double[0];
    private double[] query = new double[0];
    private Dtw dtw;
    // Keogh envelopes of the loaded library (rebuilt when a reload replaced it) and per-bar lower bounds / order
    private List<Pattern> enveloped = List.of();
    private double[][] uppers = new double[0][];
    private double[][] lowers = new double[0][];
    private double[] bounds = new double[0];
    private int[] order = new int[0];

    public CrashPatternModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        String directory = s.text("directory", PatternLibrary.DIRECTORY);
        bandFraction = s.number("bandFraction", 0.1, 0, 1);
        distanceScale = s.positive("distanceScale", 0.3);
        amber = s.number("amber", 60, 0, 100);
        red = s.number("red", 80, 0, 100);
        if (amber > red) {
            throw new IllegalArgumentException("module " + ID + ": amber " + amber + " must not be above red " + red);
        }
        int minLength = s.integer("minLength", 8, 2);
        maxLength = s.integer("maxLength", 1000, minLength);
        Path dir = DataDirs.resolve(ctx.data(), directory);
        boolean seed = s.flag("seed", true);
        SharedModuleState shared = ctx.services().get(SharedModuleState.class).orElse(null);
        library = shared == null ? open(dir, minLength, maxLength, seed)
                : shared.get(new SharedLibrary.Key(dir, minLength, maxLength), SharedLibrary.class, () -> open(dir, minLength, maxLength, seed));
        window = new double[maxLength];
        query = new double[maxLength];
        dtw = new Dtw(maxLength);
    }

    private static SharedLibrary open(Path dir, int minLength, int maxLength, boolean seed) {
        PatternLibrary files = new PatternLibrary(dir, minLength, maxLength);
        if (seed && !Files.exists(dir)) {
            try {
                BundledPatterns.seed(files);
            } catch (IOException e) {
                throw new UncheckedIOException("module " + ID + ": writing the bundled crash patterns to " + dir + ": " + e.getMessage(), e);
            }
        }
        SharedLibrary l = new SharedLibrary(files);
        PatternLibrary.Loaded loaded = l.loaded();
        LOG.info("crash-pattern: {} patterns from {}{}", loaded.patterns().size(), dir,
                loaded.problems().isEmpty() ? "" : " (" + loaded.problems().size() + " files skipped)");
        return l;
    }

    /** Keeps the bar's close time: the detector uses only patterns known by then. */
    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        library.barClosedAt(tf.closeTime(openTime));
        super.onBarClose(symbol, tf, openTime, open, high, low, close, volume);
    }

    @Override
    protected int defaultWarmup() {
        return Math.min(maxLength, 1000);
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    /** The library as loaded last: patterns and the problems of the skipped files. */
    public PatternLibrary.Loaded library() {
        return library.loaded();
    }

    public Path directory() {
        return library.files().directory();
    }

    /**
     * Reloads the library on the module's reload thread (in order); the new one applies from the next bar, for every
     * detector sharing it.
     */
    public synchronized CompletableFuture<PatternLibrary.Loaded> reload() {
        if (reloader == null) {
            reloader = Executors.newSingleThreadExecutor(Daemons.named("crash-pattern-reload"));
        }
        return CompletableFuture.supplyAsync(library::reload, reloader);
    }

    @Override
    public String command(String name, Map<String, String> args) {
        return switch (name) {
            case "reload" -> {
                reload();
                yield "reloading patterns from " + directory();
            }
            case "status" -> {
                PatternLibrary.Loaded l = library.loaded();
                yield l.patterns().size() + " patterns in " + directory()
                        + (l.problems().isEmpty() ? "" : "; skipped: " + String.join("; ", l.problems()));
            }
            default -> super.command(name, args);
        };
    }

    @Override
    public synchronized void close() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    /** {@code 100 · exp(−distance / scale)}. */
    static double score(double distance, double scale) {
        return 100 * Math.exp(-distance / scale);
    }

    /** Envelopes of {@code lib}'s patterns, rebuilt only when a reload replaced the library. */
    private void prepareEnvelopes(List<Pattern> lib) {
        if (lib == enveloped) {
            return;
        }
        int k = lib.size();
        uppers = new double[k][];
        lowers = new double[k][];
        for (int p = 0; p < k; p++) {
            double[] v = lib.get(p).raw();
            uppers[p] = new double[v.length];
            lowers[p] = new double[v.length];
            Dtw.envelope(v, v.length, Dtw.band(v.length, bandFraction), uppers[p], lowers[p]);
        }
        bounds = new double[k];
        order = new int[k];
        enveloped = lib;
    }

    /** Insertion sort of {@code order[0..n)} by bound, then library index (libraries are small). */
    private void sortByBound(int n) {
        for (int i = 1; i < n; i++) {
            int p = order[i];
            int j = i - 1;
            while (j >= 0 && (bounds[order[j]] > bounds[p] || (bounds[order[j]] == bounds[p] && order[j] > p))) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = p;
        }
    }

    @Override
    protected StrategyState newState() {
        return new State();
    }

    private final class State extends StrategyState {
        final DelayLine closes = new DelayLine(maxLength);
        int compared;
        int patterns;
        int shortest;
        double score;
        double distance;
        String best;
        int bestLength;
        int level;

        State() {
            super(NAMES.size());
        }

        private int normalizedLength = -1;

        /** The last {@code m} closes, z-normalized, in {@code query} (kept while the length does not change). */
        private void normalizeQuery(int m) {
            if (m != normalizedLength) {
                for (int i = 0; i < m; i++) {
                    window[i] = closes.ago(m - 1 - i);
                }
                Dtw.normalize(window, m, query);
                normalizedLength = m;
            }
        }

        /**
         * The nearest pattern by DTW, exactly as a scan of the whole library in order would find it (ties go to the
         * earlier pattern), but cheaper: every eligible pattern gets its LB_Keogh bound first, DTW runs in the
         * order of those bounds, early-abandoned at the best so far, and a pattern whose bound cannot beat the best
         * is skipped. On the bundled data that leaves one or two DTW runs per bar instead of one per pattern.
         */
        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            closes.add(close);
            List<Pattern> lib = library.loaded().patterns();
            long now = library.now();
            prepareEnvelopes(lib);
            patterns = lib.size();
            compared = 0;
            shortest = Integer.MAX_VALUE;
            double bestDistance = Double.POSITIVE_INFINITY;
            int bestIndex = -1;
            int have = closes.size();
            normalizedLength = -1;
            int n = 0;
            for (int p = 0; p < lib.size(); p++) {
                int m = lib.get(p).length();
                shortest = Math.min(shortest, m);
                if (m > have || !lib.get(p).knownAt(now)) {
                    continue;
                }
                normalizeQuery(m);
                bounds[p] = Dtw.lowerBound(query, m, uppers[p], lowers[p]);
                order[n++] = p;
                compared++;
            }
            sortByBound(n);
            for (int k = 0; k < n; k++) {
                int p = order[k];
                double lb = bounds[p];
                if (lb > bestDistance || (lb == bestDistance && p > bestIndex)) {
                    continue; // its DTW distance is at least its bound: it cannot win
                }
                Pattern pat = lib.get(p);
                int m = pat.length();
                normalizeQuery(m);
                // abandoned as soon as it cannot beat the best so far (exact when it does)
                double d = dtw.distance(query, m, pat.raw(), m, Dtw.band(m, bandFraction), bestDistance);
                if (d < bestDistance || (d == bestDistance && p < bestIndex)) {
                    bestDistance = d;
                    bestIndex = p;
                }
            }
            Pattern bestPattern = bestIndex < 0 ? null : lib.get(bestIndex);
            if (bestPattern == null) {
                score = 0;
                level = 0;
                best = null;
                hold();
                return;
            }
            distance = bestDistance;
            score = score(bestDistance, distanceScale);
            best = bestPattern.name();
            bestLength = bestPattern.length();
            level = score >= red ? 2 : score >= amber ? 1 : 0;
            view(level == 2 ? Action.SELL : Action.HOLD, score / 100);
        }

        @Override
        public boolean ready() {
            return compared > 0;
        }

        @Override
        protected void fill(double[] o) {
            o[0] = 1;
            o[1] = score / 100;
            o[2] = level;
            o[3] = patterns;
        }

        @Override
        public String rationale() {
            if (patterns == 0) {
                return "GREEN: no patterns in " + directory();
            }
            if (!ready() && closes.size() >= shortest) {
                return "GREEN: none of the " + patterns + " patterns is known yet (each from the end of its episode)";
            }
            if (!ready()) {
                return "GREEN: " + closes.size() + " bars, the shortest pattern needs " + shortest;
            }
            StringBuilder sb = new StringBuilder(96).append(LEVELS[level]).append(": score ");
            Fmt.num(sb, score, 3).append(" vs '").append(best).append("' (DTW ");
            Fmt.fixed(sb, distance, 3).append(" over ").append(bestLength).append(" bars; ").append(compared).append(" of ")
                    .append(patterns).append(" patterns)");
            return sb.toString();
        }
    }
}
