package org.concord.modules.strategy.macrogate;

import org.concord.bus.Topic;
import org.concord.model.Symbol;

/**
 * A request from the desk to whoever runs the orchestrator (this desktop in local mode, {@code concord serve} with a
 * remote desk): import a CSV file of an external daily series into the store and make it a rule of the macro gate.
 * The file is read by the process that handles the request; handled by {@link MacroDataImport}.
 *
 * @param id        chosen by the sender; the {@link MacroImportReport} carries it back
 * @param file      the CSV file (absolute, or relative to the data directory); format as {@code CsvBarImporter}'s
 * @param symbol    the series' symbol (DXY, VIX...)
 * @param allowWhen below, above, belowMa or aboveMa
 * @param level     the level of a below/above rule (ignored for the averages)
 * @param period    the average's length in bars for belowMa/aboveMa (ignored for the levels)
 * @param replace   rows that differ from a stored bar replace it (default: the stored bar is kept and the row counted)
 */
public record MacroImportRequest(String id, String file, String symbol, String allowWhen, double level, int period, boolean replace) {
    /** Desk → the orchestrator's session (durable: a click must not be lost). */
    public static final Topic<MacroImportRequest> TOPIC = Topic.durable("macrogate.import-requests", MacroImportRequest.class);

    public MacroImportRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("request id is required");
        }
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("choose a CSV file");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("the series symbol is required (e.g. DXY, VIX)");
        }
        MacroRule.Kind kind = MacroRule.Kind.of(allowWhen);
        allowWhen = kind.code;
        level = kind.ma() ? 0 : level;
        period = kind.ma() ? period : 0;
        rule(symbol, kind, level, period); // refuses a non-finite level or a period below 1 now, not in the handler
    }

    /** The rule this request adds (or replaces) in the gate's settings, without a csv: the bars are in the store. */
    public MacroRule rule() {
        return rule(symbol, MacroRule.Kind.of(allowWhen), level, period);
    }

    private static MacroRule rule(String symbol, MacroRule.Kind kind, double level, int period) {
        return new MacroRule(Symbol.of(symbol.trim()), kind, kind.ma() ? Double.NaN : level, period, null);
    }
}
