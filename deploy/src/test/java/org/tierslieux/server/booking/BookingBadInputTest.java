package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.book;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.bookingRows;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.Fixtures.Place;
import org.tierslieux.server.testsupport.Demo;

/** Every kind of bad booking request: a clear problem with its code, never a 500, and nothing written. */
@QuarkusTest
class BookingBadInputTest {

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    /** The request is refused with this status and code, and the booking table did not change. */
    private static void refusedWithoutTrace(Response response, int status, String code, long rowsBefore) {
        refused(response, status, code);
        assertThat(bookingRows()).as("rows in booking after " + code).isEqualTo(rowsBefore);
    }

    @Test
    void times_that_make_no_sense_are_refused_each_with_its_code() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        long rows = bookingRows();

        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 12), place.at(day, 10))),
                422,
                "booking.end-before-start",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 10))),
                422,
                "booking.end-before-start",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 10, 20), place.at(day, 11, 20))),
                422,
                "booking.misaligned",
                rows);
        // off the grid by a fraction of a second is off the grid
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 10).replace(":00+", ":00.5+"), place.at(day, 11))),
                422,
                "booking.misaligned",
                rows);
        refusedWithoutTrace(
                book(
                        MEMBER,
                        place,
                        slot(room, place.at(day, 10), place.at(day, 11).replace(":00+", ":00.000001+"))),
                422,
                "booking.misaligned",
                rows);
        LocalDate yesterday = LocalDate.now(place.zone()).minusDays(1);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(yesterday, 10), place.at(yesterday, 11))),
                422,
                "booking.in-past",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 19), place.at(day, 20))),
                422,
                "booking.outside-opening-hours",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 17), place.at(day, 19))),
                422,
                "booking.outside-opening-hours",
                rows);
        LocalDate saturday = place.next(DayOfWeek.SATURDAY, 2);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(saturday, 10), place.at(saturday, 11))),
                422,
                "booking.outside-opening-hours",
                rows);
        // over two days, though both ends are in opening hours
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 17), place.at(day.plusDays(1), 10))),
                422,
                "booking.outside-opening-hours",
                rows);
        LocalDate far = place.next(DayOfWeek.TUESDAY, 20);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(far, 10), place.at(far, 11))),
                422,
                "booking.beyond-horizon",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, "9999-12-07T10:00:00+01:00", "9999-12-07T11:00:00+01:00")),
                422,
                "booking.absurd-date",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, place.at(day, 10), "9999-12-07T11:00:00+01:00")),
                422,
                "booking.absurd-date",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, "0001-01-01T10:00:00+01:00", place.at(day, 10))),
                422,
                "booking.absurd-date",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, "+10000-01-01T10:00:00+01:00", "+10000-01-01T11:00:00+01:00")),
                422,
                "booking.absurd-date",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, "demain 10h", place.at(day, 11))), 400, "request.wrong-type", rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, "2026-13-45T10:00:00+01:00", place.at(day, 11))),
                400,
                "request.wrong-type",
                rows);
        // a local time without its offset is ambiguous on the day the clocks change: refused
        refusedWithoutTrace(
                book(MEMBER, place, slot(room, day + "T10:00:00", day + "T11:00:00")), 400, "request.wrong-type", rows);
    }

    @Test
    void resources_that_cannot_be_booked_here_are_refused() {
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        long rows = bookingRows();
        refusedWithoutTrace(
                book(MEMBER, place, slot(UUID.randomUUID().toString(), place.at(day, 10), place.at(day, 11))),
                404,
                "resource.not-found",
                rows);
        String archived = aResource("ROOM").create();
        as(MANAGER)
                .post(place.api() + "/resources/" + archived + "/archive")
                .then()
                .statusCode(200);
        refusedWithoutTrace(
                book(MEMBER, place, slot(archived, place.at(day, 10), place.at(day, 11))),
                422,
                "booking.resource-archived",
                rows);
        // a resource of another place, though the member belongs to both
        String elsewhere = as(MANAGER)
                .body(Map.of("kind", "ROOM", "name", Fixtures.unique("salle-atelier")))
                .post("/api/v1/places/" + ATELIER + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refusedWithoutTrace(
                book(MEMBER, place, slot(elsewhere, place.at(day, 10), place.at(day, 11))),
                404,
                "resource.not-found",
                rows);
        refusedWithoutTrace(
                as(MEMBER)
                        .body(slot("not-a-uuid", place.at(day, 10), place.at(day, 11)))
                        .post(place.api() + "/bookings"),
                400,
                "request.wrong-type",
                rows);
        refusedWithoutTrace(
                as(MEMBER)
                        .body(slot(elsewhere, place.at(day, 10), place.at(day, 11)))
                        .post("/api/v1/places/nulle-part/bookings"),
                404,
                "place.not-found",
                rows);
    }

    @Test
    void seats_must_be_at_least_one_and_within_the_capacity() {
        String pool = aResource("DESK_POOL").capacity(4).create();
        String desk = aResource("DESK").create();
        LocalDate day = place.next(DayOfWeek.THURSDAY, 2);
        long rows = bookingRows();
        for (int seats : new int[] {0, -3}) {
            refusedWithoutTrace(
                    book(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13), seats)),
                    422,
                    "booking.seats-invalid",
                    rows);
        }
        refusedWithoutTrace(
                book(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13), 5)),
                422,
                "booking.seats-above-capacity",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13), Integer.MAX_VALUE)),
                422,
                "booking.seats-above-capacity",
                rows);
        refusedWithoutTrace(
                book(MEMBER, place, slot(desk, place.at(day, 9), place.at(day, 13), 2)),
                422,
                "booking.seats-whole",
                rows);
        var words = slot(pool, place.at(day, 9), place.at(day, 13));
        words.put("seats", "deux");
        refusedWithoutTrace(book(MEMBER, place, words), 400, "request.wrong-type", rows);
        booked(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13), 4));
    }

    @Test
    void malformed_bodies_are_refused_before_anything_is_read() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.FRIDAY, 2);
        long rows = bookingRows();
        var missing = new HashMap<String, Object>(Map.of("resourceId", room, "start", place.at(day, 10)));
        refusedWithoutTrace(book(MEMBER, place, missing), 400, "request.invalid", rows);
        refusedWithoutTrace(
                as(MEMBER).body("{\"resourceId\": ").post(place.api() + "/bookings"), 400, "request.malformed", rows);
        refusedWithoutTrace(as(MEMBER).post(place.api() + "/bookings"), 400, "request.invalid", rows);
        var unknown = slot(room, place.at(day, 10), place.at(day, 11));
        unknown.put("price", 0);
        refusedWithoutTrace(book(MEMBER, place, unknown), 400, "request.unknown-field", rows);
        var longNote = slot(room, place.at(day, 10), place.at(day, 11));
        longNote.put("note", "x".repeat(501));
        refusedWithoutTrace(book(MEMBER, place, longNote), 400, "request.invalid", rows);
        Demo.anonymous()
                .body(slot(room, place.at(day, 10), place.at(day, 11)))
                .post(place.api() + "/bookings")
                .then()
                .statusCode(401);
        assertThat(bookingRows()).isEqualTo(rows);
    }

    @Test
    void a_move_with_bad_times_is_refused_and_the_booking_stays() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.MONDAY, 3);
        String id = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 11)));
        for (var times : new String[][] {
            {place.at(day, 12), place.at(day, 11)},
            {"9999-01-01T10:00:00+01:00", "9999-01-01T11:00:00+01:00"},
            {
                place.at(LocalDate.now(place.zone()).minusDays(2), 10),
                place.at(LocalDate.now(place.zone()).minusDays(2), 11)
            }
        }) {
            var answer = as(MEMBER)
                    .body(Map.of("start", times[0], "end", times[1]))
                    .post(place.api() + "/bookings/" + id + "/move");
            answer.then().statusCode(422).contentType("application/problem+json");
        }
        as(MEMBER)
                .body(Map.of("start", place.at(day, 12)))
                .post(place.api() + "/bookings/" + id + "/move")
                .then()
                .statusCode(400);
        as(MEMBER)
                .get(place.api() + "/bookings/" + id)
                .then()
                .body("start", org.hamcrest.Matchers.equalTo(place.at(day, 10)));
        refused(as(MEMBER).get(place.api() + "/bookings/" + UUID.randomUUID()), 404, "booking.not-found");
        refused(as(MEMBER).get(place.api() + "/bookings/pas-un-id"), 404, "route.not-found");
    }

    @Test
    void availability_asked_for_nonsense_days_is_refused_with_its_code() {
        String room = aResource("ROOM").create();
        String base = place.api() + "/resources/" + room + "/availability";
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        refused(as(MEMBER).get(base), 422, "availability.range-missing");
        refused(as(MEMBER).get(base + "?from=" + day + "&to=" + day.minusDays(1)), 422, "availability.to-before-from");
        refused(as(MEMBER).get(base + "?from=" + day + "&to=" + day.plusDays(100)), 422, "availability.range-too-long");
        refused(as(MEMBER).get(base + "?from=9999-01-01&to=9999-01-02"), 422, "availability.absurd-date");
        refused(as(MEMBER).get(base + "?from=9999-12-31"), 422, "availability.absurd-date");
        refused(as(MEMBER).get(base + "?from=1900-01-01"), 422, "availability.absurd-date");
        refused(as(MEMBER).get(place.api() + "/availability?from=9999-01-01"), 422, "availability.absurd-date");
        refused(as(MEMBER).get(place.api() + "/availability"), 422, "availability.range-missing");
        // the last day a date can have: nothing to add a week to
        for (String path : List.of(base, place.api() + "/availability", place.api() + "/closures")) {
            var last = as(MEMBER).urlEncodingEnabled(false).get(path + "?from=%2B999999999-12-31");
            refused(last, 422, "availability.absurd-date");
        }
        // a query parameter that is no date at all: JAX-RS answers 404 for those (as for ?page=abc), a problem
        for (String nonsense : List.of("demain", "2027-02-30", "%2B999999999-12-31", "-0001-01-01")) {
            as(MEMBER)
                    .get(base + "?from=" + nonsense)
                    .then()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .contentType("application/problem+json");
        }
    }
}
