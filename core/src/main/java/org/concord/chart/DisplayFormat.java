package org.concord.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How prices and times are written wherever a person reads them (charts, crosshairs, tables, dialogs): prices at
 * the instrument's tick precision, times in the user's chosen zone, never in scientific notation or as raw epoch
 * numbers. A value: the UI holds the current one and replaces it when the user changes the zone.
 *
 * @param zone the zone times are shown in (the user's choice; UTC by default)
 * @param tick the price increment of the instrument (&gt; 0); decides the decimals shown and what prices round to
 */
public record DisplayFormat(ZoneId zone, double tick) {
    /** The bundled BTC/USD tape is quoted in cents. */
    public static final double DEFAULT_TICK = 0.01;
    public static final DisplayFormat UTC = new DisplayFormat(ZoneOffset.UTC, DEFAULT_TICK);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DAY_MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    public DisplayFormat {
        if (zone == null) {
            throw new IllegalArgumentException("display zone is required");
        }
        if (!(tick > 0) || Double.isInfinite(tick)) {
            throw new IllegalArgumentException("tick size must be finite and > 0, got " + tick);
        }
    }

    public DisplayFormat withZone(ZoneId z) {
        return new DisplayFormat(z, tick);
    }

    public DisplayFormat withTick(double t) {
        return new DisplayFormat(zone, t);
    }

    /** Decimals the tick needs (0.01 → 2, 0.5 → 1, 1 → 0, 0.00001 → 5); at most 10. */
    public int decimals() {
        return Math.min(10, Math.max(0, BigDecimal.valueOf(tick).stripTrailingZeros().scale()));
    }

    /** The nearest price on the tick grid (half up); a non-finite price stays as it is. */
    public double roundToTick(double price) {
        if (!Double.isFinite(price)) {
            return price;
        }
        BigDecimal t = BigDecimal.valueOf(tick);
        BigDecimal steps = BigDecimal.valueOf(price).divide(t, 0, RoundingMode.HALF_UP);
        return steps.multiply(t).doubleValue();
    }

    /** A price at tick precision ("891.07"); "—" for a value that is not a number, so a person never reads "NaN". */
    public String price(double p) {
        if (!Double.isFinite(p)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals() + "f", roundToTick(p));
    }

    /** A price at tick precision without grouping separators (for editable fields). */
    public String plainPrice(double p) {
        if (!Double.isFinite(p)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals() + "f", roundToTick(p));
    }

    /** "2013-11-25 14:03:07" in the display zone. */
    public String dateTime(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** "2013-11-25 14:03" in the display zone. */
    public String dateMinute(long epochMillis) {
        return DATE_MINUTE.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** "14:03:07" in the display zone. */
    public String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /**
     * A time-axis tick label for a visible span of {@code spanMillis}: seconds when the span is under 10 minutes,
     * minutes under two days, then the date with the time, then the date alone.
     */
    public String axisTime(long epochMillis, long spanMillis) {
        DateTimeFormatter f;
        if (spanMillis < 10 * 60_000L) {
            f = TIME;
        } else if (spanMillis < 2 * 86_400_000L) {
            f = MINUTE;
        } else if (spanMillis < 20 * 86_400_000L) {
            f = DAY_MINUTE;
        } else {
            f = DAY;
        }
        return f.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** The zone as a person names it ("UTC", "Europe/Berlin"). */
    public String zoneName() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
