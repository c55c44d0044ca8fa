package org.tierslieux.server.coworking.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * Desk pools by the day and the half-day, through the API against the real database: what is free per part of
 * day, a carnet day and a day pass paying for a desk-day (nothing charged, one day gone from the carnet), a full
 * pool refusing, and bad input answered with problems.
 */
@QuarkusTest
class DeskPoolTest {

    private static final String PASSWORD = "un-long-mot-de-passe";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Test
    void a_desk_day_paid_with_a_carnet_costs_nothing_and_uses_one_carnet_day() {
        String place = aPlace("desks");
        String api = "/api/v1/places/" + place;
        String pool = pool(place, 2);
        dayPrice(place, "20");
        String member = aPerson(place);
        String carnet = pack(place, "Carnet 10 journées", 10, false, "150");
        as(member)
                .body(Map.of("packId", carnet))
                .post(api + "/pack-purchases")
                .then()
                .statusCode(201);
        LocalDate tuesday = nextTuesday();

        JsonPath days = as(member)
                .get(api + "/desks/days?from=" + tuesday + "&to=" + tuesday.plusDays(4))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(days.getList("pools.resourceId")).containsExactly(pool);
        assertThat(days.getList("pools[0].days.date")).hasSize(5).first().isEqualTo(tuesday.toString());
        // default hours 9:00-18:00, 4-hour grid: the day, a morning to 13:00, an afternoon from 13:00
        assertThat(days.getList("pools[0].days[0].parts.part")).containsExactly("DAY", "MORNING", "AFTERNOON");
        assertThat(days.getString("pools[0].days[0].parts[0].start")).startsWith(tuesday + "T09:00");
        assertThat(days.getString("pools[0].days[0].parts[0].end")).startsWith(tuesday + "T18:00");
        assertThat(days.getString("pools[0].days[0].parts[1].end")).startsWith(tuesday + "T13:00");
        assertThat(days.getString("pools[0].days[0].parts[2].start")).startsWith(tuesday + "T13:00");
        assertThat(days.getList("pools[0].days[0].parts.free")).containsOnly(2);
        // Saturday is closed: no part to book
        assertThat(days.getList("pools[0].days[4].parts")).isEmpty();

        // before confirming: the carnet covers the day, nothing to pay
        JsonPath quote = as(member)
                .get(api + "/desks/quote?resourceId=" + pool + "&date=" + tuesday + "&part=DAY")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quote.getString("charged.amount")).isEqualTo("0.00");
        assertThat(quote.getString("lines[0].coverage.label")).isEqualTo("Carnet 10 journées");

        JsonPath booked = as(member)
                .body(Map.of("resourceId", pool, "date", tuesday.toString(), "part", "DAY"))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(booked.getString("status")).isEqualTo("CONFIRMED");
        assertThat(booked.getString("start")).startsWith(tuesday + "T09:00");
        assertThat(booked.getString("end")).startsWith(tuesday + "T18:00");
        assertThat(booked.getString("quote.charged.amount")).isEqualTo("0.00");
        assertThat(left(member, api, "Carnet 10 journées")).isEqualTo(9.0);
        // no order to pay for it
        assertThat(as(member).get(api + "/orders/mine").then().extract().statusCode())
                .isIn(200, 404);

        // one desk of two is taken over the whole day
        JsonPath after = as(member)
                .get(api + "/desks/days?from=" + tuesday + "&to=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getList("pools[0].days[0].parts.free")).containsOnly(1);

        // cancelling gives the carnet day back
        as(member)
                .body(Map.of())
                .post(api + "/bookings/" + booked.getString("id") + "/cancel")
                .then()
                .statusCode(200);
        assertThat(left(member, api, "Carnet 10 journées")).isEqualTo(10.0);
    }

