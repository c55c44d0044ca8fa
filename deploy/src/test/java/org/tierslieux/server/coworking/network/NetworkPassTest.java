package org.tierslieux.server.coworking.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.coworking.network.NetworkSteps.as;
import static org.tierslieux.server.coworking.network.NetworkSteps.refused;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.Demo;

/**
 * The network pass as a coworker, a host manager, a treasurer and a network admin meet it, on places of the
 * test's own (so the demo's stay as they are): a member with an active plan at home books desk-days at a host
 * within the month's allowance, pays nothing there, shows among the host's visitors and in the settlement.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkPassTest {

    @Inject
    QuoteStore quotes;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory directory;

    @Inject
    org.tierslieux.core.plan.SubscriptionService subscriptions;

    String home;
    String host;
    String desk;
    String nomad;
    List<LocalDate> days;

    @BeforeEach
    void twoPlacesAndANomad() {
        if (home != null) {
            return;
        }
        as(Demo.ADMIN)
                .body(Map.of("monthlyAllowance", 4, "rate", "15.00", "currency", "EUR"))
                .put("/api/v1/network/settings")
                .then()
                .statusCode(200);
        home = NetworkSteps.aPlace("home");
        host = NetworkSteps.aPlace("host");
        desk = NetworkSteps.deskPool(host);
        // the host charges its desk pool: the pass must make it free for the visitor
        as(Demo.MANAGER)
                .body(Map.of("kind", "DESK_POOL", "unit", "DAY", "amount", "20", "vatRate", "20"))
                .post("/api/v1/places/" + host + "/prices")
                .then()
                .statusCode(201);
        as(Demo.MANAGER)
                .body(Map.of("kind", "DESK_POOL", "unit", "HALF_DAY", "amount", "12", "vatRate", "20"))
                .post("/api/v1/places/" + host + "/prices")
                .then()
                .statusCode(201);
        nomad = NetworkSteps.aPerson("nomad");
        NetworkSteps.grant(home, nomad, "MEMBER");
        assertThat(NetworkSteps.subscribed(home, nomad)).isEqualTo("ACTIVE");
        days = NetworkSteps.weekdaysOfNextMonth(6);
    }

    private io.restassured.response.Response passBooking(String who, String place, LocalDate day, String part) {
        Map<String, Object> body = new HashMap<>(Map.of("place", place, "day", day.toString()));
        if (part != null) {
            body.put("part", part);
        }
        return as(who).body(body).post("/api/v1/network/pass/bookings");
    }

    @Test
    @Order(1)
    void a_nomad_books_desk_days_at_the_host_within_the_allowance_free_and_seen_by_host_and_treasurer() {
        // neither place takes part yet
        refused(passBooking(nomad, host, days.get(0), null), 403, "network.place-not-participating");
        NetworkSteps.participate(host, true);
        // the host takes part, the home place not yet: the plan there carries no pass
        refused(passBooking(nomad, host, days.get(0), null), 403, "network.place-not-participating");
        NetworkSteps.participate(home, true);
        assertThat(as(Demo.MEMBER)
                        .get("/api/v1/places/" + host + "/network")
                        .then()
                        .statusCode(403)
                        .extract()
                        .statusCode())
                .isEqualTo(403);

        var pass = as(nomad)
                .get("/api/v1/network/pass?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(pass.getString("home")).isEqualTo(home);
        assertThat(pass.getDouble("left")).isEqualTo(4.0);
        assertThat(pass.getList("places.slug", String.class)).contains(host).doesNotContain(home);

        // a whole day with the pass
        var first = passBooking(nomad, host, days.get(0), null)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(first.getString("status")).isEqualTo("CONFIRMED");
        assertThat(first.getDouble("allowanceLeft")).isEqualTo(3.0);
        String firstId = first.getString("id");
        // a morning with the pass
        passBooking(nomad, host, days.get(1), "MORNING").then().statusCode(201);
        // a day through the host's own booking API: the pass lets the non-member in there too
        as(nomad)
                .body(Map.of(
                        "resourceId", desk,
                        "start", at(days.get(2), 9),
                        "end", at(days.get(2), 18)))
                .post("/api/v1/places/" + host + "/bookings")
                .then()
                .statusCode(201);
        // 2.5 used: one more day fits, then nothing but half a day
        passBooking(nomad, host, days.get(3), "DAY").then().statusCode(201);
        refused(passBooking(nomad, host, days.get(4), "DAY"), 409, "network.allowance-exceeded");
        String last = passBooking(nomad, host, days.get(4), "AFTERNOON")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        refused(passBooking(nomad, host, days.get(5), "MORNING"), 409, "network.allowance-exceeded");
        refused(
                as(nomad)
                        .body(Map.of(
                                "resourceId", desk,
                                "start", at(days.get(5), 9),
                                "end", at(days.get(5), 13)))
                        .post("/api/v1/places/" + host + "/bookings"),
                409,
                "network.allowance-exceeded");

        // nothing to pay at the host: the booking's quote comes to zero, with the pass's line
        var hostRef = directory.bySlug(host).orElseThrow();
        var quote = scope.call(
                hostRef,
                () -> quotes.latestFor(new QuoteSubject(QuoteSubject.BOOKING, UUID.fromString(firstId)))
                        .orElseThrow());
        assertThat(quote.charged().isZero()).isTrue();
        assertThat(quote.lines()).anyMatch(l -> l.description().startsWith("Pass réseau"));
        assertThat(quote.lines()).anyMatch(l -> l.totalInclVat().amount().signum() > 0);
        // the half day that uses the allowance up is free too
        var lastQuote = scope.call(
                hostRef,
                () -> quotes.latestFor(new QuoteSubject(QuoteSubject.BOOKING, UUID.fromString(last)))
                        .orElseThrow());
        assertThat(lastQuote.charged().isZero()).isTrue();
        assertThat(lastQuote.totalInclVat().isZero()).isTrue();

        // the host's manager sees the visitor
        var visitors = as(Demo.MANAGER)
                .get("/api/v1/places/" + host + "/network/visitors?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(visitors.getList("visits.personName", String.class))
                .hasSize(5)
                .containsOnly("nomad");
        assertThat(visitors.getList("visits.home", String.class)).containsOnly(home);
        String page = Demo.browsing(Demo.MANAGER)
                .get("/" + host + "/network/visitors?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("id=\"visitors\"").contains("nomad").contains("Lieu " + home);
        Demo.browsing(Demo.MEMBER)
                .get("/" + host + "/network/visitors")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));

        // cancelling gives the day back
        as(nomad)
                .body(Map.of())
                .post("/api/v1/places/" + host + "/bookings/" + firstId + "/cancel")
                .then()
                .statusCode(200);
        var after = as(nomad)
                .get("/api/v1/network/pass?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getDouble("used")).isEqualTo(3.0);
        assertThat(after.getDouble("left")).isEqualTo(1.0);

        // the treasurer of the host reads the settlement: 3 desk-days at 15 € = 45 €, owed by home to host
        String treasurer = NetworkSteps.aPerson("treso");
        NetworkSteps.grant(host, treasurer, "TREASURER");
        String month = YearMonth.from(days.get(0)).toString();
        var report = as(treasurer)
                .get("/api/v1/network/settlements?month=" + month)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(report.getList("lines.home", String.class)).containsOnly(home);
        assertThat(report.getList("lines.host", String.class)).containsOnly(host);
        assertThat(report.getDouble("lines[0].days")).isEqualTo(3.0);
        assertThat(report.getDouble("lines[0].amount.amount")).isEqualTo(45.0);
        assertThat(report.getDouble("balances.find { it.place == '" + host + "' }.net.amount"))
                .isEqualTo(45.0);
        // the host's treasurer keeps the host's books: the home place's balance is not theirs to read
        assertThat(report.getList("balances.place", String.class)).containsExactly(host);
        String csv = as(treasurer)
                .accept("text/csv")
                .get("/api/v1/network/settlements.csv?month=" + month)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv).startsWith("host;home;member;days;rate;amount;currency\n");
        assertThat(csv).contains("Lieu " + host + ";Lieu " + home + ";nomad;3;15.00;45.00;EUR");
        // the demo treasurer keeps the books of the demo places only: these lines are not theirs
        var demoTreasurer = as(Demo.TREASURER)
                .get("/api/v1/network/settlements?month=" + month)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(demoTreasurer.getList("lines.host", String.class)).doesNotContain(host);
        // the network admin sees them, and what the home place owes
        var all = as(Demo.ADMIN)
                .get("/api/v1/network/settlements?month=" + month)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("lines.host", String.class)).contains(host);
        assertThat(all.getDouble("balances.find { it.place == '" + home + "' }.owes.amount"))
                .isEqualTo(45.0);
        assertThat(all.getDouble("balances.find { it.place == '" + home + "' }.net.amount"))
                .isEqualTo(-45.0);
        // and a mere member no settlement at all
        refused(as(nomad).get("/api/v1/network/settlements?month=" + month), 403, "network.settlement-forbidden");
    }

    @Test
    void a_moved_booking_moves_its_visit_to_the_new_day_and_length() {
        NetworkSteps.participate(host, true);
        NetworkSteps.participate(home, true);
        String mover = NetworkSteps.aPerson("mover");
        NetworkSteps.grant(home, mover, "MEMBER");
        assertThat(NetworkSteps.subscribed(home, mover)).isEqualTo("ACTIVE");
        String booking = as(mover)
                .body(Map.of("resourceId", desk, "start", at(days.get(0), 9), "end", at(days.get(0), 18)))
                .post("/api/v1/places/" + host + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(mover)
                .body(Map.of("start", at(days.get(2), 9), "end", at(days.get(2), 13)))
                .post("/api/v1/places/" + host + "/bookings/" + booking + "/move")
                .then()
                .statusCode(200);
        var visitors = as(Demo.MANAGER)
                .get("/api/v1/places/" + host + "/network/visitors?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(visitors.getString("visits.find { it.booking == '" + booking + "' }.day"))
                .isEqualTo(days.get(2).toString());
        assertThat(visitors.getDouble("visits.find { it.booking == '" + booking + "' }.days"))
                .isEqualTo(0.5);
        var pass = as(mover)
                .get("/api/v1/network/pass?month=" + YearMonth.from(days.get(0)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(pass.getDouble("used")).isEqualTo(0.5);
    }

    @Test
    void a_plan_past_due_still_carries_the_pass_until_it_is_suspended() {
        NetworkSteps.participate(host, true);
        NetworkSteps.participate(home, true);
        String late = NetworkSteps.aPerson("late");
        NetworkSteps.grant(home, late, "MEMBER");
        UUID subscription =
                UUID.fromString(NetworkSteps.subscription(home, late).getString("id"));
        scope.run(directory.bySlug(home).orElseThrow(), () -> subscriptions.markPastDue(subscription));
        passBooking(late, host, days.get(1), "MORNING").then().statusCode(201);
        scope.run(directory.bySlug(home).orElseThrow(), () -> subscriptions.suspend(subscription));
        refused(passBooking(late, host, days.get(2), "MORNING"), 403, "network.no-active-plan");
    }

    @Test
    void without_an_active_plan_or_as_a_member_of_the_host_the_pass_refuses_clearly() {
        NetworkSteps.participate(host, true);
        NetworkSteps.participate(home, true);
        String planless = NetworkSteps.aPerson("planless");
        NetworkSteps.grant(home, planless, "MEMBER");
        refused(passBooking(planless, host, days.get(0), null), 403, "network.no-active-plan");
        // through the host's own API too
        refused(
                as(planless)
                        .body(Map.of(
                                "resourceId", desk,
                                "start", at(days.get(0), 9),
                                "end", at(days.get(0), 18)))
                        .post("/api/v1/places/" + host + "/bookings"),
                403,
                "network.no-active-plan");
        // the demo member is a member of the host (managed by the demo manager) nowhere: not ours; the demo
        // manager is a manager of the host: they book there as staff
        refused(passBooking(Demo.MANAGER, host, days.get(0), null), 409, "network.member-here");
    }

    @Test
    void bad_input_gets_a_clear_problem_never_a_500() {
        refused(
                as(Demo.ADMIN)
                        .body(Map.of("monthlyAllowance", -1, "rate", "15"))
                        .put("/api/v1/network/settings"),
                422,
                "network.allowance-invalid");
        refused(
                as(Demo.ADMIN)
                        .body(Map.of("monthlyAllowance", 1.3, "rate", "15"))
                        .put("/api/v1/network/settings"),
                422,
                "network.allowance-invalid");
        refused(
                as(Demo.ADMIN).body(Map.of("monthlyAllowance", 4, "rate", "-2")).put("/api/v1/network/settings"),
                422,
                "network.rate-invalid");
        refused(
                as(Demo.ADMIN)
                        .body(Map.of("monthlyAllowance", 4, "rate", "15", "currency", "EURO"))
                        .put("/api/v1/network/settings"),
                422,
                "network.currency-invalid");
        as(Demo.MEMBER)
                .body(Map.of("monthlyAllowance", 30, "rate", "0"))
                .put("/api/v1/network/settings")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(Demo.MEMBER)
                .body(Map.of("participating", false))
                .put("/api/v1/places/" + Demo.FILATURE + "/network")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        refused(as(Demo.ADMIN).get("/api/v1/network/settlements?month=2026-13"), 422, "network.month-invalid");
        refused(
                as(Demo.ADMIN).accept("*/*").get("/api/v1/network/settlements.csv?month=lundi"),
                422,
                "network.month-invalid");
        refused(as(Demo.MEMBER).get("/api/v1/network/pass?month=9999-99"), 422, "network.month-invalid");
        refused(passBooking(nomad, "nowhere-at-all", days.get(0), null), 404, "place.not-found");
        as(nomad)
                .body(Map.of("place", host))
                .post("/api/v1/network/pass/bookings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(nomad)
                .body(Map.of("place", host, "day", "demain"))
                .post("/api/v1/network/pass/bookings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // the settings stay as they were
        var settings = as(Demo.MEMBER)
                .get("/api/v1/network/settings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(settings.getDouble("monthlyAllowance")).isEqualTo(4.0);
        assertThat(settings.getDouble("rate")).isEqualTo(15.0);
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0)
                .atZone(java.time.ZoneId.of("Europe/Paris"))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
