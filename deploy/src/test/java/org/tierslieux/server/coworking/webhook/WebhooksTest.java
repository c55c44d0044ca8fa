package org.tierslieux.server.coworking.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.tierslieux.server.testsupport.Bookings.aResource;
import static org.tierslieux.server.testsupport.Bookings.aTuesday;
import static org.tierslieux.server.testsupport.Bookings.at;
import static org.tierslieux.server.testsupport.Bookings.book;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.coworking.checkin.CheckinCreated;
import org.tierslieux.coworking.webhook.WebhookSender;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Mailbox;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * Outgoing webhooks end to end: subscriptions through the API, bookings and check-ins through the application,
 * deliveries to a receiver on this machine, signatures checked by OpenSSL and Python, retries along the backoff
 * on a movable clock, disabling and enabling again, a rolled-back booking that sends nothing, bad URLs refused.
 * The sender does not run on its own in tests: each test drives it.
 */
@QuarkusTest
class WebhooksTest {

    private static final String API = "/api/v1/places/" + FILATURE + "/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookSender sender;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    @Inject
    Event<DomainEvent> events;

    @Inject
    MockMailbox mailbox;

    private Receiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void aReceiver() throws Exception {
        receiver = new Receiver();
        sender.sendDue(); // whatever an earlier test left due goes now, not in the middle of ours
    }

    @AfterEach
    void cleanUp() {
        RollbackProbe.failBookingsOf(null);
        for (String id : subscriptions) {
            as(MANAGER).delete(API + "/" + id);
        }
        receiver.close();
    }

    // ---- delivering, signing ----------------------------------------------------------------------------------

    @Test
    void a_confirmed_then_cancelled_booking_reaches_the_receiver_signed_as_documented() throws Exception {
        Response created = subscribe(receiver.url("/door"), "booking.confirmed", "booking.cancelled");
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        String room = aResource(FILATURE, "ROOM", "Salle webhook " + UUID.randomUUID());
        LocalDate day = aTuesday();
        String booking = book(MEMBER, FILATURE, room, at(day, 10), at(day, 11));
        as(MEMBER)
                .body(Map.of())
                .post("/api/v1/places/" + FILATURE + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(200);

        assertThat(sender.sendDue()).isEqualTo(2);

        List<Receiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        JsonNode confirmed = JSON.readTree(got.get(0).body());
        assertThat(confirmed.path("type").asText()).isEqualTo("booking.confirmed");
        assertThat(confirmed.path("place").path("slug").asText()).isEqualTo(FILATURE);
        assertThat(confirmed.path("data").path("bookingId").asText()).isEqualTo(booking);
        assertThat(confirmed.path("data").path("resourceId").asText()).isEqualTo(room);
        assertThat(confirmed.path("data").path("start").asText()).isEqualTo(at(day, 10));
        assertThat(JSON.readTree(got.get(1).body()).path("type").asText()).isEqualTo("booking.cancelled");
        assertThat(JSON.readTree(got.get(1).body()).path("data").path("cause").asText())
                .isNotBlank();
        for (Receiver.Received r : got) {
            assertThat(r.path()).isEqualTo("/door");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.header("Webhook-Id"))
                    .isEqualTo(JSON.readTree(r.body()).path("id").asText());
            assertSignedBy(secret, r);
        }
        // the log shows both, delivered at the first attempt
        as(MANAGER)
                .get(API + "/" + created.path("subscription.id") + "/deliveries")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                .body("items.attempts", org.hamcrest.Matchers.everyItem(equalTo(1)))
                .body("items.lastStatusCode", org.hamcrest.Matchers.everyItem(equalTo(200)));
        // nothing more to send
        assertThat(sender.sendDue()).isZero();
    }

