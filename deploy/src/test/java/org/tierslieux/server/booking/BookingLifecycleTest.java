package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.cancel;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.free;
import static org.tierslieux.server.booking.Fixtures.freeAt;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.resourceRules;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.booking.Fixtures.status;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingMoved;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.server.booking.Fixtures.Place;

/** A booking's life: confirmed, then cancelled (by whom, until when), moved, or marked as a no-show. */
@QuarkusTest
class BookingLifecycleTest {

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    @Inject
    RecordedEvents events;

    @Test
    void a_member_cancels_their_own_booking_and_the_slot_is_free_again() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        String id = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 12)));
        assertThat(events.about(BookingConfirmed.class, id)).singleElement().satisfies(e -> {
            assertThat(e.resource().value().toString()).isEqualTo(room);
            assertThat(e.period().start())
                    .isEqualTo(OffsetDateTime.parse(place.at(day, 10)).toInstant());
        });

        cancel(MEMBER, place, id, null)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelCause", equalTo("MEMBER"));
        assertThat(events.about(BookingCancelled.class, id))
                .singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(CancelCause.MEMBER));
        assertThat(free(MEMBER, place, room, day, day))
                .containsExactly(freeAt(place, day, LocalTime.of(9, 0), LocalTime.of(18, 0), 1));
        // once cancelled, it stays so
        refused(cancel(MEMBER, place, id, null), 409, "booking.not-active");
        as(MEMBER).get(place.api() + "/bookings/mine").then().body("items.id", not(hasItem(id)));
        as(MEMBER).get(place.api() + "/bookings/mine?when=past").then().body("items.id", hasItem(id));
        booked(MANAGER, place, slot(room, place.at(day, 10), place.at(day, 12)));
    }

    @Test
    void cancelling_or_moving_after_the_deadline_is_refused_to_the_member_not_to_the_manager() {
        String room = aResource("ROOM").create();
        // two days before the start, and the booking is in two weeks or more: still time
        resourceRules(place, room, Map.of("cancelDeadlineMinutes", 2 * 24 * 60));
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        String early = booked(MEMBER, place, slot(room, place.at(day, 9), place.at(day, 10)));
        cancel(MEMBER, place, early, null).then().statusCode(200);

        // thirty days before: already too late for a booking two weeks ahead
        resourceRules(place, room, Map.of("cancelDeadlineMinutes", 30 * 24 * 60));
        String late = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 11)));
        var refusal = cancel(MEMBER, place, late, "trop tard ?");
        refused(refusal, 409, "booking.cancel-deadline-passed");
        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 14), "end", place.at(day, 15)))
                        .post(place.api() + "/bookings/" + late + "/move"),
                409,
                "booking.cancel-deadline-passed");
        assertThat(status(MEMBER, place, late)).isEqualTo("CONFIRMED");
        cancel(MANAGER, place, late, "Salle réquisitionnée")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelCause", equalTo("MANAGER"));
    }

    @Test
    void a_manager_cancels_anyones_booking_but_only_with_a_reason() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        String id = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 12)));
        refused(cancel(MANAGER, place, id, null), 422, "booking.reason-required");
        refused(cancel(MANAGER, place, id, "   "), 422, "booking.reason-required");
        assertThat(status(MEMBER, place, id)).isEqualTo("CONFIRMED");
        cancel(MANAGER, place, id, "Fuite d'eau dans la salle")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelCause", equalTo("MANAGER"))
                .body("cancelReason", equalTo("Fuite d'eau dans la salle"));
        assertThat(events.about(BookingCancelled.class, id)).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo(CancelCause.MANAGER);
            assertThat(e.reason()).isEqualTo("Fuite d'eau dans la salle");
        });
        // the member sees why
        as(MEMBER)
                .get(place.api() + "/bookings/" + id)
                .then()
                .body("cancelReason", equalTo("Fuite d'eau dans la salle"));
    }

    @Test
    void a_member_neither_sees_nor_changes_another_members_booking_nor_one_of_another_place() {
        String other = aPerson("voisine", place, "MEMBER");
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.THURSDAY, 2);
        String theirs = booked(other, place, slot(room, place.at(day, 10), place.at(day, 12)));

        refused(as(MEMBER).get(place.api() + "/bookings/" + theirs), 404, "booking.not-found");
        refused(cancel(MEMBER, place, theirs, "je la veux"), 404, "booking.not-found");
        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 14), "end", place.at(day, 15)))
                        .post(place.api() + "/bookings/" + theirs + "/move"),
                404,
                "booking.not-found");
        refused(as(MEMBER).post(place.api() + "/bookings/" + theirs + "/confirm"), 404, "booking.not-found");
        as(MEMBER).post(place.api() + "/bookings/" + theirs + "/no-show").then().statusCode(403);
        as(MEMBER)
                .get(place.api() + "/bookings?from=" + day + "&to=" + day)
                .then()
                .statusCode(403);
        assertThat(status(other, place, theirs)).isEqualTo("CONFIRMED");
        // a manager of both places: the id of one is unknown in the other
        refused(as(MANAGER).get("/api/v1/places/" + ATELIER + "/bookings/" + theirs), 404, "booking.not-found");
        refused(
                as(MANAGER)
                        .body(Map.of("reason", "x"))
                        .post("/api/v1/places/" + ATELIER + "/bookings/" + theirs + "/cancel"),
                404,
                "booking.not-found");
        as(MANAGER)
                .get(place.api() + "/bookings?from=" + day + "&to=" + day + "&resourceId=" + room)
                .then()
                .statusCode(200)
                .body("booking.id", hasItem(theirs))
                .body(
                        "find { it.booking.id == '" + theirs + "' }.personId",
                        equalTo(Fixtures.personId(other).toString()));
    }

    @Test
    void a_member_moves_a_booking_to_a_free_time_and_a_taken_time_leaves_it_where_it_was() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.FRIDAY, 2);
        String id = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 12)));
        booked(MANAGER, place, slot(room, place.at(day, 14), place.at(day, 16)));

        as(MEMBER)
                .body(Map.of("start", place.at(day, 11), "end", place.at(day, 13)))
                .post(place.api() + "/bookings/" + id + "/move")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("start", equalTo(place.at(day, 11)))
                .body("end", equalTo(place.at(day, 13)));
        assertThat(events.about(BookingMoved.class, id)).singleElement().satisfies(e -> {
            assertThat(e.from().start())
                    .isEqualTo(Instant.parse(
                            OffsetDateTime.parse(place.at(day, 10)).toInstant().toString()));
            assertThat(e.to().end())
                    .isEqualTo(OffsetDateTime.parse(place.at(day, 13)).toInstant());
        });

        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 15), "end", place.at(day, 17)))
                        .post(place.api() + "/bookings/" + id + "/move"),
                409,
                "booking.unavailable");
        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 17), "end", place.at(day, 19)))
                        .post(place.api() + "/bookings/" + id + "/move"),
                422,
                "booking.outside-opening-hours");
        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 16, 30), "end", place.at(day, 17, 30)))
                        .post(place.api() + "/bookings/" + id + "/move"),
                422,
                "booking.misaligned");
        as(MEMBER)
                .get(place.api() + "/bookings/" + id)
                .then()
                .body("status", equalTo("CONFIRMED"))
                .body("start", equalTo(place.at(day, 11)))
                .body("end", equalTo(place.at(day, 13)));
        assertThat(free(MEMBER, place, room, day, day))
                .containsExactly(
                        freeAt(place, day, LocalTime.of(9, 0), LocalTime.of(11, 0), 1),
                        freeAt(place, day, LocalTime.of(13, 0), LocalTime.of(14, 0), 1),
                        freeAt(place, day, LocalTime.of(16, 0), LocalTime.of(18, 0), 1));
        // overlapping its own old time is fine: it is one booking moving
        as(MEMBER)
                .body(Map.of("start", place.at(day, 12), "end", place.at(day, 14)))
                .post(place.api() + "/bookings/" + id + "/move")
                .then()
                .statusCode(200);
    }

    @Test
    void a_booking_in_a_pool_moves_onto_a_full_slot_only_if_seats_are_left() {
        String pool = aResource("DESK_POOL").capacity(2).create();
        LocalDate day = place.next(DayOfWeek.MONDAY, 3);
        String id = booked(MEMBER, place, slot(pool, place.at(day, 9), place.at(day, 13)));
        booked(MANAGER, place, slot(pool, place.at(day, 13), place.at(day, 17), 2));
        refused(
                as(MEMBER)
                        .body(Map.of("start", place.at(day, 13), "end", place.at(day, 17)))
                        .post(place.api() + "/bookings/" + id + "/move"),
                409,
                "booking.unavailable");
        // the same place in the pool on another day
        as(MEMBER)
                .body(Map.of("start", place.at(day.plusDays(1), 13), "end", place.at(day.plusDays(1), 17)))
                .post(place.api() + "/bookings/" + id + "/move")
                .then()
                .statusCode(200);
    }

    @Test
    void a_no_show_is_marked_by_a_manager_only_once_the_booking_has_started() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        String id = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 12)));
        refused(as(MANAGER).post(place.api() + "/bookings/" + id + "/no-show"), 409, "booking.not-started");
        assertThat(status(MEMBER, place, id)).isEqualTo("CONFIRMED");

        MovableClock clock = MovableClock.install();
        clock.setTo(OffsetDateTime.parse(place.at(day, 10, 20)).toInstant());
        as(MANAGER)
                .post(place.api() + "/bookings/" + id + "/no-show")
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_SHOW"));
        refused(as(MANAGER).post(place.api() + "/bookings/" + id + "/no-show"), 409, "booking.not-confirmed");
        refused(cancel(MEMBER, place, id, null), 409, "booking.not-active");
        // a no-show gives the rest of the slot back
        assertThat(free(MEMBER, place, room, day, day))
                .containsExactly(freeAt(place, day, LocalTime.of(11, 0), LocalTime.of(18, 0), 1));
    }

    @Test
    void a_member_cannot_cancel_a_booking_once_it_has_started_nor_after_it_is_over() {
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        String started = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 12)));
        MovableClock clock = MovableClock.install();
        clock.setTo(OffsetDateTime.parse(place.at(day, 11)).toInstant());
        refused(cancel(MEMBER, place, started, null), 409, "booking.cancel-deadline-passed");
        clock.setTo(OffsetDateTime.parse(place.at(day, 13)).toInstant());
        refused(cancel(MANAGER, place, started, "trop tard"), 409, "booking.already-over");
        as(MEMBER).get(place.api() + "/bookings/mine?when=past").then().body("items.id", hasItem(started));
    }
}
