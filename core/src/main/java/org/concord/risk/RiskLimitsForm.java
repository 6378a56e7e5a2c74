package org.concord.risk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads risk limits a person typed, field by field, in the units {@link RiskLimitField#unit()} shows (percent of
 * equity, basis points): each field's text is parsed and checked against its bounds, then the cross-field rule
 * (scaling starts at or before the halt). The result holds either the limits or one message per bad field, never both:
 * a form with one bad field applies nothing.
 */
public final class RiskLimitsForm {
    /** Either {@code limits} (all fields good) or {@code errors} (field → message), the other empty. */
    public record Result(RiskLimits limits, Map<RiskLimitField, String> errors) {
        public Result {
            errors = errors == null || errors.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(errors));
        }

        public boolean ok() {
            return limits != null;
        }
    }

    private RiskLimitsForm() {
    }

    /** The text a field shows for {@code limits}, e.g. "25" for an order cap of 0.25 (percent). */
    public static String text(RiskLimitField f, RiskLimits limits) {
        return number(f.unit().toDisplay(f.of(limits)));
    }

    /** A fraction of equity as the form writes a percentage field, e.g. "50" for 0.5 (a limit kept outside RiskLimits). */
    public static String percent(double fraction) {
        return number(RiskLimitField.Unit.PERCENT.toDisplay(fraction));
    }

    private static String number(double shown) {
        String s = String.format(Locale.ROOT, "%.4f", shown);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    /**
     * Reads every field: a text missing from {@code texts} keeps {@code base}'s value. A trailing unit ("25 %",
     * "30bps") is allowed.
     */
    public static Result read(Map<RiskLimitField, String> texts, RiskLimits base) {
        if (texts == null || base == null) {
            throw new IllegalArgumentException("texts and base limits are required");
        }
        double[] v = base.values();
        Map<RiskLimitField, String> errors = new EnumMap<>(RiskLimitField.class);
        for (Map.Entry<RiskLimitField, String> e : texts.entrySet()) {
            RiskLimitField f = e.getKey();
            String t = e.getValue() == null ? "" : e.getValue().trim();
            if (!f.unit().suffix().isEmpty() && t.toLowerCase(Locale.ROOT).endsWith(f.unit().suffix())) {
                t = t.substring(0, t.length() - f.unit().suffix().length()).trim();
            }
            double shown;
            try {
                shown = Double.parseDouble(t);
            } catch (NumberFormatException nfe) {
                errors.put(f, t.isEmpty() ? "required: a number in " + f.displayBounds() : "'" + e.getValue().trim() + "' is not a number");
                continue;
            }
            double value = f.unit().fromDisplay(shown);
            if (!Double.isFinite(shown) || f.problem(value) != null) {
                errors.put(f, "must be in " + f.displayBounds() + ", got " + e.getValue().trim());
                continue;
            }
            v[f.ordinal()] = value;
        }
        if (!errors.containsKey(RiskLimitField.DRAWDOWN_SCALE_START) && !errors.containsKey(RiskLimitField.DRAWDOWN_THRESHOLD)
                && v[RiskLimitField.DRAWDOWN_SCALE_START.ordinal()] > v[RiskLimitField.DRAWDOWN_THRESHOLD.ordinal()]) {
            errors.put(RiskLimitField.DRAWDOWN_SCALE_START, "must not be above the halt ("
                    + text(RiskLimitField.DRAWDOWN_THRESHOLD, RiskLimits.of(withScaleStartAtHalt(v))) + " %)");
        }
        return errors.isEmpty() ? new Result(RiskLimits.of(v), Map.of()) : new Result(null, errors);
    }

    private static double[] withScaleStartAtHalt(double[] v) {
        double[] c = v.clone();
        c[RiskLimitField.DRAWDOWN_SCALE_START.ordinal()] = c[RiskLimitField.DRAWDOWN_THRESHOLD.ordinal()];
        return c;
    }
}
