package org.tierslieux.server.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.server.mollie.MollieSimulator;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.MollieSimulatorResource;
import org.tierslieux.server.testsupport.TestDatabase;

/**
 * What checkout tests do through the API, as members, the desk and the payment provider would. The provider is
 * the local Mollie server ({@link MollieSimulator}) behind the real adapter: each place gets a Mollie account
 * (API key) of its own, so tests never see each other's payments.
 */
final class CheckoutSteps {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private CheckoutSteps() {}

    /**
     * A new place (Paris, coworking), the demo manager manages it, the demo member and treasurer are in it; its
     * manager gave it a Mollie test key of its own (a fresh account on the local Mollie server).
     */
    static String aPlace() {
        String slug = "pay-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
        Demo.as(ADMIN)
                .body(Demo.aPlace(slug, "Lieu " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        grant(slug, MANAGER, "MANAGER");
        grant(slug, Demo.TREASURER, "TREASURER");
        grant(slug, MEMBER, "MEMBER");
        Demo.as(MANAGER)
                .body(Map.of("holdMinutes", 30, "paymentRequired", true))
                .put(api(slug) + "/orders/settings")
                .then()
                .statusCode(200);
        String key = MollieSimulator.newKey();
        mollie().registerKey(key);
        Demo.as(MANAGER)
                .body(Map.of("apiKey", key))
                .put(api(slug) + "/payment-settings/mollie")
                .then()
                .statusCode(200);
        KEYS.put(slug, key);
        return slug;
    }

    /** The local Mollie server the application talks to. */
    static MollieSimulator mollie() {
        return MollieSimulatorResource.simulator();
    }

    /** The place's Mollie API key (its account on the local Mollie server). */
    static String keyOf(String place) {
        return KEYS.get(place);
    }

    /**
     * The payer's choice on Mollie's checkout page ({@code paid}, {@code failed}, ...): Mollie then calls the
     * place's webhook, which must answer 200.
     */
    static void payerChooses(String providerId, String status) {
        mollie().complete(providerId, status);
        assertLastWebhookOk(providerId);
    }

    /** Mollie calls the payment's webhook again (a retry, a duplicate): it must answer 200. */
    static void redelivered(String providerId) {
        MollieSimulator.WebhookCall call = mollie().redeliverWebhook(providerId);
        assertThat(call.responseStatus()).as("webhook answer to %s", call).isEqualTo(200);
    }

    static void assertLastWebhookOk(String providerId) {
        List<MollieSimulator.WebhookCall> calls = mollie().webhookCalls(providerId);
        assertThat(calls).as("webhook calls of %s", providerId).isNotEmpty();
        MollieSimulator.WebhookCall last = calls.getLast();
        assertThat(last.url()).contains("/api/v1/webhooks/mollie/");
        assertThat(last.responseStatus()).as("webhook answer to %s", last).isEqualTo(200);
    }

    /** The password of the accounts {@link #aPerson} makes. */
    static final String PASSWORD = "un-long-mot-de-passe";

    /**
     * A new account (password {@link #PASSWORD}) with {@code roles} at the place only; returns its e-mail. Use it
     * rather than a demo account: other tests count the demo accounts' places.
     */
    static String aPerson(String place, String... roles) {
        String email = "acheteur-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet()
                + "@example.org";
        Demo.as(ADMIN)
                .body(Map.of("email", email, "displayName", "Acheteur", "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        grant(place, email, roles);
        return email;
    }

    static void grant(String place, String email, String... roles) {
        Demo.as(ADMIN)
                .body(Map.of("email", email, "roles", List.of(roles)))
                .post("/api/v1/places/" + place + "/members")
                .then()
                .statusCode(200);
    }

    static String api(String place) {
        return "/api/v1/places/" + place;
    }

    /** A pack at {@code price} (VAT 20 %), 3 desk days. */
    static String aPack(String place, String price) {
        return Demo.as(MANAGER)
                .body(Map.of(
                        "name",
                        "Carnet " + price,
                        "scope",
                        Map.of("kind", "DESK_POOL"),
                        "unit",
                        "DAY",
                        "quantity",
                        3,
                        "validityMonths",
                        3,
                        "price",
                        Map.of("amount", price),
                        "vatRate",
                        "20"))
                .post(api(place) + "/packs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The member buys the pack; returns the purchase's JSON. */
    static JsonPath buy(String place, String pack) {
        return Demo.as(MEMBER)
                .body(Map.of("packId", pack))
                .post(api(place) + "/pack-purchases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** JSON requests signed in as an account {@link #aPerson} made. */
    static io.restassured.specification.RequestSpecification as(String email) {
        return RestAssured.given()
                .auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(io.restassured.http.ContentType.JSON)
                .accept(io.restassured.http.ContentType.JSON);
    }

    static JsonPath order(String who, String place, String order) {
        return Demo.as(who)
                .get(api(place) + "/orders/" + order)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The order of what was bought (a booking, a subscription, a pack purchase), latest first. */
    static JsonPath orderOf(String place, String subjectId) {
        List<Map<String, Object>> items = Demo.as(MANAGER)
                .get(api(place) + "/orders?size=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        String id = items.stream()
                .filter(o -> subjectId.equals(o.get("subjectId")))
                .map(o -> (String) o.get("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No order for " + subjectId));
        return order(MANAGER, place, id);
    }

    /** The member starts paying online; returns the provider's payment id. */
    static String payOnline(String place, String order, boolean mandate) {
        var body = new HashMap<String, Object>();
        body.put("mandate", mandate);
        var answer = Demo.as(MEMBER)
                .body(body)
                .post(api(place) + "/orders/" + order + "/checkout")
                .then()
                .statusCode(201)
                .extract();
        String providerId = answer.path("providerId");
        assertThat(providerId).startsWith("tr_");
        assertThat(answer.<String>path("checkoutUrl")).isEqualTo(mollie().baseUrl() + "/checkout/" + providerId);
        assertThat(mollie().status(providerId)).isEqualTo("open");
        return providerId;
    }

    /** The provider's webhook call: a form with the payment id only, no credentials. */
    static Response webhook(String place, String providerId) {
        return RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("id", providerId)
                .post("/api/v1/webhooks/mollie/" + place);
    }

    static void refused(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
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

    static void execute(String sql, Object... parameters) {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invoices (or credit notes) of an order. */
    static long documents(String order, String type) {
        return count("select count(*) from document where order_id = ?::uuid and type = ?", order, type);
    }
}
