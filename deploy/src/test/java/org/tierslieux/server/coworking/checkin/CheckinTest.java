package org.tierslieux.server.coworking.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.coworking.checkin.NoShows;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Demo;

/**
 * Check-in at la-filature as the desk and a member live it, on a day of 2027 the clock is moved to: a member's
 * pass read by the staff, refusals a person at the desk would meet, self check-in, who is here and the live
 * occupancy, and the no-shows marked after the grace delay.
 */
@QuarkusTest
class CheckinTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String API = "/api/v1/places/" + FILATURE;

    @Inject
    NoShows noShows;

    @AfterEach
    void check_in_off_again() {
        Demo.as(MANAGER)
                .body(Map.of("enabled", false, "graceMinutes", 30, "guestPolicy", "FREE", "guestPrice", 0))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200);
    }

    static java.time.Instant at(LocalDateTime local) {
        return local.atZone(PARIS).toInstant();
    }

    static String iso(LocalDateTime local) {
        return local.atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String resource(String name) {
        List<Map<String, Object>> items = Demo.as(MANAGER)
                .get(API + "/resources?size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return items.stream()
                .filter(r -> name.equals(r.get("name")))
                .map(r -> (String) r.get("id"))
                .findFirst()
                .orElseThrow();
    }

    static String book(String resource, LocalDateTime start, LocalDateTime end) {
        return Demo.as(MEMBER)
                .body(Map.of("resourceId", resource, "start", iso(start), "end", iso(end)))
                .post(API + "/bookings")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .extract()
                .path("id");
    }

    static String pass(String booking) {
        return Demo.as(MEMBER)
                .post(API + "/passes/bookings/" + booking)
                .then()
                .statusCode(200)
                .extract()
                .path("code");
    }

    @Test
    void the_staff_reads_a_members_pass_once_and_a_code_of_another_place_or_day_is_refused() {
        MovableClock clock = MovableClock.install();
        LocalDateTime day = LocalDateTime.of(2027, 6, 14, 0, 0); // a Monday
        clock.setTo(at(day.withHour(8)));
        String navette = resource("Salle Navette");
        String booking = book(navette, day.withHour(10), day.withHour(11));
        String tomorrow =
                book(navette, day.plusDays(1).withHour(10), day.plusDays(1).withHour(11));

        JsonPath pass = Demo.as(MEMBER)
                .post(API + "/passes/bookings/" + booking)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String code = pass.getString("code");
        assertThat(pass.getString("url")).endsWith("/" + FILATURE + "/checkin/scan?code=" + code);
        assertThat(pass.getString("svg")).startsWith("<svg");

        // the member shows the pass again (the passes page, the API): the same code, so a printed or saved pass
        // stays valid
        String fresh = pass(booking);
        assertThat(fresh).isEqualTo(code);
        String page = Demo.browsing(MEMBER)
                .get("/" + FILATURE + "/passes")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("code=" + code);
        assertThat(pass(booking)).isEqualTo(code);

        // the code read at the other place of the manager: unknown there
        Demo.as(MANAGER)
                .body(Map.of("code", fresh))
                .post("/api/v1/places/" + ATELIER + "/checkins")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.code-unknown"));

        clock.setTo(at(day.withHour(9).withMinute(55)));
        Demo.as(MANAGER)
                .body(Map.of("code", fresh))
                .post(API + "/checkins")
                .then()
                .statusCode(201)
                .body("name", equalTo(memberName()))
                .body("resourceName", equalTo("Salle Navette"))
                .body("method", equalTo("SCAN"));
        Demo.as(MANAGER)
                .body(Map.of("code", fresh))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.already-used"));

        // tomorrow's booking today: not today
        Demo.as(MANAGER)
                .body(Map.of("code", pass(tomorrow)))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.not-today"));

        // garbage is a clear refusal, not a 500
        Demo.as(MANAGER)
                .body(Map.of("code", "x".repeat(500)))
                .post(API + "/checkins")
                .then()
                .statusCode(400);
        Demo.as(MANAGER)
                .body(Map.of())
                .post(API + "/checkins")
                .then()
                .statusCode(422)
                .body("code", equalTo("checkin.request-invalid"));
        // members do not check others in
        Demo.as(MEMBER)
                .body(Map.of("bookingId", tomorrow))
                .post(API + "/checkins")
                .then()
                .statusCode(403);

        // who is here, and the room's live occupancy once its booking started
        clock.setTo(at(day.withHour(10).withMinute(15)));
        List<Map<String, Object>> here = Demo.as(MANAGER)
                .get(API + "/checkins/here")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(here).anySatisfy(p -> assertThat(p.get("resourceName")).isEqualTo("Salle Navette"));
        Map<String, Object> room = Demo.as(MANAGER)
                .get(API + "/occupancy/live")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("resources.find { it.name == 'Salle Navette' }");
        assertThat(room).containsEntry("capacity", 4).containsEntry("booked", 1).containsEntry("checkedIn", 1);

        // once the booking is over, they are no longer here
        clock.setTo(at(day.withHour(11).withMinute(1)));
        List<Map<String, Object>> later = Demo.as(MANAGER)
                .get(API + "/checkins/here")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(later).noneSatisfy(p -> assertThat(p.get("resourceName")).isEqualTo("Salle Navette"));
    }

    @Test
    void a_member_checks_themself_in_for_their_booking_of_today_only() {
        MovableClock clock = MovableClock.install();
        LocalDateTime day = LocalDateTime.of(2027, 6, 16, 0, 0);
        clock.setTo(at(day.withHour(8)));
        String jacquard = resource("Salle Jacquard");
        String booking = book(jacquard, day.withHour(14), day.withHour(15));
        String later =
                book(jacquard, day.plusDays(2).withHour(14), day.plusDays(2).withHour(15));
        clock.setTo(at(day.withHour(13).withMinute(50)));
        Demo.as(MEMBER)
                .body(Map.of("bookingId", booking))
                .post(API + "/checkins/self")
                .then()
                .statusCode(201)
                .body("method", equalTo("SELF"));
        Demo.as(MEMBER)
                .body(Map.of("bookingId", booking))
                .post(API + "/checkins/self")
                .then()
                .statusCode(409)
                .body("code", equalTo("checkin.already-used"));
        Demo.as(MEMBER)
                .body(Map.of("bookingId", later))
                .post(API + "/checkins/self")
                .then()
                .statusCode(409)
                .body("code", equalTo("checkin.not-today"));
        // the manager's list of today shows the arrival
        List<Map<String, Object>> expected = Demo.as(MANAGER)
                .get(API + "/checkins/expected")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(expected)
                .filteredOn(a -> booking.equals(a.get("booking")))
                .singleElement()
                .satisfies(a -> assertThat(a.get("checkedInAt")).isNotNull());
    }

    @Test
    void bookings_nobody_checked_in_for_become_no_shows_after_the_grace_delay_once_check_in_is_on() {
        MovableClock clock = MovableClock.install();
        LocalDateTime day = LocalDateTime.of(2027, 6, 22, 0, 0);
        clock.setTo(at(day.withHour(7)));
        String navette = resource("Salle Navette");
        // booked before check-in was on, but starting after: counted too
        String nine = book(navette, day.withHour(9), day.withHour(10));
        clock.setTo(at(day.withHour(8)));
        Demo.as(MANAGER)
                .body(Map.of("enabled", false))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200);
        Demo.as(MANAGER)
                .body(Map.of("enabled", true, "graceMinutes", 20))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("graceMinutes", equalTo(20));
        String missed = book(navette, day.withHour(10), day.withHour(11));
        String came = book(resource("Salle Jacquard"), day.withHour(10), day.withHour(11));

        clock.setTo(at(day.withHour(10).withMinute(5)));
        Demo.as(MANAGER)
                .body(Map.of("bookingId", came))
                .post(API + "/checkins")
                .then()
                .statusCode(201);
        clock.setTo(at(day.withHour(10).withMinute(19)));
        noShows.sweepEveryPlace();
        assertThat(status(missed)).isEqualTo("CONFIRMED");

        clock.setTo(at(day.withHour(10).withMinute(21)));
        noShows.sweepEveryPlace();
        assertThat(status(missed)).isEqualTo("NO_SHOW");
        assertThat(status(came)).isEqualTo("CONFIRMED");
        assertThat(status(nine)).isEqualTo("NO_SHOW");

        // a no-show cannot be checked in any more
        Demo.as(MANAGER)
                .body(Map.of("bookingId", missed))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .body("code", equalTo("checkin.booking-not-active"));
    }

    @Test
    void a_place_that_turns_check_in_on_does_not_turn_its_morning_into_no_shows() {
        MovableClock clock = MovableClock.install();
        LocalDateTime day = LocalDateTime.of(2027, 6, 23, 0, 0);
        clock.setTo(at(day.withHour(7)));
        String early = book(resource("Salle Navette"), day.withHour(9), day.withHour(10));
        clock.setTo(at(day.withHour(11)));
        Demo.as(MANAGER)
                .body(Map.of("enabled", false))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200);
        Demo.as(MANAGER)
                .body(Map.of("enabled", true))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofHours(2));
        noShows.sweepEveryPlace();
        assertThat(status(early)).isEqualTo("CONFIRMED");
    }

    @Test
    void a_walk_in_is_checked_in_on_the_open_space_with_a_desk_day_of_their_credits_or_clearly_refused() {
        // the demo member keeps "Bureau fixe 2" (walked in there, free): away from it today, they come like anyone
        String today = java.time.LocalDate.now(PARIS).toString();
        List<String> held = Demo.as(MEMBER)
                .get(API + "/desk-assignments/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        held.forEach(id -> Demo.as(MEMBER)
                .body(Map.of("from", today))
                .post(API + "/desk-assignments/" + id + "/releases")
                .then()
                .statusCode(200));
        try {
            walkInsOnTheOpenSpace();
        } finally {
            held.forEach(id ->
                    Demo.as(MEMBER).body(Map.of("from", today)).post(API + "/desk-assignments/" + id + "/take-back"));
        }
    }

    private void walkInsOnTheOpenSpace() {
        String openSpace = resource("Open space");
        BigDecimal before = deskDaysLeft(MEMBER);
        var walkIn = Demo.as(MANAGER)
                .body(Map.of("email", MEMBER, "resourceId", openSpace))
                .post(API + "/checkins/walk-in")
                .then();
        if (before.compareTo(BigDecimal.ONE) >= 0) {
            walkIn.statusCode(201).body("method", equalTo("WALK_IN")).body("resourceName", equalTo("Open space"));
            assertThat(deskDaysLeft(MEMBER)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
            // here now, on the open space, counted in its occupancy
            Map<String, Object> pool = Demo.as(MANAGER)
                    .get(API + "/occupancy/live")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("resources.find { it.name == 'Open space' }");
            assertThat((Integer) pool.get("checkedIn")).isPositive();
            assertThat((Integer) pool.get("booked")).isPositive();
            // twice: already here, no second desk-day taken
            Demo.as(MANAGER)
                    .body(Map.of("email", MEMBER, "resourceId", openSpace))
                    .post(API + "/checkins/walk-in")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("checkin.already-here"));
            assertThat(deskDaysLeft(MEMBER)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
        } else {
            walkIn.statusCode(409).body("code", equalTo("checkin.no-credit"));
        }
        // the manager has no credits here: a clear refusal
        Demo.as(MANAGER)
                .body(Map.of("email", MANAGER, "resourceId", openSpace))
                .post(API + "/checkins/walk-in")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.no-credit"));
        // member2 is not a member here; a room is not an open space
        Demo.as(MANAGER)
                .body(Map.of("email", Demo.MEMBER2, "resourceId", openSpace))
                .post(API + "/checkins/walk-in")
                .then()
                .statusCode(404)
                .body("code", equalTo("checkin.member-unknown"));
        Demo.as(MANAGER)
                .body(Map.of("email", MEMBER, "resourceId", resource("Salle Navette")))
                .post(API + "/checkins/walk-in")
                .then()
                .statusCode(422)
                .body("code", equalTo("checkin.walk-in-desk-pool-only"));
    }

    /** The desk-days left in the member's lots usable now. */
    static BigDecimal deskDaysLeft(String who) {
        List<Map<String, Object>> lots = Demo.as(who)
                .get(API + "/credits/mine")
                .then()
                .statusCode(200)
                .extract()
                .path("lots");
        return lots.stream()
                .filter(l -> "DAY".equals(l.get("unit")) && Boolean.TRUE.equals(l.get("usableNow")))
                .map(l -> new BigDecimal(String.valueOf(l.get("left"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String memberName() {
        return Demo.as(MEMBER)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .path("displayName");
    }

    static String status(String booking) {
        return Demo.as(MANAGER)
                .get(API + "/bookings/" + booking)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }
}
