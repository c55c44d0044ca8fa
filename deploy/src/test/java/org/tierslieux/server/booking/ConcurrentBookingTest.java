package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.booking.Fixtures.aPerson;
import static org.tierslieux.server.booking.Fixtures.aResource;
import static org.tierslieux.server.booking.Fixtures.count;
import static org.tierslieux.server.booking.Fixtures.coworking;
import static org.tierslieux.server.booking.Fixtures.slot;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.server.booking.Fixtures.Answer;
import org.tierslieux.server.booking.Fixtures.Place;

/**
 * A storm of clients booking the same slot at the same instant: exactly as many succeed as there are seats,
 * every other one gets a clean 409, never a 5xx, and the table never holds more than the resource offers.
 */
@QuarkusTest
class ConcurrentBookingTest {

    /** The tests' own coworking (default hours, no public holidays, no rules). */
    private Place place;

    @BeforeEach
    void inOurCoworking() {
        place = coworking();
    }

    private static final int CLIENTS = 200;
    private static final int THREADS = 48;

    /** Personal tokens of a few members of each test place: integrations book with tokens, not passwords. */
    private static final Map<String, List<String>> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    RecordedEvents events;

    private List<String> tokens() {
        return TOKENS.computeIfAbsent(place.slug(), slug -> {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(Fixtures.token(aPerson("rafale", place, "MEMBER")));
            }
            return tokens;
        });
    }

    private List<Answer> storm(List<Map<String, Object>> bodies) throws Exception {
        List<String> tokens = tokens();
        List<java.net.http.HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            requests.add(Fixtures.post(tokens.get(i % tokens.size()), place.api() + "/bookings", bodies.get(i)));
        }
        return Fixtures.storm(THREADS, requests);
    }

    private static List<Map<String, Object>> times(int n, Map<String, Object> body) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bodies.add(body);
        }
        return bodies;
    }

    @Test
    void two_hundred_clients_booking_one_desk_at_once_make_one_booking_and_199_clean_conflicts() throws Exception {
        String desk = aResource("DESK").create();
        LocalDate day = place.next(DayOfWeek.TUESDAY, 2);
        List<Answer> answers = storm(times(CLIENTS, slot(desk, place.at(day, 9), place.at(day, 13))));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() != 201)
                .hasSize(CLIENTS - 1)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.code()).isEqualTo("booking.unavailable");
                });
        assertNeverOverbooked(desk, 1);
        assertThat(activeRows(desk)).isEqualTo(1);
        assertThat(events.onResource(BookingConfirmed.class, desk)).hasSize(1);
    }

    @Test
    void two_hundred_clients_booking_one_pool_of_seven_at_once_make_seven_bookings() throws Exception {
        String pool = aResource("DESK_POOL").capacity(7).create();
        LocalDate day = place.next(DayOfWeek.WEDNESDAY, 2);
        List<Answer> answers = storm(times(CLIENTS, slot(pool, place.at(day, 9), place.at(day, 13))));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(7);
        assertThat(answers)
                .filteredOn(a -> a.status() != 201)
                .hasSize(CLIENTS - 7)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.code()).isEqualTo("booking.unavailable");
                });
        assertNeverOverbooked(pool, 7);
        assertThat(activeRows(pool)).isEqualTo(7);
        assertThat(events.onResource(BookingConfirmed.class, pool)).hasSize(7);
    }

    @Test
    void overlapping_ranges_of_all_sizes_racing_on_a_pool_never_exceed_its_seats() throws Exception {
        String pool = aResource("DESK_POOL").capacity(4).slotMinutes(60).create();
        LocalDate day = place.next(DayOfWeek.THURSDAY, 2);
        Random random = new Random(20261126L);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int start = 9 + random.nextInt(8);
            int end = Math.min(18, start + 1 + random.nextInt(4));
            int seats = 1 + random.nextInt(2);
            bodies.add(slot(pool, place.at(day, start), place.at(day, end), seats));
        }
        List<Answer> answers = storm(bodies);

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("booking.unavailable"));
        long booked = answers.stream().filter(a -> a.status() == 201).count();
        assertThat(booked).isPositive();
        assertThat(activeRows(pool)).isEqualTo(booked);
        assertNeverOverbooked(pool, 4);
    }

    @Test
    void desks_and_pools_racing_side_by_side_do_not_block_each_other() throws Exception {
        String desk = aResource("DESK").create();
        String pool = aResource("DESK_POOL").capacity(3).create();
        LocalDate day = place.next(DayOfWeek.FRIDAY, 2);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bodies.add(slot(i % 2 == 0 ? desk : pool, place.at(day, 13), place.at(day, 17)));
        }
        List<Answer> answers = storm(bodies);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1 + 3);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertNeverOverbooked(desk, 1);
        assertNeverOverbooked(pool, 3);
    }

    @Test
    void a_storm_on_a_desk_whose_hold_ran_out_gives_the_hold_back_once_and_the_slot_to_one_client() throws Exception {
        String desk = aResource("DESK").create();
        LocalDate day = place.next(DayOfWeek.MONDAY, 3);
        var morning = slot(desk, place.at(day, 9), place.at(day, 13));
        String holder = aPerson("titulaire", place, "MEMBER");
        String waiting = aPerson("attente", place, "MEMBER");
        String taken = Fixtures.booked(holder, place, morning);
        String entry = WaitlistTest.join(waiting, place, morning);
        Fixtures.cancel(holder, place, taken, null).then().statusCode(200);
        String held = WaitlistTest.offeredBooking(waiting, place, entry);

        // the offer is not answered in time; nobody swept it yet when the storm comes
        MovableClock.install().advance(java.time.Duration.ofHours(3));
        List<Answer> answers = storm(times(100, morning));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(99).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.code()).isEqualTo("booking.unavailable");
        });
        assertNeverOverbooked(desk, 1);
        assertThat(Fixtures.status(waiting, place, held)).isEqualTo("EXPIRED");
        assertThat(events.about(org.tierslieux.core.booking.BookingCancelled.class, held))
                .singleElement()
                .satisfies(e -> assertThat(e.cause()).isEqualTo(org.tierslieux.core.booking.CancelCause.EXPIRED));
    }

    private static long activeRows(String resource) {
        return count(
                "select count(*) from booking where resource_id = ? and status in ('HELD', 'CONFIRMED')",
                UUID.fromString(resource));
    }

    /**
     * Seen from the database itself: at the start of every active booking (where the count of seats taken
     * can only go up), the seats of the active bookings covering that instant stay within the capacity.
     */
    private static void assertNeverOverbooked(String resource, int capacity) {
        UUID id = UUID.fromString(resource);
        long overlappingPairs = count(
                "select count(*) from booking a join booking b on a.tenant_id = b.tenant_id"
                        + " and a.resource_id = b.resource_id and a.id < b.id and a.period && b.period"
                        + " where a.resource_id = ? and a.status in ('HELD', 'CONFIRMED')"
                        + " and b.status in ('HELD', 'CONFIRMED')",
                id);
        long peak = count(
                "select coalesce(max(taken), 0) from (select a.id, sum(b.seats) as taken from booking a"
                        + " join booking b on b.tenant_id = a.tenant_id and b.resource_id = a.resource_id"
                        + " and b.period @> a.starts_at"
                        + " where a.resource_id = ? and a.status in ('HELD', 'CONFIRMED')"
                        + " and b.status in ('HELD', 'CONFIRMED') group by a.id) per_start",
                id);
        assertThat(peak).as("most seats taken at once").isLessThanOrEqualTo(capacity);
        if (capacity == 1) {
            assertThat(overlappingPairs)
                    .as("overlapping bookings of a resource booked whole")
                    .isZero();
        }
    }
}