    @Test
    void a_check_in_reaches_the_receivers_that_asked_for_it_only() throws Exception {
        Response wantsCheckins = subscribe(receiver.url("/checkins"), "checkin.created");
        subscribe(receiver.url("/bookings-only"), "booking.confirmed");
        UUID checkin = UUID.randomUUID();
        PlaceRef filature = places.bySlug(FILATURE).orElseThrow();
        scope.run(
                filature,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> events.fire(new CheckinCreated(
                                filature.id(),
                                checkin,
                                null,
                                null,
                                new PersonId(UUID.randomUUID()),
                                "Ada Guest",
                                "GUEST_PASS",
                                Instant.now()))));

        sender.sendDue();

        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/checkins");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("type").asText()).isEqualTo("checkin.created");
            assertThat(body.path("data").path("checkinId").asText()).isEqualTo(checkin.toString());
            assertThat(body.path("data").path("guestName").asText()).isEqualTo("Ada Guest");
            assertSignedBy(wantsCheckins.path("secret"), r);
        });
    }

    @Test
    void send_a_test_posts_at_once_and_says_how_it_went() throws Exception {
        Response created = subscribe(receiver.url("/test"), "booking.confirmed");
        String id = created.path("subscription.id");
        as(MANAGER)
                .post(API + "/" + id + "/test")
                .then()
                .statusCode(200)
                .body("type", equalTo("webhook.test"))
                .body("status", equalTo("DELIVERED"))
                .body("lastStatusCode", equalTo(200));
        assertThat(receiver.received()).singleElement().satisfies(r -> assertSignedBy(created.path("secret"), r));

        // a failed test is not retried and does not count against the subscription
        receiver.answering(503);
        as(MANAGER)
                .post(API + "/" + id + "/test")
                .then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("lastStatusCode", equalTo(503))
                .body("lastError", equalTo("HTTP 503"));
        as(MANAGER).get(API + "/" + id).then().body("consecutiveFailures", equalTo(0));
        assertThat(sender.sendDue()).isZero();
    }

    // ---- retries, disabling ------------------------------------------------------------------------------------

    @Test
    void a_failed_delivery_is_retried_along_the_backoff_with_the_same_id() {
        MovableClock clock = MovableClock.install();
        Response created = subscribe(receiver.url("/flaky"), "booking.confirmed");
        String id = created.path("subscription.id");
        receiver.answering(500, 502);
        String room = aResource(FILATURE, "ROOM", "Salle flaky " + UUID.randomUUID());
        LocalDate day = aTuesday();
        book(MEMBER, FILATURE, room, at(day, 14), at(day, 15));

        assertThat(sender.sendDue()).isEqualTo(1); // 500
        Map<String, Object> first = lastDelivery(id);
        assertThat(first)
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1)
                .containsEntry("lastStatusCode", 500)
                .containsEntry("lastError", "HTTP 500");
        Instant failedAt = Instant.parse((String) first.get("lastAttemptAt"));
        assertThat(Instant.parse((String) first.get("nextAttemptAt"))).isEqualTo(failedAt.plus(Duration.ofMinutes(1)));

        // not before its time
        clock.advance(Duration.ofSeconds(50));
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue()).isEqualTo(1); // 502
        Map<String, Object> second = lastDelivery(id);
        assertThat(second).containsEntry("attempts", 2).containsEntry("lastStatusCode", 502);
        assertThat(Duration.between(Instant.parse((String) second.get("lastAttemptAt")), Instant.parse((String)
                        second.get("nextAttemptAt"))))
                .isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(1); // 200
        assertThat(lastDelivery(id))
                .containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 3)
                .containsEntry("lastStatusCode", 200);

        List<Receiver.Received> got = receiver.received();
        assertThat(got).hasSize(3);
        assertThat(got)
                .extracting(r -> r.header("Webhook-Id"))
                .containsOnly(got.get(0).header("Webhook-Id"));
        assertThat(got).extracting(r -> r.header("Webhook-Timestamp")).doesNotHaveDuplicates();
        got.forEach(r -> assertSignedBy(created.path("secret"), r));
        as(MANAGER).get(API + "/" + id).then().body("consecutiveFailures", equalTo(0));
    }

    @Test
    void ten_failures_in_a_row_disable_the_subscription_tell_the_managers_and_enabling_sends_what_waited() {
        MovableClock clock = MovableClock.install();
        Response created = subscribe(receiver.url("/down"), "booking.confirmed", "booking.cancelled");
        String id = created.path("subscription.id");
        receiver.always(500);
        String room = aResource(FILATURE, "ROOM", "Salle down " + UUID.randomUUID());
        LocalDate day = aTuesday();
        String booking = book(MEMBER, FILATURE, room, at(day, 16), at(day, 17));
        as(MEMBER)
                .body(Map.of())
                .post("/api/v1/places/" + FILATURE + "/bookings/" + booking + "/cancel")
                .then()
                .statusCode(200);

        // two deliveries, each attempted at every run: five runs far enough apart make ten failures in a row
        for (int run = 0; run < 5; run++) {
            assertThat(sender.sendDue()).as("run %d", run).isEqualTo(2);
            clock.advance(Duration.ofHours(13));
        }
        as(MANAGER)
                .get(API + "/" + id)
                .then()
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("FAILURES"))
                .body("consecutiveFailures", equalTo(10));
        var mail = Mailbox.await(mailbox, MANAGER, m -> m.getText().contains(receiver.url("/down")));
        assertThat(mail.getText()).contains("/" + FILATURE + "/webhooks/" + id);

        // disabled: nothing goes, however long one waits
        int before = receiver.received().size();
        clock.advance(Duration.ofDays(1));
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received()).hasSize(before);

        // the receiver is back, the manager enables the subscription again: what waited goes at once
        receiver.always(204);
        as(MANAGER)
                .post(API + "/" + id + "/enable")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("consecutiveFailures", equalTo(0));
        assertThat(sender.sendDue()).isEqualTo(2);
        as(MANAGER)
                .get(API + "/" + id + "/deliveries")
                .then()
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("DELIVERED")))
                .body("items.attempts", org.hamcrest.Matchers.everyItem(equalTo(6)));
    }

    // ---- the outbox: only what committed ---------------------------------------------------------------------

    @Test
    void a_booking_that_rolls_back_sends_nothing() {
        Response created = subscribe(receiver.url("/never"), "booking.confirmed");
        String room = aResource(FILATURE, "ROOM", "Salle rollback " + UUID.randomUUID());
        RollbackProbe.failBookingsOf(room);
        LocalDate day = aTuesday();
        as(MEMBER)
                .body(Map.of("resourceId", room, "start", at(day, 9), "end", at(day, 10)))
                .post("/api/v1/places/" + FILATURE + "/bookings")
                .then()
                .statusCode(409)
                .body("code", equalTo("test.rolled-back"));
        // a check-in whose transaction rolls back sends nothing either
        PlaceRef filature = places.bySlug(FILATURE).orElseThrow();
        scope.run(filature, () -> {
            QuarkusTransaction.begin();
            events.fire(new CheckinCreated(
                    filature.id(), UUID.randomUUID(), null, null, null, "Nobody", "STAFF", Instant.now()));
            QuarkusTransaction.rollback();
        });

        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received()).isEmpty();
        as(MANAGER)
                .get(API + "/" + created.path("subscription.id") + "/deliveries")
                .then()
                .body("total", equalTo(0));
        assertThat(count("select count(*) from webhook_delivery where subscription_id = ?::uuid", (String)
                        created.path("subscription.id")))
                .isZero();
    }

    // ---- subscriptions, secrets, refusals ----------------------------------------------------------------------

    @Test
    void the_secret_is_shown_once_and_stored_encrypted() throws Exception {
        Response created = subscribe(receiver.url("/x"), "booking.confirmed");
        String secret = created.path("secret");
        String id = created.path("subscription.id");
        as(MANAGER)
                .get(API + "/" + id)
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        assertThat(as(MANAGER).get(API).asString()).doesNotContain(secret);
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(
                        "select secret_ciphertext, secret_nonce, secret_version from webhook_subscription where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next()).isTrue();
                String stored = HexFormat.of().formatHex(row.getBytes(1));
                assertThat(stored)
                        .doesNotContain(
                                HexFormat.of().formatHex(secret.getBytes()).substring(0, 24));
                assertThat(new String(row.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("whsec_");
                assertThat(row.getBytes(2)).hasSize(12);
            }
        }
        // a new secret signs from now on; the old one no longer does
        String replaced = as(MANAGER)
                .post(API + "/" + id + "/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(replaced).startsWith("whsec_").isNotEqualTo(secret);
        as(MANAGER).post(API + "/" + id + "/test").then().body("status", equalTo("DELIVERED"));
        assertSignedBy(replaced, receiver.received().getLast());
    }

    @Test
    void urls_that_are_not_http_carry_credentials_or_point_at_this_server_are_refused() {
        int port = RestAssured.port;
        for (String bad : new String[] {
            "ftp://example.org/hook",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "example.org/hook",
            "http://",
            "https://user:password@example.org/hook",
            "https://token@example.org/hook",
            "not a url",
            ""
        }) {
            refused(Map.of("url", bad, "events", List.of("booking.confirmed")), "webhook.url-invalid");
        }
        for (String self : new String[] {
            "http://localhost:" + port + "/api/v1/places/" + FILATURE + "/bookings",
            "http://127.0.0.1:" + port + "/",
            "http://[::1]:" + port + "/q/health",
            "HTTP://LOCALHOST:" + port + "/x",
            publicUrl() + "/x"
        }) {
            refused(Map.of("url", self, "events", List.of("booking.confirmed")), "webhook.url-self");
        }
        refused(Map.of("url", receiver.url("/a"), "events", List.of()), "webhook.events-required");
        refused(Map.of("url", receiver.url("/a"), "events", List.of("booking.moved")), "webhook.event-unknown");
        // another port of this machine is another program: accepted
        subscribe(receiver.url("/other-port"), "booking.confirmed");
    }

    @Test
    void only_managers_handle_webhooks_and_unknown_ones_are_404() {
        as(MEMBER).get(API).then().statusCode(403);
        as(MEMBER)
                .body(Map.of("url", "https://example.org/hook", "events", List.of("booking.confirmed")))
                .post(API)
                .then()
                .statusCode(403);
        as(MANAGER)
                .get(API + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("webhook.not-found"));
        as(MANAGER).post(API + "/" + UUID.randomUUID() + "/enable").then().statusCode(404);
        // a subscription of la-filature is not found from atelier-commun
        String id = subscribe(receiver.url("/y"), "booking.confirmed").path("subscription.id");
        as(MANAGER).get("/api/v1/places/atelier-commun/webhooks/" + id).then().statusCode(404);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Response subscribe(String url, String... wanted) {
        Response created = as(MANAGER)
                .body(Map.of("url", url, "events", List.of(wanted), "description", "test"))
                .post(API);
        created.then().statusCode(201).body("subscription.enabled", equalTo(true));
        subscriptions.add(created.path("subscription.id"));
        return created;
    }

    private static void refused(Map<String, Object> body, String code) {
        as(MANAGER)
                .body(body)
                .post(API)
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
    }

    private static String publicUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("tl.public-url", String.class);
    }

    private static Map<String, Object> lastDelivery(String subscription) {
        return as(MANAGER)
                .get(API + "/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0]");
    }

    /** Checks the signature header with HMAC-SHA256 computed outside the JVM, by OpenSSL and by Python. */
    private static void assertSignedBy(String secret, Receiver.Received r) {
        String signed = r.header("Webhook-Id") + "." + r.header("Webhook-Timestamp") + "." + r.body();
        assertThat(r.header("Webhook-Signature")).isEqualTo("v1=" + OutsideHmac.openssl(secret, signed));
        assertThat(r.header("Webhook-Signature")).isEqualTo("v1=" + OutsideHmac.python(secret, signed));
        long timestamp = Long.parseLong(r.header("Webhook-Timestamp"));
        assertThat(timestamp).isPositive();
    }

    private static long count(String sql, Object... parameters) {
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
}
