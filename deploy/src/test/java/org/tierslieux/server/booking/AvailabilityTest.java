package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tierslieux.server.booking.Fixtures.PARIS;
import static org.tierslieux.server.booking.Fixtures.aPlace;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.book;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.everyDay;
import static org.tierslieux.server.booking.Fixtures.free;
import static org.tierslieux.server.booking.Fixtures.freeAt;
import static org.tierslieux.server.booking.Fixtures.open;
import static org.tierslieux.server.booking.Fixtures.placeHours;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.resourceHours;
import static org.tierslieux.server.booking.Fixtures.resourceRules;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;

import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.Fixtures.Free;
import org.tierslieux.server.booking.Fixtures.Place;

/**
 * What members see free: opening hours of the place and of each resource, closures and maintenance, other
 * bookings, the resource's booking grid and seats, the whole place's week, and days when the clocks change.
 */
@QuarkusTest
class AvailabilityTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);

    @Test
    void the_place_hours_apply_to_every_resource_unless_it_has_its_own() {
        Place place = aPlace("horaires", PARIS);
        placeHours(
                place,
                List.of(
                        open(DayOfWeek.TUESDAY, "08:00", "12:00"),
                        open(DayOfWeek.TUESDAY, "14:00", "19:30"),
                        open(DayOfWeek.WEDNESDAY, "08:00", "12:00")));
        String room = aResource("ROOM").in(place).create();
        String machine = aResource("MACHINE").in(place).create();
        resourceHours(place, machine, List.of(open(DayOfWeek.TUESDAY, "10:00", "16:00")));
        LocalDate tuesday = place.next(DayOfWeek.TUESDAY, 2);
        LocalDate wednesday = tuesday.plusDays(1);

        assertThat(free(MEMBER, place, room, tuesday, wednesday))
                .containsExactly(
                        freeAt(place, tuesday, LocalTime.of(8, 0), LocalTime.NOON, 1),
                        freeAt(place, tuesday, LocalTime.of(14, 0), LocalTime.of(19, 30), 1),
                        freeAt(place, wednesday, LocalTime.of(8, 0), LocalTime.NOON, 1));
        assertThat(free(MEMBER, place, machine, tuesday, wednesday))
                .containsExactly(freeAt(place, tuesday, LocalTime.of(10, 0), LocalTime.of(16, 0), 1));

        as(MEMBER)
                .get(place.api() + "/resources/" + room + "/opening-hours")
                .then()
                .statusCode(200)
                .body("inherited", equalTo(true))
                .body("hours", hasSize(3));
        as(MEMBER)
                .get(place.api() + "/resources/" + machine + "/opening-hours")
                .then()
                .statusCode(200)
                .body("inherited", equalTo(false))
                .body("hours", hasSize(1));
        // outside the resource's own hours, though inside the place's
        refused(
                book(MEMBER, place, slot(machine, place.at(wednesday, 9), place.at(wednesday, 10))),
                422,
                "booking.outside-opening-hours");
        booked(MEMBER, place, slot(machine, place.at(tuesday, 15), place.at(tuesday, 16)));

        // an empty list: the resource follows the place again
        resourceHours(place, machine, List.of());
        assertThat(free(MEMBER, place, machine, wednesday, wednesday))
                .containsExactly(freeAt(place, wednesday, LocalTime.of(8, 0), LocalTime.NOON, 1));
    }

    @Test
    void closures_of_the_place_or_of_a_resource_and_maintenance_take_their_time_out() {
        Place place = aPlace("fermetures", PARIS);
        String room = aResource("ROOM").in(place).create();
        String machine = aResource("MACHINE").in(place).create();
        LocalDate tuesday = place.next(DayOfWeek.TUESDAY, 2);
        LocalDate wednesday = tuesday.plusDays(1);
        close(place, null, "CLOSURE", place.at(wednesday, 0), place.at(wednesday.plusDays(1), 0), "Inventaire");
        close(place, machine, "MAINTENANCE", place.at(tuesday, 12), place.at(tuesday, 14), "Nouvelle lentille");
        close(place, room, "CLOSURE", place.at(tuesday, 9), place.at(tuesday, 10), "Réunion d'équipe");

        assertThat(free(MEMBER, place, machine, tuesday, wednesday))
                .containsExactly(
                        freeAt(place, tuesday, NINE, LocalTime.NOON, 1),
                        freeAt(place, tuesday, LocalTime.of(14, 0), SIX_PM, 1));
        assertThat(free(MEMBER, place, room, tuesday, wednesday))
                .containsExactly(freeAt(place, tuesday, LocalTime.of(10, 0), SIX_PM, 1));

        refused(
                book(MEMBER, place, slot(machine, place.at(tuesday, 13), place.at(tuesday, 13, 30))),
                409,
                "booking.maintenance");
        refused(book(MEMBER, place, slot(room, place.at(tuesday, 9), place.at(tuesday, 11))), 409, "booking.closed");
        refused(
                book(MEMBER, place, slot(room, place.at(wednesday, 10), place.at(wednesday, 11))),
                409,
                "booking.closed");
        as(MANAGER)
                .body(Map.of("kind", "MAINTENANCE", "start", place.at(tuesday, 9), "end", place.at(tuesday, 10)))
                .post(place.api() + "/closures")
                .then()
                .statusCode(422)
                .body("code", equalTo("closure.maintenance-needs-resource"));
        as(MEMBER)
                .get(place.api() + "/closures?from=" + tuesday + "&to=" + wednesday)
                .then()
                .statusCode(200)
                .body("", hasSize(3));
    }

    @Test
    void free_intervals_follow_the_grid_of_each_resource() {
        Place place = coworking();
        String machine = aResource("MACHINE").create();
        String desk = aResource("DESK").create();
        as(MEMBER).get(place.api() + "/resources/" + machine).then().body("slotMinutes", equalTo(30));
        as(MEMBER).get(place.api() + "/resources/" + desk).then().body("slotMinutes", equalTo(240));
        LocalDate day = place.next(DayOfWeek.THURSDAY, 2);

        booked(MEMBER, place, slot(machine, place.at(day, 10), place.at(day, 10, 30)));
        assertThat(free(MEMBER, place, machine, day, day))
                .containsExactly(
                        freeAt(place, day, NINE, LocalTime.of(10, 0), 1),
                        freeAt(place, day, LocalTime.of(10, 30), SIX_PM, 1));
        refused(
                book(MEMBER, place, slot(machine, place.at(day, 11, 15), place.at(day, 12))),
                422,
                "booking.misaligned");
        refused(
                book(MEMBER, place, slot(machine, place.at(day, 11), place.at(day, 11, 45))),
                422,
                "booking.misaligned");

        // half days counted from the opening: 9–13, 13–17, then what is left until closing
        booked(MEMBER, place, slot(desk, place.at(day, 13), place.at(day, 17)));
        assertThat(free(MEMBER, place, desk, day, day))
                .containsExactly(
                        freeAt(place, day, NINE, LocalTime.of(13, 0), 1),
                        freeAt(place, day, LocalTime.of(17, 0), SIX_PM, 1));
        refused(book(MEMBER, place, slot(desk, place.at(day, 10), place.at(day, 13))), 422, "booking.misaligned");
        // a whole day and an afternoon until closing end on the closing time, off the grid but allowed
        booked(MEMBER, place, slot(desk, place.at(day.plusDays(1), 9), place.at(day.plusDays(1), 18)));
        booked(MEMBER, place, slot(desk, place.at(day.plusDays(7), 13), place.at(day.plusDays(7), 18)));
    }

    @Test
    void a_pool_shows_how_many_seats_are_left_and_hides_full_slots() {
        Place place = coworking();
        String pool = aResource("DESK_POOL").capacity(5).create();
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 3);
        booked(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13), 2));
        booked(MANAGER, place, slot(pool, place.at(day, 9), place.at(day, 18), 1));
        assertThat(free(MEMBER, place, pool, day, day))
                .containsExactly(
                        freeAt(place, day, NINE, LocalTime.of(13, 0), 2),
                        freeAt(place, day, LocalTime.of(13, 0), SIX_PM, 4));

        booked(MANAGER, place, slot(pool, place.at(day, 9), place.at(day, 13), 2));
        assertThat(free(MEMBER, place, pool, day, day))
                .containsExactly(freeAt(place, day, LocalTime.of(13, 0), SIX_PM, 4));
        refused(book(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13))), 409, "booking.unavailable");
        // four seats from 13:00, not five
        refused(book(MEMBER, place, slot(pool, place.at(day, 13), place.at(day, 17), 5)), 409, "booking.unavailable");
        booked(MEMBER, place, slot(pool, place.at(day, 13), place.at(day, 17), 4));
        assertThat(free(MEMBER, place, pool, day, day))
                .containsExactly(freeAt(place, day, LocalTime.of(17, 0), SIX_PM, 4));
    }

    @Test
    void the_week_of_a_whole_place_lists_every_active_resource_as_its_own_availability_does() {
        Place place = aPlace("semaine", PARIS);
        String room = aResource("ROOM").in(place).create();
        String pool = aResource("DESK_POOL").capacity(3).in(place).create();
        String archived = aResource("MACHINE").in(place).create();
        as(MANAGER)
                .post(place.api() + "/resources/" + archived + "/archive")
                .then()
                .statusCode(200);
        LocalDate monday = place.next(DayOfWeek.MONDAY, 2);
        booked(MEMBER, place, slot(room, place.at(monday, 10), place.at(monday, 12)));
        booked(MEMBER, place, slot(pool, place.at(monday.plusDays(2), 9), place.at(monday.plusDays(2), 13), 2));

        var week = as(MEMBER)
                .get(place.api() + "/availability?from=" + monday)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("from", equalTo(monday.toString()))
                .body("to", equalTo(monday.plusDays(6).toString()))
                .body("resources", hasSize(2))
                .body("resources.resourceId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(archived)))
                .extract()
                .jsonPath();
        for (String resource : List.of(room, pool)) {
            List<Map<String, Object>> rows =
                    week.getList("resources.find { it.resourceId == '" + resource + "' }.intervals");
            assertThat(rows.stream().map(Fixtures::free).toList())
                    .isEqualTo(free(MEMBER, place, resource, monday, monday.plusDays(6)));
        }
        List<Free> roomWeek = free(MEMBER, place, room, monday, monday.plusDays(6));
        // Monday split around the booking, then Tuesday to Friday whole; nothing at the weekend
        assertThat(roomWeek).hasSize(6);
        assertThat(free(MEMBER, place, pool, monday.plusDays(2), monday.plusDays(2)))
                .containsExactly(
                        freeAt(place, monday.plusDays(2), NINE, LocalTime.of(13, 0), 1),
                        freeAt(place, monday.plusDays(2), LocalTime.of(13, 0), SIX_PM, 3));
        // an archived resource has nothing free
        assertThat(free(MEMBER, place, archived, monday, monday)).isEmpty();
        refused(
                book(MEMBER, place, slot(archived, place.at(monday, 9), place.at(monday, 10))),
                422,
                "booking.resource-archived");
    }

    @Test
    void opening_hours_keep_their_local_time_across_the_clock_changes_of_chatham() {
        ZoneId chatham = ZoneId.of("Pacific/Chatham");
        Place place = aPlace("chatham", chatham);
        placeHours(place, everyDay("09:00", "18:00"));
        String room = aResource("ROOM").in(place).create();
        resourceRules(place, room, Map.of("horizonDays", 400));
        for (ZoneOffsetTransition change : nextTwoChanges(chatham)) {
            opensAtTheSameLocalTimeAroundTheChange(place, room, change);
        }
    }

    @Test
    void opening_hours_keep_their_local_time_across_the_clock_changes_of_paris() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        resourceHours(place, room, everyDay("09:00", "18:00"));
        resourceRules(place, room, Map.of("horizonDays", 400));
        for (ZoneOffsetTransition change : nextTwoChanges(PARIS)) {
            opensAtTheSameLocalTimeAroundTheChange(place, room, change);
        }
    }

    /**
     * The day before, of and after a change: open 9:00–18:00 local each day, so the instants between two
     * openings are 23 or 25 hours apart; a booking on the day of the change keeps its local time.
     */
    private static void opensAtTheSameLocalTimeAroundTheChange(Place place, String room, ZoneOffsetTransition change) {
        LocalDate day = change.getDateTimeBefore().toLocalDate();
        ZoneOffset before = change.getOffsetBefore();
        ZoneOffset after = change.getOffsetAfter();
        assertThat(change.getDateTimeBefore().toLocalTime()).isBefore(NINE);

        List<Free> three = free(MEMBER, place, room, day.minusDays(1), day.plusDays(1));
        assertThat(three).hasSize(3);
        for (Free f : three) {
            assertThat(f.start().toLocalTime()).isEqualTo(NINE);
            assertThat(f.end().toLocalTime()).isEqualTo(SIX_PM);
            assertThat(f.free()).isEqualTo(1);
        }
        assertThat(three.get(0).start().getOffset()).isEqualTo(before);
        assertThat(three.get(1).start().getOffset()).isEqualTo(after);
        assertThat(three.get(2).start().getOffset()).isEqualTo(after);
        Duration shift = Duration.ofSeconds(before.getTotalSeconds() - after.getTotalSeconds());
        assertThat(Duration.between(three.get(0).startInstant(), three.get(1).startInstant()))
                .isEqualTo(Duration.ofHours(24).plus(shift));

        String start = place.at(day, 10);
        var response = book(MEMBER, place, slot(room, start, place.at(day, 12)));
        response.then().statusCode(201).body("start", equalTo(start));
        assertThat(start).endsWith(after.getId());
        assertThat(free(MEMBER, place, room, day, day))
                .containsExactly(
                        freeAt(place, day, NINE, LocalTime.of(10, 0), 1),
                        freeAt(place, day, LocalTime.NOON, SIX_PM, 1));
    }

    @Test
    void a_night_window_across_the_change_is_as_long_as_the_clock_says() {
        Place place = coworking();
        String machine = aResource("MACHINE").slotMinutes(60).create();
        List<Map<String, Object>> nights = new ArrayList<>(everyDay("00:00", "06:00"));
        resourceHours(place, machine, nights);
        resourceRules(place, machine, Map.of("horizonDays", 400));
        for (ZoneOffsetTransition change : nextTwoChanges(PARIS)) {
            LocalDate day = change.getDateTimeBefore().toLocalDate();
            List<Free> night = free(MEMBER, place, machine, day, day);
            assertThat(night).hasSize(1);
            Duration length = Duration.between(
                    night.get(0).startInstant(), night.get(0).end().toInstant());
            // 6 hours of clock, one hour less in spring, one more in autumn
            assertThat(length)
                    .isEqualTo(Duration.ofHours(6).plus(change.getDuration().negated()));
            assertThat(night.get(0).start().toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(night.get(0).end().toLocalTime()).isEqualTo(LocalTime.of(6, 0));
        }
        // in spring, 01:00 to 03:00 lasts one hour and lies on the hourly grid counted from midnight
        ZoneOffsetTransition spring = nextTwoChanges(PARIS).stream()
                .filter(ZoneOffsetTransition::isGap)
                .findFirst()
                .orElseThrow();
        LocalDate day = spring.getDateTimeBefore().toLocalDate();
        String id = booked(MEMBER, place, slot(machine, place.at(day, 1), place.at(day, 3)));
        var b = as(MEMBER).get(place.api() + "/bookings/" + id).then().extract().jsonPath();
        assertThat(Duration.between(
                        java.time.OffsetDateTime.parse(b.getString("start")),
                        java.time.OffsetDateTime.parse(b.getString("end"))))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anyone_signed_in_may_read_availability_but_not_of_an_unknown_resource() {
        String room = aResource("ROOM").create();
        LocalDate day = coworking().next(DayOfWeek.TUESDAY, 2);
        // member2 is not a member of this place: availability is public to the signed-in (events open to all)
        assertThat(free(MEMBER2, coworking(), room, day, day)).hasSize(1);
        refused(
                as(MEMBER)
                        .get(coworking().api() + "/resources/" + java.util.UUID.randomUUID() + "/availability?from="
                                + day),
                404,
                "resource.not-found");
    }

    private static void close(Place place, String resource, String kind, String start, String end, String reason) {
        var body = new java.util.HashMap<String, Object>(
                Map.of("kind", kind, "start", start, "end", end, "reason", reason));
        if (resource != null) {
            body.put("resourceId", resource);
        }
        as(MANAGER).body(body).post(place.api() + "/closures").then().statusCode(201);
    }

    /** The next two changes of the zone's clocks (one each way), seen from now. */
    static List<ZoneOffsetTransition> nextTwoChanges(ZoneId zone) {
        var rules = zone.getRules();
        ZoneOffsetTransition first = rules.nextTransition(Instant.now().plus(Duration.ofDays(7)));
        ZoneOffsetTransition second = rules.nextTransition(first.getInstant());
        return List.of(first, second);
    }
}
