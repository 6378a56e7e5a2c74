package org.concord.modules.strategy.macrogate;

import org.concord.model.Symbol;

import java.nio.file.Path;

/**
 * One condition of the macro gate on an external series: it passes when the series' latest close (at or before the
 * decision time) is {@code below}/{@code above} a fixed {@code level}, or {@code belowMa}/{@code aboveMa} its simple
 * average over {@code period} bars.
 *
 * @param csv optional file imported into the DataProvider at initialize and on "reload" (null: read what is stored)
 */
public record MacroRule(Symbol symbol, Kind kind, double level, int period, Path csv) {
    /** How the close is compared. */
    public enum Kind {
        BELOW("below", "<"), ABOVE("above", ">"), BELOW_MA("belowMa", "<"), ABOVE_MA("aboveMa", ">");

        final String code;
        final String op;

        Kind(String code, String op) {
            this.code = code;
            this.op = op;
        }

        boolean ma() {
            return this == BELOW_MA || this == ABOVE_MA;
        }

        boolean below() {
            return this == BELOW || this == BELOW_MA;
        }

        static Kind of(String s) {
            for (Kind k : values()) {
                if (k.code.equalsIgnoreCase(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("allowWhen must be one of below, above, belowMa, aboveMa, got '" + s + "'");
        }
    }

    public MacroRule {
        if (symbol == null || kind == null) {
            throw new IllegalArgumentException("symbol and allowWhen are required");
        }
        if (kind.ma() && period < 1) {
            throw new IllegalArgumentException(symbol + ": period must be >= 1, got " + period);
        }
        if (!kind.ma() && !Double.isFinite(level)) {
            throw new IllegalArgumentException(symbol + ": a finite level is required for allowWhen " + kind.code);
        }
    }

    /** Whether {@code value} passes against {@code reference} (the level or the average). */
    boolean passes(double value, double reference) {
        return kind.below() ? value < reference : value > reference;
    }
}
