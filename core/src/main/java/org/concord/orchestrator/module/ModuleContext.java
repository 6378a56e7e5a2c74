package org.concord.orchestrator.module;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.Direction;
import org.slf4j.Logger;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What a module gets at {@link OrchestratorModule#initialize}: read-only data, its own configuration section, the
 * decision symbols and timeframe, the decision clock, a logger and optional services.
 *
 * @param data              the DataProvider (read-only use; never subscribe from a module: events come from the
 *                          orchestrator)
 * @param settings          the module's {@code settings} node from the configuration (an empty object when none)
 * @param symbols           the symbols the orchestrator decides on, in configuration order
 * @param decisionTimeframe the timeframe whose bar closes trigger decisions
 * @param clock             the decision clock: close time of the last processed decision bar (data time, never
 *                          the wall clock), Long.MIN_VALUE before the first
 * @param log               a logger named after the module
 * @param services          extra services (e.g. {@code TrainingStatusProvider})
 * @param explain           whether anyone reads a prediction's {@code rationale}: true where a person can (the desk,
 *                          {@code serve}); a backtest passes false and a module then leaves it empty, because nothing
 *                          there reads it and formatting a reason per module and bar was over a quarter of the full
 *                          preset's allocation per bar. The view (action, confidence) must not depend on it.
 */
public record ModuleContext(DataProvider data, JsonNode settings, List<Symbol> symbols, Timeframe decisionTimeframe,
                            LongSupplier clock, Logger log, Services services, boolean explain) {

    /** Typed lookup of optional services. */
    @FunctionalInterface
    public interface Services {
        <T> Optional<T> get(Class<T> type);
    }

    public ModuleContext {
        if (settings == null || symbols == null || decisionTimeframe == null || clock == null || log == null || services == null) {
            throw new IllegalArgumentException("settings, symbols, decisionTimeframe, clock, log and services are required");
        }
        symbols = List.copyOf(symbols);
    }

    /** A context whose predictions are explained (a person may read them). */
    public ModuleContext(DataProvider data, JsonNode settings, List<Symbol> symbols, Timeframe decisionTimeframe,
                         LongSupplier clock, Logger log, Services services) {
        this(data, settings, symbols, decisionTimeframe, clock, log, services, true);
    }

    /**
     * The latest {@code limit} bars of {@code symbol}/{@code tf} closed at or before the decision clock: history that
     * cannot include the future even when the feed runs ahead of the decision thread. Empty without a DataProvider.
     * Call it from {@link OrchestratorModule#initialize} only: it may read SQLite, and the decision path does no I/O
     * (the orchestrator warms modules up itself; during decisions modules see the bars it dispatches).
     */
    public BarSeries history(Symbol symbol, Timeframe tf, int limit) {
        long now = clock.getAsLong();
        if (data == null || now == Long.MIN_VALUE) {
            return new BarSeries(symbol, tf, 1);
        }
        return data.bars(symbol, tf, Long.MIN_VALUE, now - tf.millis(), limit, Direction.LATEST);
    }

    public int intSetting(String name, int dflt) {
        JsonNode n = settings.get(name);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("setting '" + name + "' must be an integer, got " + n);
        }
        return n.intValue();
    }

    public double doubleSetting(String name, double dflt) {
        JsonNode n = settings.get(name);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("setting '" + name + "' must be a number, got " + n);
        }
        return n.doubleValue();
    }

    public String stringSetting(String name, String dflt) {
        JsonNode n = settings.get(name);
        return n == null || n.isNull() ? dflt : n.asText();
    }
}
