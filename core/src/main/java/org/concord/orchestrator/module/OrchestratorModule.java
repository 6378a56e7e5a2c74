package org.concord.orchestrator.module;

import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analysis or strategy unit the orchestrator runs on its decision thread. Found with {@link java.util.ServiceLoader}
 * (register the class in {@code META-INF/services/org.concord.orchestrator.module.OrchestratorModule} and annotate it
 * with {@link ModuleInfo}).
 *
 * <p><b>Contract.</b> The constructor is cheap (the catalog may create an instance just to read its id); real set-up
 * happens in {@link #initialize}. All other methods are called on the decision thread only, so a module keeps plain
 * (unsynchronized) incremental state updated by the event hooks and answers {@link #features} / {@link #predictions}
 * from it cheaply. Every call is timed against the module's budget; a call that throws, returns a non-finite value
 * or overruns counts a strike (see {@code FaultPolicy}). Outputs at a decision time must depend only on events up to
 * that time (no lookahead): the decision bar's close is the last bar a module has seen when asked.
 */
public interface OrchestratorModule extends AutoCloseable {
    /** Stable id used in the configuration, the feature names and the UI (lower-case, dashes). */
    String id();

    default String description() {
        ModuleInfo info = getClass().getAnnotation(ModuleInfo.class);
        return info == null ? "" : info.description();
    }

    /**
     * How long a position taken on this module's view is meant to be held (it picks the coordination bucket the
     * module's own signal trades in), or null to use each prediction's horizon. Default: {@link ModuleInfo#holding()}.
     * Read once when the module is loaded; a module may override it to derive the holding from its settings.
     */
    default Duration holding() {
        ModuleInfo info = getClass().getAnnotation(ModuleInfo.class);
        if (info == null || info.holding().isEmpty()) {
            return null;
        }
        Duration d = Duration.parse(info.holding());
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException("module " + id() + " declares a holding of " + info.holding() + ": it must be positive");
        }
        return d;
    }

    /** Sets the module up; may read the context's configuration and history. Called once, before any event. */
    void initialize(ModuleContext ctx) throws Exception;

    /** Names of {@link #features}' values, fixed after {@link #initialize}. Empty when the module has no features. */
    List<String> featureNames();

    /**
     * Current features for {@code symbol}, in {@link #featureNames()} order. The array may be reused by the module:
     * the orchestrator copies it at once. Values must be finite (encode "not ready" with a 0 and a readiness flag).
     */
    double[] features(Symbol symbol);

    /** Current directional views for {@code symbol} (empty when none). The first one votes in the fusion. */
    List<Prediction> predictions(Symbol symbol);

    /** Bar closes of the timeframes in {@link #timeframes()} are delivered; the others are not. */
    default Set<Timeframe> timeframes() {
        return Set.of();
    }

    /** How many closed bars per timeframe to replay into the module after a (re-)enable, from history. */
    default int warmupBars() {
        return 0;
    }

    default void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low,
                            double close, double volume) {
    }

    /** Trades (only when the orchestrator's feed has trades on). */
    default void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker) {
    }

    /** Order-book snapshots (only when the orchestrator's feed has books on). */
    default void onBook(OrderBookSnapshot book) {
    }

    /** Drops all incremental state: called before the warm-up that follows a re-enable. */
    void reset();

    /**
     * A module-specific command from the UI or the bus ("trigger", "status"...), run on the decision thread.
     *
     * @return a short human-readable result
     */
    default String command(String name, Map<String, String> args) {
        throw new UnsupportedOperationException("module " + id() + " has no command '" + name + "'");
    }

    @Override
    default void close() {
    }
}
