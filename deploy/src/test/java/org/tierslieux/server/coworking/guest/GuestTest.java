package org.tierslieux.server.coworking.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.Mailbox;

/**
 * A member of la-filature invites guests: the guest's mail holds a QR pass that reads back to the place's scan
 * address, the staff checks them in with it once, on their day only; inviting the same person twice the same day
 * is a clear 409; the day is free, taken from the host's credits or billed to the host, per the place's policy.
 */
@QuarkusTest
class GuestTest {

    static final String API = "/api/v1/places/" + FILATURE;

    @Inject
    MockMailbox mailbox;

    @Inject
    org.tierslieux.core.people.PersonDirectory people;

    @Inject
    org.tierslieux.core.pricing.QuoteStore quotes;

    @Inject
    org.tierslieux.core.tenancy.PlaceScope scope;

    @Inject
    org.tierslieux.core.place.PlaceDirectory directory;

    @AfterEach
    void guests_free_again() {
        policy("FREE", "0");
    }

    static void policy(String policy, String price) {
        Demo.as(MANAGER)
                .body(Map.of("enabled", false, "guestPolicy", policy, "guestPrice", new BigDecimal(price)))
                .put(API + "/checkin-settings")
                .then()
                .statusCode(200);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    static String email() {
        return "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static io.restassured.response.ValidatableResponse invite(String as, String name, String email, LocalDate day) {
        return Demo.as(as)
                .body(Map.of("name", name, "email", email, "day", day.toString()))
                .post(API + "/guests")
                .then();
    }

    @Test
    void the_guest_gets_a_qr_pass_by_mail_and_the_staff_checks_them_in_once() {
        String email = email();
        String guest = invite(MEMBER, "Alex Invité", email, today())
                .statusCode(201)
                .body("name", equalTo("Alex Invité"))
                .body("payment", equalTo("FREE"))
                .extract()
                .path("id");

        Mail mail = Mailbox.await(mailbox, email, m -> m.getSubject().contains("pass"));
        String url = GuestPasses.qrOf(mail);
        assertThat(url).contains("/" + FILATURE + "/checkin/scan?code=tlp_");
        assertThat(mail.getHtml()).contains("cid:qr-pass@tierslieux").contains(url);
        assertThat(mail.getText()).contains(url);
        String code = GuestPasses.codeOf(url);

        // the code read at the manager's other place: unknown there
        Demo.as(MANAGER)
                .body(Map.of("code", code))
                .post("/api/v1/places/" + ATELIER + "/checkins")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.code-unknown"));

        Demo.as(MANAGER)
                .body(Map.of("code", code))
                .post(API + "/checkins")
                .then()
                .statusCode(201)
                .body("name", equalTo("Alex Invité"))
                .body("hostName", notNullValue());
        Demo.as(MANAGER)
                .body(Map.of("code", code))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("checkin.already-used"));

        List<Map<String, Object>> here = Demo.as(MANAGER)
                .get(API + "/checkins/here")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertThat(here).anySatisfy(p -> {
            assertThat(p.get("name")).isEqualTo("Alex Invité");
            assertThat(p.get("hostName")).isNotNull();
        });
        int guestsHere = Demo.as(MANAGER)
                .get(API + "/occupancy/live")
                .then()
                .statusCode(200)
                .extract()
                .path("guests");
        assertThat(guestsHere).isPositive();
        Demo.as(MEMBER)
                .get(API + "/guests/mine")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + guest + "' }.checkedInAt", notNullValue());
    }

    @Test
    void the_same_guest_twice_the_same_day_is_a_clear_conflict_and_bad_input_is_refused() {
        String email = email();
        invite(MEMBER, "Sam", email, today().plusDays(3)).statusCode(201);
        invite(MEMBER, "Sam encore", email.toUpperCase(), today().plusDays(3))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("guest.already-invited"))
                .body("detail", org.hamcrest.Matchers.containsString(email.toUpperCase()));
        // another day is another invitation
        invite(MEMBER, "Sam", email, today().plusDays(4)).statusCode(201);

        invite(MEMBER, "Sam", "pas-un-email", today()).statusCode(422).body("code", equalTo("guest.email-invalid"));
        invite(MEMBER, " ", email(), today()).statusCode(422).body("code", equalTo("guest.name-invalid"));
        invite(MEMBER, "Sam", email(), today().minusDays(1)).statusCode(422).body("code", equalTo("guest.day-invalid"));
        Demo.as(MEMBER)
                .body("{\"name\": \"Sam\", \"email\": \"a@b.fr\", \"day\": \"demain\"}")
                .post(API + "/guests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        // member2 is not a member of la-filature
        invite(Demo.MEMBER2, "Sam", email(), today()).statusCode(403);
    }

    @Test
    void a_guest_of_another_day_is_not_checked_in_today() {
        String guest = invite(MEMBER, "Demain", email(), today().plusDays(1))
                .statusCode(201)
                .extract()
                .path("id");
        Demo.as(MANAGER)
                .body(Map.of("guestId", guest))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .body("code", equalTo("checkin.not-today"));
    }

    @Test
    void billed_to_the_host_the_guest_day_is_an_order_in_the_hosts_name() {
        policy("BILL_HOST", "12.50");
        Demo.as(MEMBER)
                .get(API + "/checkin-settings")
                .then()
                .statusCode(200)
                .body("guestPolicy", equalTo("BILL_HOST"))
                .body("guestPrice.amount", equalTo("12.50"));
        String order = invite(MEMBER, "Facturé", email(), today().plusDays(2))
                .statusCode(201)
                .body("payment", equalTo("BILL_HOST"))
                .extract()
                .path("orderId");
        assertThat(order).isNotNull();
        String body = Demo.as(MEMBER)
                .get(API + "/orders/" + order)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body).contains("12.50").contains("Facturé");
    }

    @Test
    void from_the_hosts_credits_a_guest_day_takes_one_desk_day_and_without_credit_it_is_refused() {
        policy("HOST_CREDITS", "0");
        BigDecimal before = deskDaysLeft(MEMBER);
        var invited = invite(MEMBER, "Crédité", email(), today());
        if (before.compareTo(BigDecimal.ONE) >= 0) {
            invited.statusCode(201).body("payment", equalTo("HOST_CREDITS")).body("orderId", nullValue());
            assertThat(deskDaysLeft(MEMBER)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
        } else {
            invited.statusCode(409).body("code", equalTo("guest.no-credit"));
        }
        // the manager has no credits here: a clear refusal, nothing invited
        String email = email();
        invite(MANAGER, "Sans crédit", email, today().plusDays(1))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("guest.no-credit"));
        Mailbox.settle();
        assertThat(Mailbox.sentTo(mailbox, email)).isEmpty();
    }

    @Test
    void the_host_cancels_an_invitation_the_pass_stops_working_and_the_guest_is_told() {
        String email = email();
        String guest = invite(MEMBER, "Annulé", email, today())
                .statusCode(201)
                .body("cancellable", equalTo(true))
                .extract()
                .path("id");
        String code = GuestPasses.codeOf(GuestPasses.qrOf(
                Mailbox.await(mailbox, email, m -> m.getSubject().contains("pass"))));

        // someone else's guest is unknown to them
        Demo.as(MANAGER)
                .post(API + "/guests/" + guest + "/cancel")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("guest.not-found"));
        Demo.as(MEMBER)
                .post(API + "/guests/" + guest + "/cancel")
                .then()
                .statusCode(200)
                .body("cancelledAt", notNullValue())
                .body("cancellable", equalTo(false));

        Mail cancelled = Mailbox.await(mailbox, email, m -> m.getSubject().contains("annulée"));
        assertThat(cancelled.getText()).contains("Annulé").contains("n'est plus valable");
        Demo.as(MANAGER)
                .body(Map.of("code", code))
                .post(API + "/checkins")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("guest.cancelled"));
        Demo.as(MEMBER)
                .post(API + "/guests/" + guest + "/cancel")
                .then()
                .statusCode(409)
                .body("code", equalTo("guest.cancelled"));
        // the same person may be invited again that day
        invite(MEMBER, "Annulé", email, today()).statusCode(201);
    }

    @Test
    void an_arrived_guest_cannot_be_cancelled() {
        String guest = invite(MEMBER, "Arrivé", email(), today())
                .statusCode(201)
                .extract()
                .path("id");
        Demo.as(MANAGER)
                .body(Map.of("guestId", guest))
                .post(API + "/checkins")
                .then()
                .statusCode(201);
        Demo.as(MEMBER)
                .post(API + "/guests/" + guest + "/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("guest.arrived"));
        Demo.as(MEMBER)
                .get(API + "/guests/mine")
                .then()
                .body("find { it.id == '" + guest + "' }.cancellable", equalTo(false));
    }

    @Test
    void cancelling_a_guest_billed_to_the_host_cancels_the_unpaid_order() {
        policy("BILL_HOST", "9.00");
        var invited = invite(MEMBER, "Facturé annulé", email(), today().plusDays(5))
                .statusCode(201)
                .extract();
        String guest = invited.path("id");
        String order = invited.path("orderId");
        Demo.as(MEMBER).post(API + "/guests/" + guest + "/cancel").then().statusCode(200);
        Demo.as(MEMBER).get(API + "/orders/" + order).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void cancelling_a_guest_taken_from_the_hosts_credits_gives_the_desk_day_back() {
        policy("HOST_CREDITS", "0");
        BigDecimal before = deskDaysLeft(MEMBER);
        org.junit.jupiter.api.Assumptions.assumeTrue(before.compareTo(BigDecimal.ONE) >= 0, "no desk-day left");
        String guest = invite(MEMBER, "Crédit rendu", email(), today().plusDays(1))
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(deskDaysLeft(MEMBER)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
        Demo.as(MEMBER).post(API + "/guests/" + guest + "/cancel").then().statusCode(200);
        assertThat(deskDaysLeft(MEMBER)).isEqualByComparingTo(before);
    }

    @Test
    void the_guest_mails_are_in_the_hosts_language() {
        var member = people.byEmail(MEMBER).orElseThrow().id();
        people.rememberLocale(member, java.util.Locale.ENGLISH);
        try {
            String email = email();
            String guest = invite(MEMBER, "Guest", email, today().plusDays(2))
                    .statusCode(201)
                    .extract()
                    .path("id");
            Mail pass = Mailbox.await(mailbox, email, m -> m.getSubject().contains("pass"));
            assertThat(pass.getSubject()).startsWith("Your guest pass");
            assertThat(pass.getText()).contains("invites you to");
            Demo.as(MEMBER).post(API + "/guests/" + guest + "/cancel").then().statusCode(200);
            Mail cancelled = Mailbox.await(mailbox, email, m -> m.getSubject().contains("cancelled"));
            assertThat(cancelled.getText()).contains("no longer valid");
        } finally {
            people.rememberLocale(member, java.util.Locale.FRENCH);
        }
    }

    @Test
    void the_guests_page_has_a_cancel_button_that_cancels() {
        String guest = invite(MEMBER, "Bouton", email(), today().plusDays(6))
                .statusCode(201)
                .extract()
                .path("id");
        String session = Demo.session(MEMBER);
        String page = io.restassured.RestAssured.given()
                .cookie("tl-session", session)
                .accept("text/html")
                .get("/" + FILATURE + "/guests")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("/" + FILATURE + "/guests/" + guest + "/cancel");
        String token = Demo.csrfToken(session);
        io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("tl-session", session)
                .cookie(Demo.CSRF_COOKIE, token)
                .contentType("application/x-www-form-urlencoded")
                .formParam(Demo.CSRF_FIELD, token)
                .post("/" + FILATURE + "/guests/" + guest + "/cancel")
                .then()
                .statusCode(303);
        Demo.as(MEMBER)
                .get(API + "/guests/mine")
                .then()
                .body("find { it.id == '" + guest + "' }.cancelledAt", notNullValue());
    }

    @Test
    void at_a_place_that_charges_no_vat_a_guest_day_billed_to_the_host_carries_none() {
        String atelier = "/api/v1/places/" + ATELIER;
        Demo.as(MANAGER)
                .body(Map.of("enabled", false, "guestPolicy", "BILL_HOST", "guestPrice", new BigDecimal("10.00")))
                .put(atelier + "/checkin-settings")
                .then()
                .statusCode(200);
        try {
            String order = Demo.as(MEMBER)
                    .body(Map.of(
                            "name",
                            "Sans TVA",
                            "email",
                            email(),
                            "day",
                            today().plusDays(2).toString()))
                    .post(atelier + "/guests")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("orderId");
            String quote = Demo.as(MEMBER)
                    .get(atelier + "/orders/" + order)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("quoteId");
            var place = directory.bySlug(ATELIER).orElseThrow();
            var saved =
                    scope.call(place, () -> quotes.find(UUID.fromString(quote)).orElseThrow());
            assertThat(saved.lines())
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.vat().exempt()).isTrue());
        } finally {
            Demo.as(MANAGER)
                    .body(Map.of("enabled", false, "guestPolicy", "FREE", "guestPrice", BigDecimal.ZERO))
                    .put(atelier + "/checkin-settings")
                    .then()
                    .statusCode(200);
        }
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
}
