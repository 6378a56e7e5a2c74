package org.concord.data;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The US stock market's full-day closures against NYSE's published holiday lists. */
class UsMarketHolidaysTest {
    private static List<LocalDate> holidays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (UsMarketHolidays.isHoliday(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<LocalDate> days(int year, int... monthDay) {
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < monthDay.length; i += 2) {
            out.add(LocalDate.of(year, monthDay[i], monthDay[i + 1]));
        }
        return out;
    }

    @Test
    void theYearsOfTheBundledDataAndRecentOnesMatchNysesLists() {
        // the bundled Apple days' year
        assertThat(holidays(2013)).isEqualTo(days(2013, 1, 1, 1, 21, 2, 18, 3, 29, 5, 27, 7, 4, 9, 2, 11, 28, 12, 25));
        // Hurricane Sandy's two days
        assertThat(holidays(2012)).isEqualTo(days(2012, 1, 2, 1, 16, 2, 20, 4, 6, 5, 28, 7, 4, 9, 3, 10, 29, 10, 30, 11, 22, 12, 25));
        // New Year on a Saturday (no Friday close), Juneteenth and Christmas on Sundays (observed Monday)
        assertThat(holidays(2022)).isEqualTo(days(2022, 1, 17, 2, 21, 4, 15, 5, 30, 6, 20, 7, 4, 9, 5, 11, 24, 12, 26));
        // New Year on a Sunday (observed Monday)
        assertThat(holidays(2023)).isEqualTo(days(2023, 1, 2, 1, 16, 2, 20, 4, 7, 5, 29, 6, 19, 7, 4, 9, 4, 11, 23, 12, 25));
        assertThat(holidays(2024)).isEqualTo(days(2024, 1, 1, 1, 15, 2, 19, 3, 29, 5, 27, 6, 19, 7, 4, 9, 2, 11, 28, 12, 25));
        // Independence Day on a Saturday (observed Friday), a national day of mourning
        assertThat(holidays(2026)).isEqualTo(days(2026, 1, 1, 1, 19, 2, 16, 4, 3, 5, 25, 6, 19, 7, 3, 9, 7, 11, 26, 12, 25));
        assertThat(holidays(2025)).contains(LocalDate.of(2025, 1, 9));
    }

    @Test
    void aWeekendIsNeverAHolidayAndEasterIsRight() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() < 2040; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                assertThat(UsMarketHolidays.isHoliday(d)).as(d.toString()).isFalse();
            }
        }
        assertThat(UsMarketHolidays.easter(2013)).isEqualTo(LocalDate.of(2013, 3, 31));
        assertThat(UsMarketHolidays.easter(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(UsMarketHolidays.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }
}
