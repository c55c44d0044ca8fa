package org.tierslieux.server.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.TestDatabase;

/** Secret calendar links: shown once, stored hashed, revocable; a resource's feed is for its managers only. */
@QuarkusTest
class CalendarFeedsTest {

    static String createMemberFeed(String email) {
        return as(email)
                .post("/api/v1/me/calendar-feed")
                .then()
                .statusCode(201)
                .body("url", startsWith("http"))
                .extract()
                .path("url");
    }

    /** The path part of a feed URL, for REST Assured's own host and port. */
    static String path(String url) {
        return URI.create(url).getPath();
    }

    static Calendar fetch(String url) throws Exception {
        String body = given().get(path(url))
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        calendar.validate();
        return calendar;
    }

    static String resourceId(String place, String name) {
        return as(MANAGER)
                .get("/api/v1/places/" + place + "/resources?size=200")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.name == '" + name + "' }.id");
    }

    @Test
    void a_member_feed_link_is_shown_once_and_stops_working_when_revoked_or_replaced() throws Exception {
        String first = createMemberFeed(MEMBER);
        assertThat(path(first)).matches("/ical/tlc_[A-Za-z0-9_-]{43}\\.ics");
        Calendar calendar = fetch(first);
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Mes réservations · TiersLieux Manager");

        // a new link replaces the old one
        String second = createMemberFeed(MEMBER);
        given().get(path(first)).then().statusCode(404).body("code", equalTo("calendar.feed-not-found"));
        fetch(second);

        as(MEMBER).delete("/api/v1/me/calendar-feed").then().statusCode(204);
        given().get(path(second)).then().statusCode(404).body("code", equalTo("calendar.feed-not-found"));
        // revoking again is harmless
        as(MEMBER).delete("/api/v1/me/calendar-feed").then().statusCode(204);

        // only the hash of the secret is kept
        String secret = path(second).substring("/ical/".length(), path(second).length() - ".ics".length());
        try (var c = TestDatabase.superuser();
                var s = c.prepareStatement("select count(*) from calendar_feed where token_hash = ?")) {
            s.setString(1, secret);
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
        }
    }

    @Test
    void unknown_or_malformed_links_answer_404_and_signing_in_is_needed_to_get_one() {
        given().get("/ical/tlc_doesnotexist.ics")
                .then()
                .statusCode(404)
                .body("code", equalTo("calendar.feed-not-found"));
        given().get("/ical/nothing.ics").then().statusCode(404);
        given().get("/ical/" + "x".repeat(300) + ".ics").then().statusCode(404);
        anonymous().post("/api/v1/me/calendar-feed").then().statusCode(401);
    }

    @Test
    void only_managers_of_the_place_get_a_resource_feed() throws Exception {
        String laser = resourceId(ATELIER, "Découpeuse laser Trotec");
        String feeds = "/api/v1/places/" + ATELIER + "/resources/" + laser + "/calendar-feed";
        as(MEMBER).post(feeds).then().statusCode(403).body("code", equalTo("access.role-missing"));
        as(ADMIN).post(feeds).then().statusCode(403);
        anonymous().post(feeds).then().statusCode(401);
        // a resource of another place is unknown here
        as(MANAGER)
                .post("/api/v1/places/" + FILATURE + "/resources/" + laser + "/calendar-feed")
                .then()
                .statusCode(404)
                .body("code", equalTo("resource.not-found"));

        String url = as(MANAGER).post(feeds).then().statusCode(201).extract().path("url");
        Calendar calendar = fetch(url);
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Découpeuse laser Trotec · " + placeName(ATELIER));
        as(MANAGER).delete(feeds).then().statusCode(204);
        given().get(path(url)).then().statusCode(404);
    }

    @Test
    void a_resource_feed_stops_working_when_its_creator_is_no_longer_a_manager() throws Exception {
        String email = "calendar-manager@example.org";
        as(ADMIN)
                .body(Map.of("email", email, "displayName", "Cal Manager", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        setRoles(email, Set.of("MANAGER"));
        String laser = resourceId(ATELIER, "Découpeuse laser Trotec");
        String url = given().auth()
                .preemptive()
                .basic(email, "un-long-mot-de-passe")
                .post("/api/v1/places/" + ATELIER + "/resources/" + laser + "/calendar-feed")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        fetch(url);

        setRoles(email, Set.of("MEMBER"));
        given().get(path(url)).then().statusCode(404);
        setRoles(email, Set.of("MANAGER"));
        fetch(url); // not revoked: it follows the role
    }

    static void setRoles(String email, Set<String> roles) {
        as(MANAGER)
                .body(Map.of("email", email, "roles", List.copyOf(roles)))
                .post("/api/v1/places/" + ATELIER + "/members")
                .then()
                .statusCode(200);
    }

    static String placeName(String slug) {
        return as(MEMBER2).get("/api/v1/me").then().extract().path("places.find { it.slug == '" + slug + "' }.name");
    }
}