    @Test
    void a_day_pass_pays_for_one_desk_day_and_a_member_without_credits_pays_the_price() {
        String place = aPlace("pass");
        String api = "/api/v1/places/" + place;
        String pool = pool(place, 5);
        dayPrice(place, "20");
        String holder = aPerson(place);
        String pass = pack(place, "Pass journée", 1, true, "20");
        as(holder)
                .body(Map.of("packId", pass))
                .post(api + "/pack-purchases")
                .then()
                .statusCode(201);
        LocalDate tuesday = nextTuesday();

        JsonPath booked = as(holder)
                .body(Map.of("resourceId", pool, "date", tuesday.toString()))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(booked.getString("part")).isEqualTo("DAY");
        assertThat(booked.getString("quote.charged.amount")).isEqualTo("0.00");
        assertThat(left(holder, api, "Pass journée")).isEqualTo(0.0);

        // the pass is spent: the next day is at the price list's rate
        JsonPath next = as(holder)
                .get(api + "/desks/quote?resourceId=" + pool + "&date=" + tuesday.plusDays(1))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(next.getString("charged.amount")).isNotEqualTo("0.00");
        assertThat(next.getBoolean("lines[0].covered")).isFalse();
    }

    @Test
    void half_days_fill_the_pool_and_a_full_part_is_refused() {
        String place = aPlace("full");
        String api = "/api/v1/places/" + place;
        String pool = pool(place, 1);
        String first = aPerson(place);
        String second = aPerson(place);
        LocalDate tuesday = nextTuesday();

        as(first)
                .body(Map.of("resourceId", pool, "date", tuesday.toString(), "part", "MORNING"))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(201);
        JsonPath days = as(second)
                .get(api + "/desks/days?from=" + tuesday + "&to=" + tuesday)
                .then()
                .extract()
                .jsonPath();
        // the morning is taken, so is the whole day; the afternoon is free
        assertThat(days.getList("pools[0].days[0].parts.free")).containsExactly(0, 0, 1);
        refused(
                as(second)
                        .body(Map.of("resourceId", pool, "date", tuesday.toString(), "part", "DAY"))
                        .post(api + "/desks/bookings"),
                409,
                "booking.unavailable");
        as(second)
                .body(Map.of("resourceId", pool, "date", tuesday.toString(), "part", "AFTERNOON"))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void bad_input_gets_problems_never_a_server_error() {
        String place = aPlace("bad");
        String api = "/api/v1/places/" + place;
        String pool = pool(place, 3);
        String room = resource(place, "ROOM", 6);
        String member = aPerson(place);
        LocalDate tuesday = nextTuesday();
        LocalDate saturday = tuesday.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

        refused(
                as(member).get(api + "/desks/days?from=" + tuesday + "&to=" + tuesday.minusDays(1)),
                422,
                "desk.range-invalid");
        refused(
                as(member).get(api + "/desks/days?from=" + tuesday + "&to=" + tuesday.plusDays(90)),
                422,
                "desk.range-too-long");
        refused(as(member).get(api + "/desks/days?from=tuesday"), 422, "desk.date-invalid");
        refused(
                as(member)
                        .body(Map.of("resourceId", pool, "date", saturday.toString()))
                        .post(api + "/desks/bookings"),
                422,
                "desk.part-closed");
        refused(
                as(member)
                        .body(Map.of("resourceId", room, "date", tuesday.toString()))
                        .post(api + "/desks/bookings"),
                422,
                "desk.not-a-pool");
        as(member)
                .body(Map.of("resourceId", pool, "date", tuesday.toString(), "part", "EVENING"))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(member)
                .body(Map.of("date", tuesday.toString()))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(member)
                .body(Map.of("resourceId", java.util.UUID.randomUUID().toString(), "date", tuesday.toString()))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        refused(as(member).get(api + "/desks/quote?date=" + tuesday), 422, "desk.request-incomplete");
        // another place's pool is not found from here
        String theirs = pool(aPlace("other"), 2);
        as(member)
                .body(Map.of("resourceId", theirs, "date", tuesday.toString()))
                .post(api + "/desks/bookings")
                .then()
                .statusCode(404);
        // not signed in
        RestAssured.given()
                .accept(ContentType.JSON)
                .get(api + "/desks/days")
                .then()
                .statusCode(401);
    }

    @Test
    void the_desks_page_offers_each_part_of_day_and_the_members_carnet() {
        String place = aPlace("page");
        String pool = pool(place, 4);
        String carnet = pack(place, "Carnet 5 journées", 5, false, "80");
        as(Demo.MEMBER)
                .body(Map.of("packId", carnet))
                .post("/api/v1/places/" + place + "/pack-purchases")
                .then()
                .statusCode(201);
        LocalDate tuesday = nextTuesday();
        String html = Demo.browsing(Demo.MEMBER)
                .get("/" + place + "/desks?from=" + tuesday)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("id=\"pool-" + pool + "\"");
        assertThat(html).contains("Carnet 5 journées").contains("5 restant");
        assertThat(html)
                .contains("class=\"book-DAY\"")
                .contains("class=\"book-MORNING\"")
                .contains("class=\"book-AFTERNOON\"");
        assertThat(html).doesNotContain("style=").doesNotContain("<script>").doesNotContain(" onclick=");
        Demo.browsing(Demo.MEMBER)
                .get("/" + place + "/desks?from=not-a-date")
                .then()
                .statusCode(200);
    }

    // ---- steps ---------------------------------------------------------------------------------------------

    static LocalDate nextTuesday() {
        return LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    }

    static RequestSpecification as(String email) {
        return RestAssured.given()
                .auth()
                .preemptive()
                .basic(email, email.endsWith("@demo.test") ? Demo.PASSWORD : PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static String aPlace(String prefix) {
        String slug = (prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet())
                .toLowerCase();
        var body = new HashMap<>(Demo.aPlace(slug, "Lieu " + slug));
        Demo.as(Demo.ADMIN).body(body).post("/api/v1/network/places").then().statusCode(201);
        grant(slug, Demo.MANAGER, "MANAGER");
        grant(slug, Demo.MEMBER, "MEMBER");
        return slug;
    }

    static void grant(String place, String email, String role) {
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "roles", List.of(role)))
                .post("/api/v1/places/" + place + "/members")
                .then()
                .statusCode(200);
    }

    static String aPerson(String place) {
        String email = "desk-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", "Coworker", "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        grant(place, email, "MEMBER");
        return email;
    }

    static String resource(String place, String kind, int capacity) {
        return Demo.as(Demo.MANAGER)
                .body(Map.of(
                        "kind", kind, "name", kind.toLowerCase() + "-" + SEQ.incrementAndGet(), "capacity", capacity))
                .post("/api/v1/places/" + place + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String pool(String place, int capacity) {
        return resource(place, "DESK_POOL", capacity);
    }

    static void dayPrice(String place, String amount) {
        Demo.as(Demo.MANAGER)
                .body(Map.of("kind", "DESK_POOL", "unit", "DAY", "amount", amount, "vatRate", "20"))
                .post("/api/v1/places/" + place + "/prices")
                .then()
                .statusCode(201);
    }

    static String pack(String place, String name, int days, boolean dayPass, String price) {
        return Demo.as(Demo.MANAGER)
                .body(Map.of(
                        "name",
                        name,
                        "scope",
                        Map.of("kind", "DESK_POOL"),
                        "unit",
                        "DAY",
                        "quantity",
                        days,
                        "validityMonths",
                        3,
                        "price",
                        Map.of("amount", price),
                        "vatRate",
                        "20",
                        "dayPass",
                        dayPass))
                .post("/api/v1/places/" + place + "/packs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static double left(String who, String api, String label) {
        List<Map<String, Object>> lots = as(who).get(api + "/credits/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("lots");
        return lots.stream()
                .filter(l -> label.equals(l.get("label")))
                .mapToDouble(l -> ((Number) l.get("left")).doubleValue())
                .sum();
    }

    static void refused(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
