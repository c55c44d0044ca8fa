package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.personId;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.booking.Fixtures.status;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.core.booking.ClosureScheduled;
import org.tierslieux.server.booking.Fixtures.Place;
import org.tierslieux.server.testsupport.Mailbox;

/** A maintenance block or a closure over existing bookings: members are told, the manager cancels or keeps. */
@QuarkusTest
class ClosuresTest {

    @Inject
    RecordedEvents events;

    @Inject
    MockMailbox mailbox;

    private static boolean mentions(Mail mail, String text) {
        return (mail.getText() != null && mail.getText().contains(text))
                || (mail.getHtml() != null && mail.getHtml().contains(text));
    }

    @Test
    void a_maintenance_block_over_bookings_lists_them_and_the_manager_cancels_them_with_a_reason() {
        Place place = coworking();
        String machine = aResource("MACHINE").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        String member = Fixtures.aPerson("touchee", place, "MEMBER");
        String other = Fixtures.aPerson("epargne", place, "MEMBER");
        String hit = booked(member, place, slot(machine, place.at(day, 10), place.at(day, 11)));
        String spared = booked(other, place, slot(machine, place.at(day, 15), place.at(day, 16)));

        var closure = as(MANAGER)
                .body(Map.of(
                        "resourceId",
                        machine,
                        "kind",
                        "MAINTENANCE",
                        "start",
                        place.at(day, 9),
                        "end",
                        place.at(day, 13),
                        "reason",
                        "Changement du tube laser"))
                .post(place.api() + "/closures")
                .then()
                .statusCode(201)
                .body("closure.kind", equalTo("MAINTENANCE"))
                .body("affected", hasSize(1))
                .body("affected[0].booking.id", equalTo(hit))
                .body("affected[0].personId", equalTo(personId(member).toString()))
                .extract()
                .jsonPath();
        String closureId = closure.getString("closure.id");

        // the members concerned are told: the event carries the bookings met
        List<ClosureScheduled> scheduled = events.all(ClosureScheduled.class).stream()
                .filter(e -> e.closure().toString().equals(closureId))
                .toList();
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0).affected())
                .extracting(b -> b.value().toString())
                .containsExactly(hit);
        // and by mail, with the reason
        Mailbox.await(mailbox, member, mail -> mentions(mail, "Changement du tube laser"));
        // until the manager decides, the booking is kept
        assertThat(status(member, place, hit)).isEqualTo("CONFIRMED");
        as(MANAGER)
                .get(place.api() + "/closures/" + closureId)
                .then()
                .statusCode(200)
                .body("affected", hasSize(1));
        as(MEMBER).get(place.api() + "/closures/" + closureId).then().statusCode(403);

        as(MANAGER)
                .body(Map.of("reason", "Machine en panne, désolés"))
                .post(place.api() + "/closures/" + closureId + "/cancel-affected")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].status", equalTo("CANCELLED"))
                .body("[0].cancelCause", equalTo("MAINTENANCE"))
                .body("[0].cancelReason", equalTo("Machine en panne, désolés"));
        assertThat(status(member, place, hit)).isEqualTo("CANCELLED");
        Mailbox.await(mailbox, member, mail -> mentions(mail, "Machine en panne, désolés"));
        assertThat(status(other, place, spared)).isEqualTo("CONFIRMED");
        Mailbox.settle();
        assertThat(Mailbox.sentTo(mailbox, other)).noneMatch(mail -> mentions(mail, "Changement du tube laser"));
        assertThat(events.about(BookingCancelled.class, hit)).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo(CancelCause.MAINTENANCE);
            assertThat(e.reason()).isEqualTo("Machine en panne, désolés");
        });
        // nothing left to cancel
        as(MANAGER).get(place.api() + "/closures/" + closureId).then().body("affected", hasSize(0));
    }

    @Test
    void a_manager_may_keep_the_bookings_a_closure_meets_and_reopen_later() {
        Place place = coworking();
        String room = aResource("ROOM").create();
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        String kept = booked(MEMBER, place, slot(room, place.at(day, 10), place.at(day, 11)));
        String closureId = as(MANAGER)
                .body(Map.of("resourceId", room, "start", place.at(day, 9), "end", place.at(day, 12)))
                .post(place.api() + "/closures")
                .then()
                .statusCode(201)
                .body("closure.kind", equalTo("CLOSURE"))
                .body("affected", hasSize(1))
                .extract()
                .path("closure.id");
        assertThat(status(MEMBER, place, kept)).isEqualTo("CONFIRMED");
        assertThat(Fixtures.free(MEMBER, place, room, day, day))
                .containsExactly(
                        Fixtures.freeAt(place, day, java.time.LocalTime.of(12, 0), java.time.LocalTime.of(18, 0), 1));

        as(MANAGER).delete(place.api() + "/closures/" + closureId).then().statusCode(204);
        as(MANAGER).get(place.api() + "/closures/" + closureId).then().statusCode(404);
        assertThat(Fixtures.free(MEMBER, place, room, day, day)).hasSize(2);
    }
}
