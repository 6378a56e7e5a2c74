package org.concord.data;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class GapRuleTest {
    private static final long DAY = 86_400_000L;
    private static final long FRIDAY = LocalDate.of(2013, 1, 4).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void aWeekendIsNotMissingForAMarketNeverSeenTradingThenAndIsForOneThatWas() {
        GapRule weekdays = new GapRule();
        weekdays.saw(FRIDAY);
        assertThat(weekdays.missing(Timeframe.D1, FRIDAY, FRIDAY + 3 * DAY)).as("Friday to Monday").isZero();
        assertThat(weekdays.missing(Timeframe.D1, FRIDAY, FRIDAY + 4 * DAY)).as("Friday to Tuesday: the Monday").isEqualTo(1);
        assertThat(weekdays.missing(Timeframe.H1, FRIDAY + 23 * 3_600_000L, FRIDAY + 3 * DAY)).as("Friday 23:00 to Monday 00:00, hourly").isZero();
        long beforeMlk = FRIDAY + 14 * DAY; // 2013-01-18; Monday the 21st was Martin Luther King Jr. Day
        assertThat(weekdays.missing(Timeframe.D1, beforeMlk, beforeMlk + 4 * DAY)).as("Friday to Tuesday over a holiday Monday").isZero();
        assertThat(weekdays.missing(Timeframe.H1, beforeMlk + 23 * 3_600_000L, beforeMlk + 4 * DAY)).as("the same, hourly").isZero();

        GapRule allWeek = new GapRule();
        allWeek.saw(FRIDAY + 2 * DAY); // a bar on a Sunday
        assertThat(allWeek.missing(Timeframe.D1, FRIDAY, FRIDAY + 3 * DAY)).isEqualTo(2);
        assertThat(allWeek.missing(Timeframe.M1, FRIDAY, FRIDAY + 60_000)).isZero();
    }

    /** After a restart the rule knows a 24/7 market from its stored bars: the first weekend it misses is a gap. */
    @Test
    void aRestartedDataProviderKnowsFromTheStoreThatTheMarketTradesOnWeekends() throws Exception {
        Symbol btc = Symbol.of("BTCUSD");
        long saturday = FRIDAY + DAY;
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            try (DataProvider first = new DataProvider(new BarStore(db), new InputQuality(), 500, 2_000_000)) {
                for (long t = saturday; t <= saturday + 6 * DAY; t += DAY) { // Saturday to Friday, every day
                    first.onBar(btc, Timeframe.D1, t, 100, 101, 99, 100, 1, true, "feed");
                }
            }
            InputQuality quality = new InputQuality();
            try (DataProvider restarted = new DataProvider(new BarStore(db), quality, 500, 2_000_000)) {
                // the next Monday: the Saturday and Sunday between are missing for a market that trades then
                restarted.onBar(btc, Timeframe.D1, saturday + 9 * DAY, 100, 101, 99, 100, 1, true, "feed");
            }
            assertThat(quality.count(InputIssue.GAP)).isEqualTo(1);
        }
    }

    /**
     * The bundled Apple days replayed into the DataProvider: no gap, though the file skips weekends and the exchange's
     * holidays (each holiday was reported as "bad input [GAP]" before the calendar). A trading day taken out of the
     * file is still a gap.
     */
    @Test
    void theAppleDaysReportNoGapForWeekendsAndHolidaysButDoForAMissingTradingDay() throws Exception {
        BarSeries days = BundledData.appleDailyBars(new InputQuality());
        int weekends = 0;
        int holidays = 0;
        for (int i = 1; i < days.size(); i++) {
            boolean weekday = false;
            boolean any = false;
            for (long t = days.time(i - 1) + DAY; t < days.time(i); t += DAY) {
                any = true;
                DayOfWeek d = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getDayOfWeek();
                weekday |= d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
            }
            weekends += any && !weekday ? 1 : 0;
            holidays += weekday ? 1 : 0;
        }
        assertThat(weekends).as("weekends in the file").isGreaterThan(40);
        assertThat(holidays).as("holidays in the file").isGreaterThanOrEqualTo(5);
        assertThat(gaps(days, -1)).as("gaps in the file as it is").isZero();
        int wednesday = 1;
        while (Instant.ofEpochMilli(days.time(wednesday)).atZone(ZoneOffset.UTC).getDayOfWeek() != DayOfWeek.WEDNESDAY
                || days.time(wednesday + 1) - days.time(wednesday - 1) != 2 * DAY) {
            wednesday++;
        }
        assertThat(gaps(days, wednesday)).as("gaps with an ordinary Wednesday taken out").isEqualTo(1);
    }

    /** GAP issues of the days replayed into a DataProvider, without day {@code skip} (-1: all of them). */
    private long gaps(BarSeries days, int skip) throws Exception {
        InputQuality quality = new InputQuality();
        Symbol aapl = days.symbol();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("d" + skip + ".db"));
             DataProvider data = new DataProvider(new BarStore(db), quality, 500, 2_000_000)) {
            for (int i = 0; i < days.size(); i++) {
                if (i != skip) {
                    data.onBar(aapl, Timeframe.D1, days.time(i), days.open(i), days.high(i), days.low(i), days.close(i), days.volume(i), true, "replay");
                }
            }
        }
        return quality.count(InputIssue.GAP);
    }
}
