package org.tierslieux.server.coworking.room;

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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * Meeting rooms against the real database: the manager lists the equipment and a non-member supplement, members
 * see them with the capacity, members pay the price list's rate and a non-member sees (before confirming) and
 * pays the supplement on top; bad input is answered with problems.
 */
@QuarkusTest
class MeetingRoomTest {

    private static final String PASSWORD = "un-long-mot-de-passe";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Test
    void members_pay_the_rate_and_non_members_see_and_pay_the_supplement_before_confirming() {
        String place = aPlace("rooms");
        String api = "/api/v1/places/" + place;
        String room = resource(place, "ROOM", 8);
        Demo.as(Demo.MANAGER)
                .body(Map.of("resourceId", room, "unit", "HOUR", "amount", "10", "vatRate", "20"))
                .post(api + "/prices")
                .then()
                .statusCode(201);
        Demo.as(Demo.MANAGER)
                .body(Map.of("audience", "EVERYONE"))
                .put(api + "/rules/resources/" + room)
                .then()
                .statusCode(200);
        JsonPath set = Demo.as(Demo.MANAGER)
                .body(Map.of(
                        "equipment",
                        List.of("Écran 65 pouces", " Visioconférence ", ""),
                        "nonMemberSupplementPerHour",
                        "5"))
                .put(api + "/rooms/" + room)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(set.getList("equipment")).containsExactly("Écran 65 pouces", "Visioconférence");

        JsonPath seen = Demo.as(Demo.MEMBER)
                .get(api + "/rooms")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seen.getList("id")).containsExactly(room);
        assertThat(seen.getInt("[0].capacity")).isEqualTo(8);
        assertThat(seen.getList("[0].equipment")).containsExactly("Écran 65 pouces", "Visioconférence");
        assertThat(seen.getString("[0].nonMemberSupplementPerHour.amount")).isEqualTo("5.00");

        LocalDate tuesday = LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String start = tuesday.atTime(10, 0).atZone(PARIS).toOffsetDateTime().toString();
        String end = tuesday.atTime(12, 0).atZone(PARIS).toOffsetDateTime().toString();

        JsonPath member = Demo.as(Demo.MEMBER)
                .queryParam("start", start)
                .queryParam("end", end)
                .get(api + "/rooms/" + room + "/quote")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // the demo's price lists include VAT: 2 hours at 10
        assertThat(member.getString("totalInclVat.amount")).isEqualTo("20.00");
        assertThat(member.getList("lines.description"))
                .noneMatch(d -> d.toString().contains("non-membre"));

        String outsider = aPerson();
        JsonPath visitor = as(outsider)
                .queryParam("start", start)
                .queryParam("end", end)
                .get(api + "/rooms/" + room + "/quote")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // 2 hours at 10, and 2 hours of supplement at 5
        assertThat(visitor.getString("totalInclVat.amount")).isEqualTo("30.00");
        assertThat(visitor.getString("charged.amount")).isEqualTo("30.00");
        assertThat(visitor.getList("lines.description"))
                .anyMatch(d -> d.toString().contains("Tarif non-membre"));

