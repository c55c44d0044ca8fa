package org.tierslieux.server.coworking.network;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.server.testsupport.Demo;

/** Places, people, plans and desks of the network pass tests, made through the API as people make them. */
final class NetworkSteps {

    static final String PASSWORD = "un-long-mot-de-passe";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private NetworkSteps() {}

    /** The problem+json of a refusal: its status, its code, and no trace of the server's insides. */
    static void refused(io.restassured.response.Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.jsonPath().getString("code"))
                .isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(response.asString())
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    static RequestSpecification as(String email) {
        if (email.endsWith("@demo.test")) {
            return Demo.as(email);
        }
        return given().auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A new place (Paris, default hours Monday to Friday 9:00-18:00) managed by the demo manager. */
    static String aPlace(String prefix) {
        String slug = unique(prefix).toLowerCase();
        Demo.as(Demo.ADMIN)
                .body(new HashMap<>(Demo.aPlace(slug, "Lieu " + slug)))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        grant(slug, Demo.MANAGER, "MANAGER");
        return slug;
    }

    static String aPerson(String prefix) {
        String email = unique(prefix) + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", prefix, "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        return email;
    }

    static void grant(String place, String email, String... roles) {
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "roles", List.of(roles)))
                .post("/api/v1/places/" + place + "/members")
                .then()
                .statusCode(200);
    }

    static String deskPool(String place) {
        return as(Demo.MANAGER)
                .body(Map.of("kind", "DESK_POOL", "name", "Open space " + unique("os"), "capacity", 10))
                .post("/api/v1/places/" + place + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A monthly plan at the place, and the person subscribed to it; returns the subscription's status. */
    static String subscribed(String place, String email) {
        return subscription(place, email).getString("status");
    }

    /** A monthly plan at the place, and the person subscribed to it; returns the subscription. */
    static io.restassured.path.json.JsonPath subscription(String place, String email) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", unique("Plan"));
        plan.put("period", "MONTH");
        plan.put("price", Map.of("amount", "30", "currency", "EUR"));
        plan.put("vatRate", "20");
        plan.put("credits", List.of());
        String planId = as(Demo.MANAGER)
                .body(plan)
                .post("/api/v1/places/" + place + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return as(email)
                .body(Map.of("planId", planId))
                .post("/api/v1/places/" + place + "/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static void participate(String place, boolean participating) {
        as(Demo.MANAGER)
                .body(Map.of("participating", participating))
                .put("/api/v1/places/" + place + "/network")
                .then()
                .statusCode(200);
    }

    /** The first {@code n} weekdays of next month (all ahead, within the default 90-day horizon). */
    static List<LocalDate> weekdaysOfNextMonth(int n) {
        YearMonth next = YearMonth.now(java.time.ZoneId.of("Europe/Paris")).plusMonths(1);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = next.atDay(1); days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }
}
