package org.tierslieux.server.testsupport;

import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.as;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.tierslieux.server.demo.FrenchHolidays;

/** Resources and bookings made through the API, as people make them, for tests about what follows a booking. */
public final class Bookings {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Bookings() {}

    /** A new resource of the place, created by its manager; returns its id. */
    public static String aResource(String place, String kind, String name) {
        return as(MANAGER)
                .body(new HashMap<>(Map.of("kind", kind, "name", name)))
                .post("/api/v1/places/" + place + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Lets the resource be booked up to {@code days} ahead (90 by default). */
    public static void horizon(String place, String resource, int days) {
        as(MANAGER)
                .body(Map.of("horizonDays", days))
                .put("/api/v1/places/" + place + "/rules/resources/" + resource)
                .then()
                .statusCode(200);
    }

    /**
     * A Tuesday two weeks ahead or so: both demo places are open then, from 9:00 to 18:00 at least, unless it
     * is a public holiday (they close then), so the next Tuesday that is not.
     */
    public static LocalDate aTuesday() {
        LocalDate day = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        while (FrenchHolidays.isHoliday(day)) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /** The local time in Paris as an ISO instant with its offset, as the API takes it. */
    public static String at(LocalDate day, int hour) {
        return at(day.atTime(hour, 0));
    }

    public static String at(LocalDateTime local) {
        return local.atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Books as {@code email}; returns the booking's id. */
    public static String book(String email, String place, String resource, String start, String end) {
        return as(email)
                .body(Map.of("resourceId", resource, "start", start, "end", end))
                .post("/api/v1/places/" + place + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
