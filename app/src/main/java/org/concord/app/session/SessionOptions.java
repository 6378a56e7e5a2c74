package org.concord.app.session;

import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.training.TrainingConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a desktop session starts. Built from the command line by {@link #parse}; tests build it directly.
 *
 * @param dataDir       the data directory (SQLite store, concord.yaml, models, ui-state.json)
 * @param busUri        {@code inproc:} (local: this process runs the orchestrator) or {@code redis://...} (remote view)
 * @param preset        a preset to write to concord.yaml when the file does not exist yet (default {@code full})
 * @param replaySpeed   speed of the bundled replay the session starts with (local mode)
 * @param replaySkipMillis tape time played at once before the replay goes on at {@code replaySpeed} (a chart with history)
 * @param startFeed     start the replay at once (local mode)
 * @param training      the training model's configuration (null: {@code TrainingConfig.defaults(BTCUSD)})
 * @param extraModules  modules added by hand to the orchestrator's catalog (tests, embedding)
 * @param venue         the venue the session's market data comes from ({@code binance}, {@code bitstamp} for the bundled
 *                      replay; null: the orchestrator's symbols as written): they are mapped onto its symbols
 *                      ({@link org.concord.config.ConcordConfig#on})
 */
public record SessionOptions(Path dataDir, String busUri, String preset, double replaySpeed, long replaySkipMillis, boolean startFeed,
                             TrainingConfig training, Map<String, Supplier<OrchestratorModule>> extraModules, String venue) {
    public static final double DEFAULT_SPEED = 600;
    public static final long DEFAULT_SKIP = 2 * 86_400_000L;

    public SessionOptions {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        busUri = busUri == null || busUri.isBlank() ? "inproc:" : busUri.trim();
        if (!(replaySpeed > 0)) {
            throw new IllegalArgumentException("replay speed must be > 0, got " + replaySpeed);
        }
        extraModules = extraModules == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extraModules));
    }

    public static SessionOptions defaults(Path dataDir) {
        return new SessionOptions(dataDir, "inproc:", null, DEFAULT_SPEED, DEFAULT_SKIP, true, null, Map.of(), null);
    }

    /** True when another process runs the orchestrator and this desktop only views and steers it over the bus. */
    public boolean remote() {
        return !busUri.startsWith("inproc");
    }

    public SessionOptions withBus(String uri) {
        return new SessionOptions(dataDir, uri, preset, replaySpeed, replaySkipMillis, startFeed, training, extraModules, venue);
    }

    public SessionOptions withPreset(String p) {
        return new SessionOptions(dataDir, busUri, p, replaySpeed, replaySkipMillis, startFeed, training, extraModules, venue);
    }

    public SessionOptions withReplay(double speed, long skipMillis, boolean start) {
        return new SessionOptions(dataDir, busUri, preset, speed, skipMillis, start, training, extraModules, venue);
    }

    public SessionOptions withVenue(String v) {
        return new SessionOptions(dataDir, busUri, preset, replaySpeed, replaySkipMillis, startFeed, training, extraModules, v);
    }

    public SessionOptions withTraining(TrainingConfig t) {
        return new SessionOptions(dataDir, busUri, preset, replaySpeed, replaySkipMillis, startFeed, t, extraModules, venue);
    }

    public SessionOptions withModule(String id, Supplier<OrchestratorModule> factory) {
        Map<String, Supplier<OrchestratorModule>> m = new LinkedHashMap<>(extraModules);
        m.put(id, factory);
        return new SessionOptions(dataDir, busUri, preset, replaySpeed, replaySkipMillis, startFeed, training, m, venue);
    }

    /**
     * The desktop's own arguments: {@code --bus URI}, {@code --data-dir DIR}, {@code --preset NAME},
     * {@code --speed X}, {@code --no-replay}. Unknown arguments are refused with a clear message.
     */
    public static SessionOptions parse(String[] args, Path defaultDataDir) {
        SessionOptions o = defaults(defaultDataDir);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            boolean inline = a.contains("=");
            String value = inline ? a.substring(a.indexOf('=') + 1) : null;
            if (key.equals("--no-replay")) {
                o = o.withReplay(o.replaySpeed, o.replaySkipMillis, false);
                continue;
            }
            if (!inline) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + key + " needs a value");
                }
                value = args[++i];
            }
            switch (key) {
                case "--bus" -> o = o.withBus(value);
                case "--data-dir" -> o = new SessionOptions(Path.of(value), o.busUri, o.preset, o.replaySpeed, o.replaySkipMillis,
                        o.startFeed, o.training, o.extraModules, o.venue);
                case "--preset" -> o = o.withPreset(value);
                case "--speed" -> o = o.withReplay("max".equalsIgnoreCase(value) ? Double.POSITIVE_INFINITY : Double.parseDouble(value),
                        o.replaySkipMillis, o.startFeed);
                default -> throw new IllegalArgumentException("unknown desktop option '" + key
                        + "' (known: --bus, --data-dir, --preset, --speed, --no-replay; subcommands: concord --help)");
            }
        }
        return o;
    }
}
