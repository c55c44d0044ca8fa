package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.cancel;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.booking.Fixtures.status;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingHeld;
import org.tierslieux.core.booking.WaitlistOffered;
import org.tierslieux.server.booking.Fixtures.Place;

/** Waiting for a full slot: the first in line is offered it when it frees up, and confirms in time. */
@QuarkusTest
class WaitlistTest {

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    @Inject
    RecordedEvents events;

    static String join(String who, Place place, Map<String, Object> slot) {
        return as(who).body(slot)
                .post(place.api() + "/waitlist")
                .then()
                .statusCode(201)
                .body("status", equalTo("WAITING"))
                .extract()
                .path("id");
    }

    /** The caller's offered booking for the entry, as their waiting list shows it. */
    static String offeredBooking(String who, Place place, String entry) {
        return as(who).get(place.api() + "/waitlist/mine")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + entry + "' }.status", equalTo("OFFERED"))
                .extract()
                .path("find { it.id == '" + entry + "' }.offeredBookingId");
    }

    @Test
    void only_a_full_slot_can_be_waited_for_and_only_once() {
        String room = aResource("ROOM").create();
        String waiting = aPerson("patiente", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        var full = slot(room, place.at(day, 10), place.at(day, 12));
        booked(MEMBER, place, full);

        refused(
                as(waiting)
                        .body(slot(room, place.at(day, 14), place.at(day, 15)))
                        .post(place.api() + "/waitlist"),
                409,
                "waitlist.slot-free");
        String entry = join(waiting, place, full);
        refused(as(waiting).body(full).post(place.api() + "/waitlist"), 409, "waitlist.already-waiting");
        // a slot that merely overlaps the booking is full too
        join(waiting, place, slot(room, place.at(day, 11), place.at(day, 13)));
        as(waiting)
                .get(place.api() + "/waitlist/mine")
                .then()
                .statusCode(200)
                .body("id", hasItem(entry))
                .body("find { it.id == '" + entry + "' }.start", equalTo(place.at(day, 10)));
        // the rules of booking apply to waiting: not outside the hours, not for non-members
        refused(
                as(waiting)
                        .body(slot(room, place.at(day, 19), place.at(day, 20)))
                        .post(place.api() + "/waitlist"),
                422,
                "booking.outside-opening-hours");
        refused(as(MEMBER2).body(full).post(place.api() + "/waitlist"), 403, "booking.members-only");

        as(waiting)
                .post(place.api() + "/waitlist/" + entry + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        as(waiting).get(place.api() + "/waitlist/mine").then().body("id", not(hasItem(entry)));
        refused(as(MEMBER).post(place.api() + "/waitlist/" + entry + "/withdraw"), 404, "waitlist.not-found");
    }

    @Test
    void a_cancellation_offers_the_slot_to_the_first_waiting_member_who_confirms_it() {
        String room = aResource("ROOM").create();
        String holder = aPerson("titulaire", place, "MEMBER");
        String first = aPerson("premiere", place, "MEMBER");
        String second = aPerson("second", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        var full = slot(room, place.at(day, 10), place.at(day, 12));
        String taken = booked(holder, place, full);
        String firstEntry = join(first, place, full);
        String secondEntry = join(second, place, full);

        Instant cancelledAt = Instant.now();
        cancel(holder, place, taken, null).then().statusCode(200);

        String offered = offeredBooking(first, place, firstEntry);
        var mine = as(first)
                .get(place.api() + "/bookings/mine")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + offered + "' }.status", equalTo("HELD"))
                .body("items.find { it.id == '" + offered + "' }.holdExpiresAt", notNullValue())
                .extract()
                .jsonPath();
        Instant expires = OffsetDateTime.parse(
                        mine.getString("items.find { it.id == '" + offered + "' }.holdExpiresAt"))
                .toInstant();
        // the default window: two hours to answer
        assertThat(Duration.between(cancelledAt, expires)).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        as(second)
                .get(place.api() + "/waitlist/mine")
                .then()
                .body("find { it.id == '" + secondEntry + "' }.status", equalTo("WAITING"));
        // held for the first in line: nobody else takes it meanwhile
        assertThat(Fixtures.free(second, place, room, day, day)).hasSize(2);
        refused(Fixtures.book(second, place, full), 409, "booking.unavailable");
        assertThat(events.about(BookingHeld.class, offered)).hasSize(1);
        assertThat(events.about(WaitlistOffered.class, offered)).hasSize(1);

        as(first)
                .post(place.api() + "/bookings/" + offered + "/confirm")
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("holdExpiresAt", org.hamcrest.Matchers.nullValue());
        assertThat(events.about(BookingConfirmed.class, offered)).hasSize(1);
        refused(as(first).post(place.api() + "/bookings/" + offered + "/confirm"), 409, "booking.not-held");
        as(first).get(place.api() + "/waitlist/mine").then().body("id", not(hasItem(firstEntry)));
        // someone else cannot confirm one's offer
        refused(as(second).post(place.api() + "/bookings/" + offered + "/confirm"), 404, "booking.not-found");
    }

    @Test
    void an_offer_declined_goes_to_the_next_in_line() {
        String room = aResource("ROOM").create();
        String holder = aPerson("titulaire", place, "MEMBER");
        String first = aPerson("premiere", place, "MEMBER");
        String second = aPerson("second", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.THURSDAY, 2);
        var full = slot(room, place.at(day, 14), place.at(day, 16));
        String taken = booked(holder, place, full);
        String firstEntry = join(first, place, full);
        String secondEntry = join(second, place, full);
        cancel(holder, place, taken, null).then().statusCode(200);

        String offeredToFirst = offeredBooking(first, place, firstEntry);
        cancel(first, place, offeredToFirst, "finalement non").then().statusCode(200);
        String offeredToSecond = offeredBooking(second, place, secondEntry);
        assertThat(status(second, place, offeredToSecond)).isEqualTo("HELD");
        as(first).get(place.api() + "/waitlist/mine").then().body("id", not(hasItem(firstEntry)));
    }

    @Test
    void seats_freed_in_a_pool_go_to_those_waiting_for_as_many_seats_as_are_free() {
        String pool = aResource("DESK_POOL").capacity(3).create();
        String holder = aPerson("titulaire", place, "MEMBER");
        String big = aPerson("groupe", place, "MEMBER");
        String small = aPerson("solo", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.FRIDAY, 2);
        String taken = booked(holder, place, slot(pool, place.at(day, 9), place.at(day, 13), 2));
        booked(MANAGER, place, slot(pool, place.at(day, 9), place.at(day, 13)));
        String bigEntry = join(big, place, slot(pool, place.at(day, 9), place.at(day, 13), 3));
        String smallEntry = join(small, place, slot(pool, place.at(day, 9), place.at(day, 13), 1));

        cancel(holder, place, taken, null).then().statusCode(200);
        // two seats free: not enough for the group of three, who keeps waiting; the next one fits
        as(big).get(place.api() + "/waitlist/mine")
                .then()
                .body("find { it.id == '" + bigEntry + "' }.status", equalTo("WAITING"));
        String offered = offeredBooking(small, place, smallEntry);
        assertThat(status(small, place, offered)).isEqualTo("HELD");
        assertThat(Fixtures.free(small, place, pool, day, day))
                .contains(Fixtures.freeAt(place, day, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(13, 0), 1));
    }

    @Test
    void an_offer_confirmed_too_late_is_refused_and_the_slot_can_be_booked_again() {
        String room = aResource("ROOM").create();
        String holder = aPerson("titulaire", place, "MEMBER");
        String waiting = aPerson("attente", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 3);
        var full = slot(room, place.at(day, 14), place.at(day, 15));
        String taken = booked(holder, place, full);
        String entry = join(waiting, place, full);
        cancel(holder, place, taken, null).then().statusCode(200);
        String offered = offeredBooking(waiting, place, entry);

        MovableClock clock = MovableClock.install();
        clock.advance(Duration.ofHours(3));
        var late = as(waiting).post(place.api() + "/bookings/" + offered + "/confirm");
        // refused as expired, or as no longer held if the sweep already gave the slot back
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(late.jsonPath().getString("code")).isIn("booking.hold-expired", "booking.not-held");
        // the hold no longer counts, swept or not: the slot is free for anyone
        assertThat(Fixtures.free(holder, place, room, day, day)).hasSize(1);
        String rebooked = booked(holder, place, full);
        assertThat(status(holder, place, rebooked)).isEqualTo("CONFIRMED");
        assertThat(status(waiting, place, offered)).isEqualTo("EXPIRED");
    }
}
