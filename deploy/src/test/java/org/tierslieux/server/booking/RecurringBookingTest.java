package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tierslieux.server.booking.Fixtures.aPlace;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.bookingRows;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.everyDay;
import static org.tierslieux.server.booking.Fixtures.placeHours;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.resourceRules;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.Fixtures.Place;

/** The same booking every week: all of it or none, or what can be booked with the rest listed. */
@QuarkusTest
class RecurringBookingTest {

    private static Response series(String who, Place place, Map<String, Object> slot, Map<String, Object> how) {
        var body = new HashMap<>(slot);
        body.putAll(how);
        return as(who).body(body).post(place.api() + "/bookings/recurring");
    }

    private static List<OffsetDateTime> starts(JsonPath answer) {
        return answer.<String>getList("booked.start").stream()
                .map(OffsetDateTime::parse)
                .toList();
    }

    @Test
    void a_weekly_series_books_the_same_time_for_n_weeks_or_until_a_date() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate first = place.next(DayOfWeek.TUESDAY, 2);
        var answer = series(MEMBER, place, slot(room, place.at(first, 10), place.at(first, 12)), Map.of("weeks", 4))
                .then()
                .statusCode(201)
                .body("booked", hasSize(4))
                .body("skipped", hasSize(0))
                .extract()
                .jsonPath();
        String seriesId = answer.getString("seriesId");
        assertThat(answer.<String>getList("booked.seriesId")).containsOnly(seriesId);
        assertThat(starts(answer))
                .containsExactly(
                        OffsetDateTime.parse(place.at(first, 10)),
                        OffsetDateTime.parse(place.at(first.plusWeeks(1), 10)),
                        OffsetDateTime.parse(place.at(first.plusWeeks(2), 10)),
                        OffsetDateTime.parse(place.at(first.plusWeeks(3), 10)));
        assertThat(answer.<String>getList("booked.status")).containsOnly("CONFIRMED");

