package org.tierslieux.server.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.testsupport.Demo.CSRF_COOKIE;
import static org.tierslieux.server.testsupport.Demo.CSRF_FIELD;
import static org.tierslieux.server.testsupport.Demo.CSRF_HEADER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.csrfToken;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Bookings;

/**
 * Issue 8, item 5: CSRF. A page's post without the token of the browser's {@code tl-csrf} cookie, or with another
 * one, is refused with 403 and changes nothing; with it (the form's hidden field, or the htmx header) it works;
 * the API's clients (personal token, Basic) need none. The sweep that every form carries the token is in
 * {@link HardeningTest}.
 */
@QuarkusTest
class CsrfTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FORGED = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /** A browser with a session and its CSRF cookie, that posts forms without saying the token. */
    private record Browser(String session, String token) {

        static Browser of(String email) {
            String session = org.tierslieux.server.testsupport.Demo.session(email);
            return new Browser(session, csrfToken(session));
        }

        RequestSpecification request() {
            return given().redirects()
                    .follow(false)
                    .cookie("tl-session", session)
                    .cookie(CSRF_COOKIE, token)
                    .accept("text/html");
        }

        /** The form as the page wrote it: its hidden field carries the token. */
        RequestSpecification form() {
            return request().formParam(CSRF_FIELD, token);
        }

        RequestSpecification forged() {
            return request().formParam(CSRF_FIELD, FORGED);
        }
    }

    private static void refused(Response response) {
        response.then().statusCode(403).contentType(containsString("text/html")).body(containsString("error-detail"));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toInstant();
    }

    private static String aResource(String kind, String name) {
        return as(MANAGER)
                .body(Map.of("kind", kind, "name", name + " " + Long.toString(System.nanoTime(), 36)))
                .post("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void a_booking_without_the_token_or_with_another_is_refused_and_books_nothing() {
        Browser member = Browser.of(MEMBER);
        String desk = aResource("ROOM", "Salle CSRF");
        LocalDate day = Bookings.aTuesday();
        java.util.function.Function<RequestSpecification, Response> book = r -> r.formParam("resourceId", desk)
                .formParam("start", at(day, 9).toString())
                .formParam("end", at(day, 10).toString())
                .formParam("week", day.toString())
                .post("/" + FILATURE + "/book");

        refused(book.apply(member.request()));
        refused(book.apply(member.forged()));
        // another browser's token, with its own cookie missing: refused too
        refused(book.apply(given().redirects()
                .follow(false)
                .cookie("tl-session", member.session())
                .accept("text/html")
                .formParam(CSRF_FIELD, member.token())));
        // htmx: a wrong header is refused even with the right field
        refused(book.apply(member.form().header(CSRF_HEADER, FORGED)));
        assertThat(activeBookings(desk, day)).isZero();

        book.apply(member.form()).then().statusCode(303);
        assertThat(activeBookings(desk, day)).isEqualTo(1);
    }

    private static int activeBookings(String resource, LocalDate day) {
        return as(MANAGER)
                .get("/api/v1/places/" + FILATURE + "/bookings?from=" + day + "&to=" + day + "&active=true&resourceId="
                        + resource)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    @Test
    void a_cancellation_needs_the_token_and_the_htmx_header_is_enough() {
        Browser member = Browser.of(MEMBER);
        String room = aResource("ROOM", "Salle annulée CSRF");
        LocalDate day = Bookings.aTuesday();
        String booking = as(MEMBER)
                .body(Map.of(
                        "resourceId",
                        room,
                        "start",
                        day.atTime(14, 0).atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        "end",
                        day.atTime(15, 0).atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .post("/api/v1/places/" + FILATURE + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String cancel = "/" + FILATURE + "/bookings/" + booking + "/cancel";

        refused(member.request().post(cancel));
        refused(member.forged().post(cancel));
        // the problem for a client that does not ask for a page
        member.request()
                .accept("*/*")
                .post(cancel)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("request.csrf"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/bookings/" + booking)
                .then()
                .body("status", equalTo("CONFIRMED"));

        member.request()
                .header(CSRF_HEADER, member.token())
                .post(cancel)
                .then()
                .statusCode(303)
                .header("Location", containsString("done=cancelled"));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/bookings/" + booking)
                .then()
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_manager_changes_opening_hours_only_with_the_token() {
        Browser manager = Browser.of(MANAGER);
        String machine = aResource("MACHINE", "Fraiseuse CSRF");
        String path = "/" + FILATURE + "/manage/hours/resources/" + machine;
        String hours = "/api/v1/places/" + FILATURE + "/resources/" + machine + "/opening-hours";

        refused(manager.request()
                .formParam("opens-WEDNESDAY-1", "10:00")
                .formParam("closes-WEDNESDAY-1", "11:30")
                .post(path));
        refused(manager.forged()
                .formParam("opens-WEDNESDAY-1", "10:00")
                .formParam("closes-WEDNESDAY-1", "11:30")
                .post(path));
        as(MANAGER).get(hours).then().statusCode(200).body("inherited", equalTo(true));

        manager.form()
                .formParam("opens-WEDNESDAY-1", "10:00")
                .formParam("closes-WEDNESDAY-1", "11:30")
                .post(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(303);
        as(MANAGER).get(hours).then().body("inherited", equalTo(false));
        manager.form().post(path + "/follow").then().statusCode(303);
        as(MANAGER).get(hours).then().body("inherited", equalTo(true));
    }

    @Test
    void a_treasurer_form_is_refused_without_the_token_and_reaches_the_rules_with_it() {
        Browser treasurer = Browser.of(TREASURER);
        String settings = "/" + FILATURE + "/treasury/settings";
        String before = treasurer
                .request()
                .get(settings)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(before).doesNotContain("CSRF-{YYYY}");

        refused(treasurer
                .request()
                .formParam("invoicePattern", "CSRF-{YYYY}-{seq:5}")
                .formParam("creditNotePattern", "AV-{YYYY}-{seq:5}")
                .formParam("transferDueDays", "30")
                .post(settings));
        refused(treasurer
                .forged()
                .formParam("invoicePattern", "CSRF-{YYYY}-{seq:5}")
                .formParam("creditNotePattern", "AV-{YYYY}-{seq:5}")
                .formParam("transferDueDays", "30")
                .post(settings));
        treasurer.request().get(settings).then().body(org.hamcrest.Matchers.not(containsString("CSRF-{YYYY}")));

        // with the token the rules answer (a pattern without its sequence is refused by them, not by CSRF)
        treasurer
                .form()
                .formParam("invoicePattern", "CSRF-{seq}-{seq}")
                .formParam("creditNotePattern", "AV-{YYYY}-{seq:5}")
                .formParam("transferDueDays", "30")
                .post(settings)
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
    }

    @Test
    void signing_out_needs_the_token() {
        Browser member = Browser.of(MEMBER);
        refused(member.request().post("/logout"));
        member.request().get("/network").then().statusCode(200).body(containsString(MEMBER));
        Response out = member.form().post("/logout");
        out.then().statusCode(303);
        assertThat(out.getHeaders().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("tl-session=") && c.contains("Max-Age=0"));
    }

    @Test
    void the_api_needs_no_token_with_a_personal_token_or_basic_credentials() {
        String name = "csrf " + System.nanoTime();
        String token = as(MEMBER)
                .body(Map.of("name", name))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String room = aResource("ROOM", "Salle API CSRF");
        LocalDate day = Bookings.aTuesday();
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(Map.of(
                        "resourceId",
                        room,
                        "start",
                        day.atTime(16, 0).atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        "end",
                        day.atTime(17, 0).atZone(PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .post("/api/v1/places/" + FILATURE + "/bookings")
                .then()
                .statusCode(201);
        // a body-less change (the token deleting itself) with the bearer token: no cookie, no CSRF token, accepted
        String id = as(MEMBER)
                .get("/api/v1/me/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.name == '" + name + "' }.id");
        given().header("Authorization", "Bearer " + token)
                .accept(ContentType.JSON)
                .delete("/api/v1/me/tokens/" + id)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    @Test
    void a_session_cookie_on_the_api_needs_the_token_unless_the_body_is_json() {
        Browser member = Browser.of(MEMBER);
        // a body-less change riding on the session cookie (a no-cors fetch from another site): refused
        member.request()
                .accept(ContentType.JSON)
                .delete("/api/v1/me/tokens/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(403)
                .body("code", equalTo("request.csrf"));
        // JSON, which no foreign page can send: the site's own scripts (Swagger UI) may
        member.request()
                .accept(ContentType.JSON)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "csrf json " + System.nanoTime()))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(201);
    }

    @Test
    void a_sign_in_posted_from_another_site_is_refused() {
        given().redirects()
                .follow(false)
                .header("Origin", "https://evil.example")
                .formParam("j_username", MEMBER)
                .formParam("j_password", "demo")
                .post("/j_security_check")
                .then()
                .statusCode(403);
        given().redirects()
                .follow(false)
                .header("Referer", "https://evil.example/login")
                .formParam("j_username", MEMBER)
                .formParam("j_password", "demo")
                .post("/j_security_check")
                .then()
                .statusCode(403);
        String origin = "http://localhost:" + io.restassured.RestAssured.port;
        Response same = given().redirects()
                .follow(false)
                .header("Origin", origin)
                .header("Referer", origin + "/login")
                .formParam("j_username", MEMBER)
                .formParam("j_password", "demo")
                .post("/j_security_check");
        same.then().statusCode(302);
        assertThat(same.getCookie("tl-session")).isNotBlank();
    }

    private static final java.util.regex.Pattern FORM_TAG =
            java.util.regex.Pattern.compile("<form\\b[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern POSTS = java.util.regex.Pattern.compile(
            "\\bmethod\\s*=\\s*[\"']?post\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Every template of every module, pages the demo sweep does not reach included: a form that posts starts with
     * {@code {#csrf/}} (htmx elements that post outside a form are checked on the rendered pages, by
     * {@link HardeningTest}).
     */
    @Test
    void every_form_that_posts_in_every_template_carries_the_token() throws java.io.IOException {
        java.util.List<java.nio.file.Path> roots = java.util.List.of(
                java.nio.file.Path.of("src/main/resources/templates"),
                java.nio.file.Path.of("../core/src/main/resources/templates"),
                java.nio.file.Path.of("../billing/src/main/resources/templates"),
                java.nio.file.Path.of("../coworking-extensions/src/main/resources/templates"));
        int forms = 0;
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (java.nio.file.Path root : roots) {
            assertThat(root).isDirectory();
            try (var files = java.nio.file.Files.walk(root)) {
                for (java.nio.file.Path file :
                        files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    String html = java.nio.file.Files.readString(file);
                    java.util.regex.Matcher tag = FORM_TAG.matcher(html);
                    while (tag.find()) {
                        if (!POSTS.matcher(tag.group()).find()) {
                            continue;
                        }
                        forms++;
                        if (!html.startsWith("{#csrf/}", tag.end())) {
                            missing.add(file + ": " + tag.group());
                        }
                    }
                }
            }
        }
        assertThat(forms).isGreaterThan(70);
        assertThat(missing)
                .as("forms that post without {#csrf/} right after <form ...>")
                .isEmpty();
    }
}
