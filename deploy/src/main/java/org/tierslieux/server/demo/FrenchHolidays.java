package org.tierslieux.server.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;

/**
 * The eleven public holidays of metropolitan France (jours fériés), by their French names: the demo places
 * close on them, and tests that book in a demo place on a given weekday step over them.
 */
public final class FrenchHolidays {

    private static final Map<MonthDay, String> FIXED = Map.of(
            MonthDay.of(1, 1), "Jour de l'an",
            MonthDay.of(5, 1), "Fête du Travail",
            MonthDay.of(5, 8), "Victoire 1945",
            MonthDay.of(7, 14), "Fête nationale",
            MonthDay.of(8, 15), "Assomption",
            MonthDay.of(11, 1), "Toussaint",
            MonthDay.of(11, 11), "Armistice 1918",
            MonthDay.of(12, 25), "Noël");

    private FrenchHolidays() {}

    /** The holidays from {@code from} to {@code to} (both included), in date order. */
    public static Map<LocalDate, String> between(LocalDate from, LocalDate to) {
        Map<LocalDate, String> found = new TreeMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            of(year).forEach((day, name) -> {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    found.put(day, name);
                }
            });
        }
        return found;
    }

    public static boolean isHoliday(LocalDate day) {
        return of(day.getYear()).containsKey(day);
    }

    /** The first day from {@code day} on (itself included) that is not a holiday. */
    public static LocalDate notOn(LocalDate day) {
        LocalDate d = day;
        while (isHoliday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        FIXED.forEach((md, name) -> days.put(md.atYear(year), name));
        LocalDate easter = easter(year);
        days.put(easter.plusDays(1), "Lundi de Pâques");
        days.put(easter.plusDays(39), "Ascension");
        days.put(easter.plusDays(50), "Lundi de Pentecôte");
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
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
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
