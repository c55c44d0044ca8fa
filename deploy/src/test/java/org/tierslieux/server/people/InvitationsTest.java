package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Mailbox;

/**
 * Identity mode {@code local}: a manager invites someone by e-mail; they get the role at once and a one-time,
 * expiring link to choose their password (only its hash is stored).
 */
@QuarkusTest
class InvitationsTest {

    private static final String INVITATIONS = "/api/v1/places/" + FILATURE + "/invitations";
    private static final Pattern LINK = Pattern.compile("http://[^\\s\"<]+/invitations/(tli_[A-Za-z0-9_-]{43})");

    @Inject
    MockMailbox mailbox;

    private static String newcomer() {
        return "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private String invite(String email) {
        int before = Mailbox.sentTo(mailbox, email).size();
        as(MANAGER)
                .body(Map.of("email", email, "displayName", "Nina Nouvelle"))
                .post(INVITATIONS)
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("role", equalTo("MEMBER"))
                .body("delivery", equalTo("PASSWORD_LINK"));
        Mailbox.await(mailbox, email, m -> Mailbox.sentTo(mailbox, email).size() > before);
        var mails = Mailbox.sentTo(mailbox, email);
        Mail mail = mails.get(mails.size() - 1);
        Matcher link = LINK.matcher(mail.getText());
        assertThat(link.find()).as("a password link in " + mail.getText()).isTrue();
        return link.group(1);
    }

    @Test
    void an_invited_person_gets_the_role_at_once_and_chooses_a_password_through_the_link_once() {
        String email = newcomer();
        String token = invite(email);
        as(MANAGER)
                .get("/api/v1/places/" + FILATURE + "/members?size=200")
                .then()
                .body("items.find { it.email == '" + email + "' }.roles", hasItem("MEMBER"));

        given().accept("text/html")
                .get("/invitations/" + token)
                .then()
                .statusCode(200)
                .body(containsString(email))
                .body(containsString("La Filature"));
        // refused: too short, then two different passwords; the link still works afterwards (the form carries the
        // CSRF token of the browser's cookie, as every form does)
        String csrf = org.tierslieux.server.testsupport.Demo.csrfToken(null);
        given().redirects()
                .follow(false)
                .accept("text/html")
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, csrf)
                .formParam(org.tierslieux.server.testsupport.Demo.CSRF_FIELD, csrf)
                .formParam("password", "short")
                .formParam("repeat", "short")
                .post("/invitations/" + token)
                .then()
                .statusCode(422);
        given().redirects()
                .follow(false)
                .accept("text/html")
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, csrf)
                .formParam(org.tierslieux.server.testsupport.Demo.CSRF_FIELD, csrf)
                .formParam("password", "a-long-enough-password")
                .formParam("repeat", "another-long-password")
                .post("/invitations/" + token)
                .then()
                .statusCode(422);
        given().redirects()
                .follow(false)
                .accept("text/html")
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, csrf)
                .formParam(org.tierslieux.server.testsupport.Demo.CSRF_FIELD, csrf)
                .formParam("password", "a-long-enough-password")
                .formParam("repeat", "a-long-enough-password")
                .post("/invitations/" + token)
                .then()
                .statusCode(303)
                .header("Location", containsString("/login?welcome=true"));

        given().auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(200);
        // once only
        given().accept("text/html")
                .header("Accept-Language", "en")
                .get("/invitations/" + token)
                .then()
                .statusCode(409)
                .body(containsString("already been used"));
    }

    @Test
    void a_link_expires_and_a_new_invitation_replaces_the_previous_link() {
        String email = newcomer();
        String first = invite(email);
        String second = invite(email);
        given().accept("text/html")
                .header("Accept-Language", "en")
                .get("/invitations/" + first)
                .then()
                .statusCode(409)
                .body(containsString("has expired"));
        given().accept("text/html").get("/invitations/" + second).then().statusCode(200);

        MovableClock.install().advance(Duration.ofDays(8));
        given().accept("text/html")
                .header("Accept-Language", "en")
                .get("/invitations/" + second)
                .then()
                .statusCode(409)
                .body(containsString("has expired"));
    }

    @Test
    void someone_who_can_already_sign_in_gets_a_notice_and_the_role() {
        as(MANAGER)
                .body(Map.of("email", MEMBER2, "role", "MEMBER"))
                .post(INVITATIONS)
                .then()
                .statusCode(201)
                .body("delivery", equalTo("NOTICE"));
        Mail notice = Mailbox.await(mailbox, MEMBER2, m -> m.getSubject().contains("La Filature"));
        assertThat(notice.getText()).doesNotContain("/invitations/");
        as(MEMBER2).get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(200);
        // back as it was for the other tests
        as(MANAGER)
                .body(Map.of("email", MEMBER2, "roles", java.util.List.of()))
                .post("/api/v1/places/" + FILATURE + "/members")
                .then()
                .statusCode(200);
    }

    @Test
    void bad_invitations_are_problems_never_500() {
        as(MANAGER)
                .body(Map.of("email", "not-an-address"))
                .post(INVITATIONS)
                .then()
                .statusCode(400)
                .body("code", equalTo("request.invalid"));
        as(MANAGER)
                .body(Map.of("email", newcomer(), "role", "CAPTAIN"))
                .post(INVITATIONS)
                .then()
                .statusCode(400);
        as(MANAGER)
                .body(Map.of("email", newcomer(), "displayName", "x".repeat(121)))
                .post(INVITATIONS)
                .then()
                .statusCode(400);
        as(MEMBER)
                .body(Map.of("email", newcomer()))
                .post(INVITATIONS)
                .then()
                .statusCode(403)
                .body("code", equalTo("access.role-missing"));
        given().contentType("application/json")
                .body(Map.of("email", newcomer()))
                .post(INVITATIONS)
                .then()
                .statusCode(401);
        for (String token : new String[] {"nothing", "tli_" + "A".repeat(43), "tli_%2e%2e"}) {
            given().accept("text/html")
                    .get("/invitations/" + token)
                    .then()
                    .statusCode(org.hamcrest.Matchers.either(equalTo(404)).or(equalTo(400)));
        }
    }

    @Test
    void a_manager_invites_from_the_members_page() {
        String email = newcomer();
        browsing(MANAGER)
                .formParam("email", email)
                .formParam("displayName", "Paul Page")
                .formParam("role", "MEMBER")
                .post("/" + FILATURE + "/members/invite")
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + FILATURE + "/members?invited="));
        browsing(MANAGER)
                .get("/" + FILATURE + "/members?invited=" + email + "&delivery=PASSWORD_LINK")
                .then()
                .statusCode(200)
                .body(containsString("invite-sent"))
                .body(containsString("Paul Page"));
        browsing(MANAGER)
                .formParam("email", "nope")
                .formParam("role", "MEMBER")
                .post("/" + FILATURE + "/members/invite")
                .then()
                .statusCode(422)
                .body(containsString("invite-error"));
        Mailbox.await(mailbox, email, m -> m.getText().contains("/invitations/tli_"));
    }
}
