package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Demo;

/** A held booking spends its credits once: when held, not again when confirmed; an expired hold gives them back. */
@QuarkusTest
class HeldBookingCreditsTest {

    @Inject
    BookingService bookings;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    @Test
    void a_hold_consumes_once_its_confirmation_nothing_more_and_an_expired_hold_gives_back() {
        MovableClock clock = MovableClock.install();
        Fixtures.Place place = Fixtures.aPlace("option", Fixtures.PARIS);
        String pool = Fixtures.aResource("DESK_POOL").in(place).slotMinutes(60).create();
        String member = Fixtures.aPerson("membre", place, "MEMBER");
        String pack = as(Demo.MANAGER)
                .body(Map.of(
                        "name",
                        "Carnet 3 jours",
                        "scope",
                        Map.of("kind", "DESK_POOL"),
                        "unit",
                        "DAY",
                        "quantity",
                        3,
                        "validityMonths",
                        3,
                        "price",
                        Map.of("amount", "60"),
                        "vatRate",
                        "20"))
                .post(place.api() + "/packs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(member)
                .body(Map.of("packId", pack))
                .post(place.api() + "/pack-purchases")
                .then()
                .statusCode(201);
        PersonId person = new PersonId(Fixtures.personId(member));
        Booker booker = new Booker(person, true, false);
        var ref = places.bySlug(place.slug()).orElseThrow();
        var day = place.next(DayOfWeek.TUESDAY, 1);
        TimeRange tuesday = new TimeRange(
                OffsetDateTime.parse(place.at(day, 9)).toInstant(),
                OffsetDateTime.parse(place.at(day, 18)).toInstant());
        TimeRange wednesday = new TimeRange(
                tuesday.start().plus(Duration.ofDays(1)), tuesday.end().plus(Duration.ofDays(1)));
        Instant until = clock.instant().plus(Duration.ofHours(2));

        UUID held = scope.call(
                        ref,
                        () -> bookings.hold(
                                booker,
                                new BookingService.Request(new ResourceId(UUID.fromString(pool)), tuesday, 1, null),
                                until))
                .id()
                .value();
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(2.0);
        scope.call(ref, () -> bookings.confirm(booker, new org.tierslieux.core.booking.BookingId(held)));
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(2.0);

        scope.call(
                ref,
                () -> bookings.hold(
                        booker,
                        new BookingService.Request(new ResourceId(UUID.fromString(pool)), wednesday, 1, null),
                        until));
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(1.0);
        clock.advance(Duration.ofHours(3));
        assertThat(scope.call(ref, bookings::expireHolds)).isEqualTo(1);
        assertThat(PlanSteps.usableLeft(member, place)).isEqualTo(2.0);
        List<Map<String, Object>> history = PlanSteps.credits(member, place).getList("history.items");
        assertThat(history).extracting(e -> e.get("type")).containsExactly("REFUND", "CONSUME", "CONSUME", "GRANT");
    }
}