        // the booking itself goes through core as for anyone, and is priced the same
        as(outsider)
                .body(Map.of("resourceId", room, "start", start, "end", end))
                .post(api + "/bookings")
                .then()
                .statusCode(201);
    }

    @Test
    void at_a_place_that_charges_no_vat_the_supplement_is_exempt_like_its_other_lines() {
        String place = aPlace(
                "roomexempt",
                Map.of(
                        "legalName",
                        "Asso SAS",
                        "siret",
                        "44306184100047",
                        "vatExemptionMention",
                        "TVA non applicable, art. 293 B du CGI"));
        String api = "/api/v1/places/" + place;
        String room = resource(place, "ROOM", 6);
        Demo.as(Demo.MANAGER)
                .body(Map.of("resourceId", room, "unit", "HOUR", "amount", "10", "vatRate", "EXEMPT"))
                .post(api + "/prices")
                .then()
                .statusCode(201);
        Demo.as(Demo.MANAGER)
                .body(Map.of("audience", "EVERYONE"))
                .put(api + "/rules/resources/" + room)
                .then()
                .statusCode(200);
        Demo.as(Demo.MANAGER)
                .body(Map.of("nonMemberSupplementPerHour", "5"))
                .put(api + "/rooms/" + room)
                .then()
                .statusCode(200);
        LocalDate tuesday = LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        JsonPath visitor = as(aPerson())
                .queryParam(
                        "start",
                        tuesday.atTime(10, 0).atZone(PARIS).toOffsetDateTime().toString())
                .queryParam(
                        "end",
                        tuesday.atTime(12, 0).atZone(PARIS).toOffsetDateTime().toString())
                .get(api + "/rooms/" + room + "/quote")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(visitor.getList("lines.vatRate")).hasSize(2).containsOnly("EXEMPT");
        assertThat(visitor.getString("totalInclVat.amount")).isEqualTo("30.00");
        assertThat(visitor.getString("totalExclVat.amount")).isEqualTo("30.00");
    }

    @Test
    void the_rooms_page_shows_capacity_equipment_and_rates_and_the_manager_edits_them() {
        String place = aPlace("roompage");
        String room = resource(place, "ROOM", 4);
        String html = Demo.browsing(Demo.MEMBER)
                .get("/" + place + "/rooms")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("id=\"room-" + room + "\"")
                .contains("4 personnes")
                .doesNotContain("room-settings");
        assertThat(html).doesNotContain("style=").doesNotContain("<script>").doesNotContain(" onclick=");

        String cookie = Demo.session(Demo.MANAGER);
        Demo.browsingWith(cookie)
                .formParam("equipment", "Paperboard\nÉcran")
                .formParam("supplement", "7,50")
                .post("/" + place + "/rooms/" + room)
                .then()
                .statusCode(303);
        String after = RestAssured.given()
                .cookie("tl-session", cookie)
                .accept("text/html")
                .get("/" + place + "/rooms")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(after)
                .contains("<li>Paperboard</li>")
                .contains("<li>Écran</li>")
                .contains("7.50 EUR");
        // a wrong amount comes back on the page with the reason, not a server error
        Demo.browsingWith(cookie)
                .formParam("equipment", "Paperboard")
                .formParam("supplement", "sept")
                .post("/" + place + "/rooms/" + room)
                .then()
                .statusCode(422)
                .contentType(ContentType.HTML);
        // a member may not edit
        Demo.browsingWith(Demo.session(Demo.MEMBER))
                .formParam("equipment", "Rien")
                .post("/" + place + "/rooms/" + room)
                .then()
                .statusCode(403);
    }

    @Test
    void bad_input_gets_problems_never_a_server_error() {
        String place = aPlace("roombad");
        String api = "/api/v1/places/" + place;
        String room = resource(place, "ROOM", 4);
        String pool = resource(place, "DESK_POOL", 4);
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("nonMemberSupplementPerHour", "-1"))
                        .put(api + "/rooms/" + room),
                422,
                "room.supplement-invalid");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("nonMemberSupplementPerHour", "1.234"))
                        .put(api + "/rooms/" + room),
                422,
                "room.supplement-invalid");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of(
                                "equipment",
                                Collections.nCopies(21, "x").stream()
                                        .map(x -> x + SEQ.incrementAndGet())
                                        .toList()))
                        .put(api + "/rooms/" + room),
                422,
                "room.equipment-invalid");
        refused(
                Demo.as(Demo.MANAGER)
                        .body(Map.of("equipment", List.of("x".repeat(61))))
                        .put(api + "/rooms/" + room),
                422,
                "room.equipment-invalid");
        refused(
                Demo.as(Demo.MANAGER).body(Map.of("equipment", List.of())).put(api + "/rooms/" + pool),
                422,
                "room.not-a-room");
        Demo.as(Demo.MEMBER)
                .body(Map.of("equipment", List.of()))
                .put(api + "/rooms/" + room)
                .then()
                .statusCode(403);
        Demo.as(Demo.MANAGER)
                .body("{not json")
                .put(api + "/rooms/" + room)
                .then()
                .statusCode(400);
        Demo.as(Demo.MANAGER)
                .body(Map.of("equipment", List.of()))
                .put(api + "/rooms/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        refused(
                Demo.as(Demo.MEMBER)
                        .queryParam("start", "demain")
                        .queryParam("end", "après")
                        .get(api + "/rooms/" + room + "/quote"),
                422,
                "booking.period-missing");
        refused(
                Demo.as(Demo.MEMBER)
                        .queryParam("start", "2030-01-01T12:00:00+01:00")
                        .queryParam("end", "2030-01-01T10:00:00+01:00")
                        .get(api + "/rooms/" + room + "/quote"),
                422,
                "booking.end-before-start");
    }

    // ---- steps ---------------------------------------------------------------------------------------------

    static RequestSpecification as(String email) {
        return RestAssured.given()
                .auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static String aPlace(String prefix) {
        return aPlace(prefix, null);
    }

    /** A new place; {@code legal} replaces the demo's legal identity when given (e.g. one that charges no VAT). */
    static String aPlace(String prefix, Map<String, Object> legal) {
        String slug = (prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet())
                .toLowerCase();
        var body = new HashMap<>(Demo.aPlace(slug, "Lieu " + slug));
        if (legal != null) {
            body.put("legal", legal);
        }
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

    /** An account with no role at the test's place: a non-member. */
    static String aPerson() {
        String email = "room-" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", "Visiteuse", "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
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

    static void refused(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
