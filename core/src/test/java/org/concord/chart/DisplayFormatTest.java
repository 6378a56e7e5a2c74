package org.concord.chart;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisplayFormatTest {
    // 2013-11-25 14:03:07 UTC, a time of the bundled Bitstamp tape
    private static final long T = 1_385_388_187_000L;

    @Test
    void pricesAreWrittenAtTickPrecisionNeverAsNaNOrScientific() {
        DisplayFormat f = DisplayFormat.UTC;
        assertThat(f.decimals()).isEqualTo(2);
        assertThat(f.price(895.913456)).isEqualTo("895.91");
        assertThat(f.price(1.3855517231372549E9)).isEqualTo("1,385,551,723.14");
        assertThat(f.price(Double.NaN)).isEqualTo("—");
        assertThat(f.price(Double.POSITIVE_INFINITY)).isEqualTo("—");
        assertThat(f.plainPrice(895.915)).isEqualTo("895.92");
        assertThat(f.withTick(0.5).price(895.8)).isEqualTo("896.0");
        assertThat(f.withTick(1).price(895.4)).isEqualTo("895");
        assertThat(f.withTick(0.00001).decimals()).isEqualTo(5);
    }

    @Test
    void roundsToTheTickGrid() {
        DisplayFormat f = DisplayFormat.UTC;
        assertThat(f.roundToTick(895.913456)).isEqualTo(895.91);
        assertThat(f.withTick(0.5).roundToTick(895.8)).isEqualTo(896.0);
        assertThat(f.withTick(0.25).roundToTick(100.1)).isEqualTo(100.0);
        assertThat(f.roundToTick(Double.NaN)).isNaN();
    }

    @Test
    void timesAreInTheChosenZone() {
        DisplayFormat utc = DisplayFormat.UTC;
        assertThat(utc.dateTime(T)).isEqualTo("2013-11-25 14:03:07");
        assertThat(utc.zoneName()).isEqualTo("UTC");
        DisplayFormat ny = utc.withZone(ZoneId.of("America/New_York"));
        assertThat(ny.dateTime(T)).isEqualTo("2013-11-25 09:03:07");
        assertThat(ny.time(T)).isEqualTo("09:03:07");
        assertThat(ny.zoneName()).isEqualTo("America/New_York");
        assertThat(utc.axisTime(T, 5 * 60_000L)).isEqualTo("14:03:07");
        assertThat(utc.axisTime(T, 6 * 3_600_000L)).isEqualTo("14:03");
        assertThat(utc.axisTime(T, 5 * 86_400_000L)).isEqualTo("11-25 14:03");
        assertThat(utc.axisTime(T, 60 * 86_400_000L)).isEqualTo("11-25");
    }

    @Test
    void refusesWhatCannotBeShown() {
        assertThatThrownBy(() -> new DisplayFormat(null, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisplayFormat(ZoneOffset.UTC, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisplayFormat(ZoneOffset.UTC, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
