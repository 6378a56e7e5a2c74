package org.concord.modules.strategy.macrogate;

import org.concord.bus.Topic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link MacroImportRequest} did: the import's counts, the series as stored, and the gate's verdict after the
 * rule was applied; or, when {@code ok} is false, why nothing was applied ({@code error}; the counts say what the
 * file held when it could be read).
 *
 * @param rule       the rule as applied ("VIX below 20", "DXY belowMa 200")
 * @param rows       data rows read from the file
 * @param added      days with no stored bar, written (a day repeated in the file counts once; its repeats are in
 *                   {@code rejected})
 * @param unchanged  rows equal to the stored bar
 * @param replaced   rows that replaced a differing stored bar (only when asked)
 * @param kept       rows that differ from a stored bar, not written: the stored bar was kept
 * @param rejected   rows refused or dropped, by reason (MALFORMED, INVALID_PRICE, INCONSISTENT_OHLC, FUTURE, DUPLICATE,
 *                   CORRECTION: a later row of the same day in the file wins); zero counts left out
 * @param firstTime  open time of the file's first usable row (Long.MIN_VALUE if none)
 * @param lastTime   open time of its last usable row
 * @param storedBars bars of the series in the store after the import (the newest 10,000 at most)
 * @param storedFrom open time of the first stored bar (Long.MIN_VALUE if none)
 * @param storedTo   open time of the last stored bar
 * @param gate       the gate's verdict at the orchestrator's clock ("ALLOW: DXY 101.2 < MA200 103.4"), or why it does
 *                   not act (switched off)
 * @param allow      the verdict's side (true while the gate does not act)
 */
public record MacroImportReport(String requestId, boolean ok, String error, String symbol, String rule, int rows, int added, int unchanged,
                                int replaced, int kept, Map<String, Long> rejected, long firstTime, long lastTime, int storedBars,
                                long storedFrom, long storedTo, String gate, boolean allow) {
    /** The orchestrator's session → the desk. */
    public static final Topic<MacroImportReport> TOPIC = Topic.durable("macrogate.import-reports", MacroImportReport.class);

    public MacroImportReport {
        error = error == null ? "" : error;
        symbol = symbol == null ? "" : symbol;
        rule = rule == null ? "" : rule;
        rejected = rejected == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rejected)); // in the order counted
        gate = gate == null ? "" : gate;
    }

    /** A refusal before anything was read. */
    public static MacroImportReport failed(String requestId, String symbol, String error) {
        return new MacroImportReport(requestId, false, error, symbol, "", 0, 0, 0, 0, 0, Map.of(), Long.MIN_VALUE, Long.MIN_VALUE, 0,
                Long.MIN_VALUE, Long.MIN_VALUE, "", true);
    }

    /** Rows refused or dropped, all reasons together. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
