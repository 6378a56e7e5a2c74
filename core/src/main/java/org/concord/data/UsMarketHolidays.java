package org.concord.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The weekdays the US stock exchanges (NYSE, Nasdaq) are closed for a whole day, by their published rules: New Year's
 * Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022),
 * Independence Day, Labor Day, Thanksgiving and Christmas; a holiday on a Saturday is observed on the Friday before,
 * one on a Sunday on the Monday after, except New Year's Day on a Saturday (no Friday close: NYSE Rule 7.2). Plus the
 * unscheduled closures since 2001 (listed below). Early closes (half days) are trading days and are not listed.
 */
final class UsMarketHolidays {
    /** Closures announced for the day: 9/11, national days of mourning, Hurricane Sandy. */
    private static final Set<LocalDate> UNSCHEDULED = Set.of(
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
            LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
            LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9));

    private UsMarketHolidays() {
    }

    /** Whether the US stock market is closed all of {@code day} though it is a weekday. */
    static boolean isHoliday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false; // a weekend, not a holiday
        }
        if (UNSCHEDULED.contains(day)) {
            return true;
        }
        int y = day.getYear();
        return day.equals(newYear(y)) || day.equals(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3))
                || day.equals(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3)) || day.equals(easter(y).minusDays(2))
                || day.equals(LocalDate.of(y, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)))
                || (y >= 2022 && day.equals(observed(LocalDate.of(y, Month.JUNE, 19))))
                || day.equals(observed(LocalDate.of(y, Month.JULY, 4))) || day.equals(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1))
                || day.equals(nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4)) || day.equals(observed(LocalDate.of(y, Month.DECEMBER, 25)));
    }

    /** January 1st, or the Monday after when it is a Sunday; none when it is a Saturday (null). */
    private static LocalDate newYear(int y) {
        LocalDate d = LocalDate.of(y, Month.JANUARY, 1);
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> null;
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate nth(int y, Month m, DayOfWeek dow, int n) {
        return LocalDate.of(y, m, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computus). */
    static LocalDate easter(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