        LocalDate thursday = first.plusDays(2);
        series(
                        MEMBER,
                        place,
                        slot(room, place.at(thursday, 14), place.at(thursday, 15)),
                        Map.of("until", thursday.plusWeeks(2).toString()))
                .then()
                .statusCode(201)
                .body("booked", hasSize(3));
    }

    @Test
    void all_or_nothing_refuses_the_whole_series_when_one_date_is_taken_and_writes_nothing() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate first = place.next(DayOfWeek.WEDNESDAY, 2);
        LocalDate taken = first.plusWeeks(2);
        booked(MANAGER, place, slot(room, place.at(taken, 11), place.at(taken, 12)));
        long before = bookingRows();

        var refusal = series(
                MEMBER,
                place,
                slot(room, place.at(first, 10), place.at(first, 12)),
                Map.of("weeks", 5, "mode", "ALL_OR_NOTHING"));
        refused(refusal, 409, "booking.series-conflict");
        assertThat(refusal.jsonPath().getString("detail")).contains(taken.toString());
        assertThat(bookingRows()).isEqualTo(before);
        // the default is all or nothing
        refused(
                series(MEMBER, place, slot(room, place.at(first, 10), place.at(first, 12)), Map.of("weeks", 5)),
                409,
                "booking.series-conflict");
        assertThat(bookingRows()).isEqualTo(before);
        assertThat(Fixtures.free(MEMBER, place, room, first, first)).hasSize(1);
    }

    @Test
    void all_or_nothing_lists_every_date_a_rule_refuses() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate first = place.next(DayOfWeek.WEDNESDAY, 2);
        for (LocalDate closed : List.of(first.plusWeeks(1), first.plusWeeks(3))) {
            as(MANAGER)
                    .body(Map.of(
                            "resourceId", room, "start", place.at(closed, 0), "end", place.at(closed.plusDays(1), 0)))
                    .post(place.api() + "/closures")
                    .then()
                    .statusCode(201);
        }
        long before = bookingRows();
        var refusal = series(MEMBER, place, slot(room, place.at(first, 10), place.at(first, 12)), Map.of("weeks", 5));
        refused(refusal, 409, "booking.series-conflict");
        assertThat(refusal.jsonPath().getString("detail"))
                .contains(first.plusWeeks(1).toString())
                .contains(first.plusWeeks(3).toString());
        assertThat(bookingRows()).isEqualTo(before);
    }

    @Test
    void skipping_conflicts_books_every_other_date_and_lists_the_skipped_ones() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate first = place.next(DayOfWeek.THURSDAY, 2);
        LocalDate taken = first.plusWeeks(2);
        booked(MANAGER, place, slot(room, place.at(taken, 9), place.at(taken, 11)));

        var answer = series(
                        MEMBER,
                        place,
                        slot(room, place.at(first, 10), place.at(first, 12)),
                        Map.of("weeks", 5, "mode", "SKIP_CONFLICTS"))
                .then()
                .statusCode(201)
                .body("booked", hasSize(4))
                .body("skipped", hasSize(1))
                .body("skipped[0].date", equalTo(taken.toString()))
                .body("skipped[0].code", equalTo("booking.unavailable"))
                .extract()
                .jsonPath();
        assertThat(answer.getString("skipped[0].message")).isNotBlank().isNotEqualTo("booking.unavailable");
        assertThat(starts(answer).stream().map(s -> s.toLocalDate()).toList())
                .containsExactly(first, first.plusWeeks(1), first.plusWeeks(3), first.plusWeeks(4));
        // nothing could be booked: a refusal like any other, a problem listing the dates
        long before = bookingRows();
        var none = series(
                MEMBER,
                place,
                slot(room, place.at(first, 10), place.at(first, 12)),
                Map.of("weeks", 2, "mode", "SKIP_CONFLICTS"));
        refused(none, 409, "booking.series-conflict");
        assertThat(none.jsonPath().getString("detail"))
                .contains(first.toString())
                .contains(first.plusWeeks(1).toString());
        assertThat(bookingRows()).isEqualTo(before);
    }

    @Test
    void a_series_across_a_change_of_clocks_keeps_its_local_time() {
        ZoneId chatham = ZoneId.of("Pacific/Chatham");
        Place chathamPlace = aPlace("serie-chatham", chatham);
        placeHours(chathamPlace, everyDay("09:00", "18:00"));
        for (Place place : List.of(coworking(), chathamPlace)) {
            String room = aResource("ROOM").in(place).create();
            resourceRules(place, room, Map.of("horizonDays", 400));
            ZoneOffsetTransition change =
                    AvailabilityTest.nextTwoChanges(place.zone()).get(0);
            LocalDate changeDay = change.getDateTimeBefore().toLocalDate();
            // changes fall on Sundays: from the Tuesday of the week before, for four weeks: two before, two after
            LocalDate first = changeDay.minusWeeks(1).with(DayOfWeek.TUESDAY);
            var answer = series(MEMBER, place, slot(room, place.at(first, 10), place.at(first, 12)), Map.of("weeks", 4))
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            List<OffsetDateTime> starts = starts(answer);
            assertThat(starts).hasSize(4);
            assertThat(starts).allSatisfy(s -> assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
            assertThat(starts.get(0).getOffset()).isEqualTo(change.getOffsetBefore());
            assertThat(starts.get(3).getOffset()).isEqualTo(change.getOffsetAfter());
        }
    }

    @Test
    void a_series_needs_either_a_number_of_weeks_or_an_end_date_within_a_year() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate first = place.next(DayOfWeek.FRIDAY, 2);
        var slot = slot(room, place.at(first, 10), place.at(first, 12));
        long before = bookingRows();
        refused(series(MEMBER, place, slot, Map.of()), 422, "booking.series-length");
        refused(
                series(
                        MEMBER,
                        place,
                        slot,
                        Map.of("weeks", 2, "until", first.plusWeeks(3).toString())),
                422,
                "booking.series-length");
        refused(
                series(MEMBER, place, slot, Map.of("until", first.plusYears(2).toString())),
                422,
                "booking.series-length");
        refused(
                series(MEMBER, place, slot, Map.of("until", first.minusDays(1).toString())),
                422,
                "booking.series-length");
        as(MEMBER)
                .body(Map.of("resourceId", room, "start", place.at(first, 10), "end", place.at(first, 12), "weeks", 53))
                .post(place.api() + "/bookings/recurring")
                .then()
                .statusCode(400);
        assertThat(bookingRows()).isEqualTo(before);
    }
}
