package org.concord.risk;

import java.util.function.ToDoubleFunction;

/**
 * The fields of {@link RiskLimits}, in the record's order, with their bounds: the one place the bounds live (the
 * record's constructor checks them through here), and what an editor (the desk's risk form, {@code concord.yaml}'s
 * {@code trading.risk} section) names and validates. A fraction of equity is shown to a person as a percentage.
 */
public enum RiskLimitField {
    MAX_ORDER_FRACTION("maxOrderFraction", "Max order size", Unit.PERCENT, false, 10, RiskLimits::maxOrderFraction),
    MAX_ASSET_EXPOSURE("maxAssetExposure", "Max per instrument", Unit.PERCENT, false, 10, RiskLimits::maxAssetExposure),
    MAX_LONG_EXPOSURE("maxLongExposure", "Max long exposure", Unit.PERCENT, true, 10, RiskLimits::maxLongExposure),
    MAX_SHORT_EXPOSURE("maxShortExposure", "Max short exposure", Unit.PERCENT, true, 10, RiskLimits::maxShortExposure),
    MAX_GROSS_EXPOSURE("maxGrossExposure", "Max gross exposure", Unit.PERCENT, false, 10, RiskLimits::maxGrossExposure),
    MAX_NET_EXPOSURE("maxNetExposure", "Max net exposure", Unit.PERCENT, false, 10, RiskLimits::maxNetExposure),
    MAX_BOOK_EXPOSURE("maxBookExposure", "Max per bucket", Unit.PERCENT, false, 10, RiskLimits::maxBookExposure),
    MAX_CORRELATED_EXPOSURE("maxCorrelatedExposure", "Max correlated cluster", Unit.PERCENT, false, 10, RiskLimits::maxCorrelatedExposure),
    CORRELATION_THRESHOLD("correlationThreshold", "Cluster correlation ≥", Unit.PLAIN, true, 1, RiskLimits::correlationThreshold),
    DRAWDOWN_SCALE_START("drawdownScaleStart", "Drawdown: scale from", Unit.PERCENT, true, 1, RiskLimits::drawdownScaleStart),
    DRAWDOWN_THRESHOLD("drawdownThreshold", "Drawdown: halt at", Unit.PERCENT, false, 1, RiskLimits::drawdownThreshold),
    DRAWDOWN_MIN_SCALE("drawdownMinScale", "Drawdown: min scale", Unit.PERCENT, true, 1, RiskLimits::drawdownMinScale),
    DELEVERAGE_TO("deleverageTo", "Halt: keep of positions", Unit.PERCENT, true, 1, RiskLimits::deleverageTo),
    COST_BUFFER_BPS("costBufferBps", "Cost buffer per order", Unit.BPS, true, 1000, RiskLimits::costBufferBps);

    /** How a person reads and writes the value: a fraction as a percentage, basis points and plain numbers as they are. */
    public enum Unit {
        PERCENT("%", 100), BPS("bps", 1), PLAIN("", 1);

        private final String suffix;
        private final double factor;

        Unit(String suffix, double factor) {
            this.suffix = suffix;
            this.factor = factor;
        }

        public String suffix() {
            return suffix;
        }

        public double toDisplay(double value) {
            return value * factor;
        }

        public double fromDisplay(double shown) {
            return shown / factor;
        }
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final boolean zeroAllowed;
    private final double max;
    private final ToDoubleFunction<RiskLimits> getter;

    RiskLimitField(String key, String label, Unit unit, boolean zeroAllowed, double max, ToDoubleFunction<RiskLimits> getter) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.zeroAllowed = zeroAllowed;
        this.max = max;
        this.getter = getter;
    }

    /** The record component's name (the key in {@code concord.yaml}). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public double of(RiskLimits limits) {
        return getter.applyAsDouble(limits);
    }

    /** Null when {@code value} is within this field's bounds, else why not (in the stored unit: a fraction). */
    public String problem(double value) {
        boolean low = zeroAllowed ? !(value >= 0) : !(value > 0);
        if (low || value > max) {
            return key + " must be in " + (zeroAllowed ? "[0, " : "(0, ") + fmt(max) + "], got " + value;
        }
        return null;
    }

    /** The bounds as a person reads them, e.g. "(0, 1000] %". */
    public String displayBounds() {
        return (zeroAllowed ? "[0, " : "(0, ") + fmt(unit.toDisplay(max)) + "]" + (unit.suffix().isEmpty() ? "" : " " + unit.suffix());
    }

    /** The field of a record component name, or null. */
    public static RiskLimitField byKey(String key) {
        for (RiskLimitField f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
