package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.as;
import static org.tierslieux.server.booking.Fixtures.booked;
import static org.tierslieux.server.booking.Fixtures.cancel;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.refused;
import static org.tierslieux.server.booking.Fixtures.slot;
import static org.tierslieux.server.booking.Fixtures.status;
import static org.tierslieux.server.booking.WaitlistTest.join;
import static org.tierslieux.server.booking.WaitlistTest.offeredBooking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.CancelCause;
import org.tierslieux.server.booking.Fixtures.Place;

/**
 * Offers and holds that run out, with a three-second window and a sweep every second (a profile of its own:
 * Quarkus restarts for this class, so every test that needs short windows lives here).
 */
@QuarkusTest
@TestProfile(WaitlistExpiryTest.ShortWindows.class)
class WaitlistExpiryTest {

    public static class ShortWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tl.booking.waitlist-offer-window", "PT3S", "tl.booking.hold-sweep-every", "1s");
        }
    }

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    @Inject
    RecordedEvents events;

    @Test
    void an_offer_left_unanswered_expires_and_goes_to_the_next_in_line_then_frees_the_slot() {
        String room = aResource("ROOM").create();
        String holder = aPerson("titulaire", place, "MEMBER");
        String first = aPerson("distraite", place, "MEMBER");
        String second = aPerson("attentif", place, "MEMBER");
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        var full = slot(room, place.at(day, 10), place.at(day, 12));
        String taken = booked(holder, place, full);
        String firstEntry = join(first, place, full);
        String secondEntry = join(second, place, full);

        cancel(holder, place, taken, null).then().statusCode(200);
        String offeredToFirst = offeredBooking(first, place, firstEntry);
        assertThat(status(first, place, offeredToFirst)).isEqualTo("HELD");

        // nobody answers: after the window, the sweep gives the slot back and offers it to the next one
        waitUntil(Duration.ofSeconds(30), () -> "EXPIRED".equals(status(first, place, offeredToFirst)));
        assertThat(events.about(BookingCancelled.class, offeredToFirst))
                .singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(CancelCause.EXPIRED));
        refused(as(first).post(place.api() + "/bookings/" + offeredToFirst + "/confirm"), 409, "booking.not-held");
        waitUntil(
                Duration.ofSeconds(10),
                () -> "OFFERED"
                        .equals(as(second)
                                .get(place.api() + "/waitlist/mine")
                                .then()
                                .extract()
                                .path("find { it.id == '" + secondEntry + "' }.status")));
        String offeredToSecond = offeredBooking(second, place, secondEntry);
        assertThat(status(second, place, offeredToSecond)).isEqualTo("HELD");

        // the second one does not answer either: with nobody left waiting, the slot is free again
        waitUntil(Duration.ofSeconds(30), () -> "EXPIRED".equals(status(second, place, offeredToSecond)));
        assertThat(Fixtures.free(holder, place, room, day, day))
                .containsExactly(Fixtures.freeAt(place, day, LocalTime.of(9, 0), LocalTime.of(18, 0), 1));
        as(first).get(place.api() + "/waitlist/mine").then().statusCode(200).body("size()", equalTo(0));
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not so after " + limit);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
