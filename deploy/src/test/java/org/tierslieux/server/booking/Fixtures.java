package org.tierslieux.server.booking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * What booking tests set up, through the API as a user would: places, people, resources, hours, rules and
 * bookings. Names are unique per call, so that tests sharing one database never see each other's things.
 */
final class Fixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The password of the accounts tests create (the demo accounts keep theirs). */
    static final String PASSWORD = "un-long-mot-de-passe";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {}

    /** A place as the API names it, with the zone its local times are in. */
    record Place(String slug, ZoneId zone) {

        String api() {
            return "/api/v1/places/" + slug;
        }

        /** The instant of a local time of the place, as the API writes it (with the offset of that day). */
        String at(LocalDate day, int hour, int minute) {
            return format(day.atTime(hour, minute).atZone(zone));
        }

        String at(LocalDate day, int hour) {
            return at(day, hour, 0);
        }

        /** A weekday {@code weeks} weeks ahead, in the place's calendar. */
        LocalDate next(DayOfWeek day, int weeks) {
            return LocalDate.now(zone).plusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
        }
    }

    private static Place coworking;

    /**
     * The tests' own coworking in Paris, made once per test database: on the default hours (Monday to Friday,
     * 9:00 to 18:00), with no public holidays, rules or bookings of the demo's calendar, whatever the date
     * the tests run. The demo manager manages it, the demo member is a member, member2 is not.
     */
    static synchronized Place coworking() {
        if (coworking == null || count("select count(*) from place where slug = ?", coworking.slug()) == 0) {
            coworking = aPlace("coworking", PARIS);
        }
        return coworking;
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    static String format(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    // ---- people and places -------------------------------------------------------------------------------

    /** Signed in with HTTP Basic: the demo accounts with their password, the others with {@link #PASSWORD}. */
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

    /** A new account with the given roles at the place; returns its e-mail. */
    static String aPerson(String prefix, Place place, String... roles) {
        String email = unique(prefix) + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", prefix, "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        if (roles.length > 0) {
            grant(place, email, roles);
        }
        return email;
    }

    static void grant(Place place, String email, String... roles) {
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "roles", List.of(roles)))
                .post(place.api() + "/members")
                .then()
                .statusCode(200);
    }

    static UUID personId(String email) {
        return UUID.fromString(
                as(email).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }

    /**
     * A new place of the network in the given zone, managed by the demo manager, with the demo member as a
     * member: settings changed there (hours, rules per kind) touch no other test.
     */
    static Place aPlace(String prefix, ZoneId zone) {
        String slug = unique(prefix).toLowerCase();
        var body = new HashMap<>(Demo.aPlace(slug, "Lieu " + slug));
        body.put("timeZone", zone.getId());
        Demo.as(Demo.ADMIN).body(body).post("/api/v1/network/places").then().statusCode(201);
        Place place = new Place(slug, zone);
        grant(place, Demo.MANAGER, "MANAGER");
        grant(place, Demo.MEMBER, "MEMBER");
        return place;
    }

    // ---- resources, hours, rules -------------------------------------------------------------------------

    static ResourceBuilder aResource(String kind) {
        return new ResourceBuilder(kind);
    }

    static final class ResourceBuilder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private Place place;

        private ResourceBuilder(String kind) {
            body.put("kind", kind);
            body.put("name", unique(kind.toLowerCase()));
        }

        ResourceBuilder in(Place place) {
            this.place = place;
            return this;
        }

        ResourceBuilder capacity(int capacity) {
            body.put("capacity", capacity);
            return this;
        }

        ResourceBuilder slotMinutes(int minutes) {
            body.put("slotMinutes", minutes);
            return this;
        }

        ResourceBuilder requiring(String trainingId) {
            body.put("requiresTrainingId", trainingId);
            return this;
        }

        String create() {
            return as(Demo.MANAGER)
                    .body(body)
                    .post((place == null ? coworking() : place).api() + "/resources")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
    }

    static Map<String, Object> open(DayOfWeek day, String opens, String closes) {
        return Map.of("day", day.name(), "opens", opens, "closes", closes);
    }

    /** The same hours every day of the week. */
    static List<Map<String, Object>> everyDay(String opens, String closes) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(open(day, opens, closes));
        }
        return hours;
    }

    static void resourceHours(Place place, String resource, List<Map<String, Object>> hours) {
        as(Demo.MANAGER)
                .body(Map.of("hours", hours))
                .put(place.api() + "/resources/" + resource + "/opening-hours")
                .then()
                .statusCode(200);
    }

    static void placeHours(Place place, List<Map<String, Object>> hours) {
        as(Demo.MANAGER)
                .body(Map.of("hours", hours))
                .put(place.api() + "/opening-hours")
                .then()
                .statusCode(200);
    }

    /** Sets a resource's own rules (fields left out inherit). */
    static void resourceRules(Place place, String resource, Map<String, Object> rules) {
        as(Demo.MANAGER)
                .body(rules)
                .put(place.api() + "/rules/resources/" + resource)
                .then()
                .statusCode(200);
    }

    static String session(Place place, String resource, String start, String end) {
        return as(Demo.MANAGER)
                .body(Map.of("start", start, "end", end, "title", "Session"))
                .post(place.api() + "/resources/" + resource + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // ---- bookings ----------------------------------------------------------------------------------------

    static Map<String, Object> slot(String resource, String start, String end) {
        return new HashMap<>(Map.of("resourceId", resource, "start", start, "end", end));
    }

    static Map<String, Object> slot(String resource, String start, String end, int seats) {
        var body = slot(resource, start, end);
        body.put("seats", seats);
        return body;
    }

    static Response book(String who, Place place, Map<String, Object> body) {
        return as(who).body(body).post(place.api() + "/bookings");
    }

    /** Books and expects it taken; returns the booking's id. */
    static String booked(String who, Place place, Map<String, Object> body) {
        return book(who, place, body).then().statusCode(201).extract().path("id");
    }

    static Response cancel(String who, Place place, String booking, String reason) {
        return as(who).body(reason == null ? Map.of() : Map.of("reason", reason))
                .post(place.api() + "/bookings/" + booking + "/cancel");
    }

    static String status(String who, Place place, String booking) {
        return as(who).get(place.api() + "/bookings/" + booking)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    // ---- availability ------------------------------------------------------------------------------------

    /** One free interval as the API answers it. */
    record Free(OffsetDateTime start, OffsetDateTime end, int free) {

        Instant startInstant() {
            return start.toInstant();
        }
    }

    static List<Free> free(String who, Place place, String resource, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = as(who).get(
                        place.api() + "/resources/" + resource + "/availability?from=" + from + "&to=" + to)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        return rows.stream().map(Fixtures::free).toList();
    }

    static Free free(Map<String, Object> row) {
        return new Free(
                OffsetDateTime.parse((String) row.get("start")),
                OffsetDateTime.parse((String) row.get("end")),
                ((Number) row.get("free")).intValue());
    }

    static Free freeAt(Place place, LocalDate day, LocalTime from, LocalTime to, int seats) {
        return new Free(
                day.atTime(from).atZone(place.zone()).toOffsetDateTime(),
                day.atTime(to).atZone(place.zone()).toOffsetDateTime(),
                seats);
    }

    // ---- the database, seen from above -------------------------------------------------------------------

    static long bookingRows() {
        return count("select count(*) from booking");
    }

    static long count(String sql, Object... parameters) {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem+json of a refusal: its status, its code, and no trace of the server's insides. */
    static void refused(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    // ---- racing clients ----------------------------------------------------------------------------------

    /**
     * Runs the calls on as many threads as {@code threads}, all released at once by a latch, and returns
     * their results in the order of the calls.
     */
    static <T> List<T> race(int threads, List<java.util.concurrent.Callable<T>> calls) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var f : futures) {
                results.add(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static <T> List<T> race(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        return race(calls.size(), calls);
    }

    /** A personal API token of the account, as an integration would use. */
    static String token(String email) {
        return as(email)
                .body(Map.of("name", unique("jeton")))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** One racing client's answer: its status and its problem code (null on success). */
    record Answer(int status, String code) {}

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A POST built in advance, so that racing clients leave at the same instant (REST Assured takes tens of
     * milliseconds to build each request, enough to spread a race out).
     */
    static java.net.http.HttpRequest post(String token, String path, Map<String, Object> body) {
        try {
            return java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the requests from {@code threads} threads released at once; answers in the order of the requests. */
    static List<Answer> storm(int threads, List<java.net.http.HttpRequest> requests) throws Exception {
        List<java.util.concurrent.Callable<Answer>> calls = new ArrayList<>();
        for (var request : requests) {
            calls.add(() -> {
                var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                String code = null;
                if (response.statusCode() >= 400 && !response.body().isBlank()) {
                    var node = JSON.readTree(response.body()).get("code");
                    code = node == null ? null : node.asText();
                }
                return new Answer(response.statusCode(), code);
            });
        }
        return race(threads, calls);
    }
}
