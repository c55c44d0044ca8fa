package org.tierslieux.server.billing.mollie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.mollie.MollieSimulator;

/**
 * The local Mollie server over plain HTTP, as any Mollie client sees it: its JSON checked field by field
 * against Mollie's documented example responses (src/test/resources/mollie/documented, sources in its
 * README.md), its errors (401 unknown key, 404 another key's payment, 422 refund above what is left), the
 * checkout page with the payer's choice, the webhook call and the redirect, and mandates with recurring charges.
 */
class MollieSimulatorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MollieSimulator simulator;
    private static HttpServer shop;
    private static final List<String> webhooks = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String KEY = MollieSimulator.newKey();
    private static final String OTHER_KEY = MollieSimulator.newKey();

    @BeforeAll
    static void start() throws IOException {
        simulator = MollieSimulator.start().registerKey(KEY).registerKey(OTHER_KEY);
        simulator.settleDelay(Duration.ofMillis(100));
        // a shop that receives the webhooks
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        shop.createContext("/webhook", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                webhooks.add(type + "|" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        shop.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        shop.stop(0);
    }

    private static String webhookUrl() {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + "/webhook";
    }

    @Test
    void a_created_payment_answers_as_the_documented_create_payment_example() throws Exception {
        var created = post(
                KEY,
                "/v2/payments",
                Map.of(
                        "amount", Map.of("currency", "EUR", "value", "10.00"),
                        "description", "Order #12345",
                        "redirectUrl", "https://webshop.example.org/order/12345/",
                        "webhookUrl", webhookUrl(),
                        "metadata", Map.of("order_id", "12345")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/hal+json");
        JsonNode payment = JSON.readTree(created.body());
        assertSameShape(documented("payment-create.json"), payment);
        assertSameShape(documented("payment-open.json"), payment);
        assertThat(payment.get("id").asText()).matches("tr_[A-Za-z0-9]{10}");
        assertThat(payment.at("/_links/checkout/href").asText())
                .isEqualTo(
                        simulator.baseUrl() + "/checkout/" + payment.get("id").asText());
        assertThat(payment.get("metadata")).isEqualTo(JSON.readTree("{\"order_id\":\"12345\"}"));

        var fetched = get(KEY, "/v2/payments/" + payment.get("id").asText());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertSameShape(documented("payment-open.json"), JSON.readTree(fetched.body()));
    }

    @Test
    void an_unknown_key_gets_the_documented_401() throws Exception {
        var answer = get("test_" + "x".repeat(30), "/v2/payments");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/hal+json");
        assertSameShape(documented("error-401.json"), JSON.readTree(answer.body()));
        var none = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/payments"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void another_keys_payment_is_the_documented_404() throws Exception {
        String id = createPayment(KEY, "10.00", null);
        var answer = get(OTHER_KEY, "/v2/payments/" + id);
        assertThat(answer.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(answer.body());
        assertSameShape(documented("error-404.json"), error);
        assertThat(error.get("detail").asText()).isEqualTo("No payment exists with token " + id + ".");
        assertThat(post(
                                OTHER_KEY,
                                "/v2/payments/" + id + "/refunds",
                                Map.of("amount", Map.of("currency", "EUR", "value", "1.00")))
                        .statusCode())
                .isEqualTo(404);
        assertThat(JSON.readTree(get(OTHER_KEY, "/v2/payments").body())
                        .get("count")
                        .asInt())
                .isZero();
    }

    @Test
    void bad_amounts_are_documented_422s_with_their_field() throws Exception {
        for (Object value : List.of("10", "10.5", "ten", 10.00, "-1.00")) {
            var answer = post(
                    KEY,
                    "/v2/payments",
                    Map.of(
                            "amount", Map.of("currency", "EUR", "value", value),
                            "description", "x",
                            "redirectUrl", "https://example.org"));
            assertThat(answer.statusCode()).as("value %s", value).isEqualTo(422);
            JsonNode error = JSON.readTree(answer.body());
            assertSameShape(documented("error-422.json"), error);
            assertThat(error.get("field").asText()).startsWith("amount");
        }
        var noRedirect = post(
                KEY, "/v2/payments", Map.of("amount", Map.of("currency", "EUR", "value", "1.00"), "description", "x"));
        assertThat(JSON.readTree(noRedirect.body()).get("field").asText()).isEqualTo("redirectUrl");
    }

    @Test
    void the_checkout_page_lets_the_payer_choose_then_calls_the_webhook_and_redirects() throws Exception {
        for (String outcome : List.of("paid", "failed", "canceled", "expired")) {
            String id = createPayment(KEY, "12.50", webhookUrl());
            var page = http.send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/checkout/" + id))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("12.50 EUR").contains("value=\"" + outcome + "\"");
            int before = webhooks.size();
            var chosen = http.send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/checkout/" + id))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("status=" + outcome))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chosen.statusCode()).isEqualTo(303);
            assertThat(chosen.headers().firstValue("Location")).hasValue("https://shop.example.org/return");
            assertThat(webhooks.subList(before, webhooks.size()))
                    .containsExactly("application/x-www-form-urlencoded|id=" + id);
            JsonNode payment = JSON.readTree(get(KEY, "/v2/payments/" + id).body());
            assertThat(payment.get("status").asText()).isEqualTo(outcome);
            assertThat(payment.has(outcome + "At")).as(outcome + "At").isTrue();
            assertThat(payment.at("/_links/checkout").isMissingNode()).isTrue();
            assertThat(simulator.webhookCalls(id))
                    .singleElement()
                    .satisfies(c -> assertThat(c.responseStatus()).isEqualTo(200));
        }
    }

    @Test
    void refunds_partial_then_full_and_never_above_what_is_left() throws Exception {
        String id = createPayment(KEY, "30.00", null);
        var notPaid = post(
                KEY, "/v2/payments/" + id + "/refunds", Map.of("amount", Map.of("currency", "EUR", "value", "5.00")));
        assertThat(notPaid.statusCode()).isEqualTo(422);
        simulator.complete(id, "paid");

        var partial = post(
                KEY,
                "/v2/payments/" + id + "/refunds",
                Map.of("amount", Map.of("currency", "EUR", "value", "5.95"), "description", "Order"));
        assertThat(partial.statusCode()).isEqualTo(201);
        JsonNode refund = JSON.readTree(partial.body());
        assertSameShape(documented("refund-create.json"), refund);
        assertThat(refund.get("paymentId").asText()).isEqualTo(id);

        var tooLarge = post(
                KEY, "/v2/payments/" + id + "/refunds", Map.of("amount", Map.of("currency", "EUR", "value", "24.06")));
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertSameShape(documented("error-422.json"), JSON.readTree(tooLarge.body()));

        var rest = post(
                KEY, "/v2/payments/" + id + "/refunds", Map.of("amount", Map.of("currency", "EUR", "value", "24.05")));
        assertThat(rest.statusCode()).isEqualTo(201);
        JsonNode payment = JSON.readTree(get(KEY, "/v2/payments/" + id).body());
        assertThat(payment.at("/amountRefunded/value").asText()).isEqualTo("30.00");
        assertThat(payment.at("/amountRemaining/value").asText()).isEqualTo("0.00");
        JsonNode list =
                JSON.readTree(get(KEY, "/v2/payments/" + id + "/refunds").body());
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.at("/_embedded/refunds/0/status").asText()).isEqualTo("refunded");
        assertThat(post(
                                KEY,
                                "/v2/payments/" + id + "/refunds",
                                Map.of("amount", Map.of("currency", "EUR", "value", "0.01")))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void a_paid_first_payment_creates_a_mandate_that_recurring_charges_use() throws Exception {
        var customerAnswer = post(KEY, "/v2/customers", Map.of("name", "Customer A", "email", "customer@example.org"));
        assertThat(customerAnswer.statusCode()).isEqualTo(201);
        JsonNode customer = JSON.readTree(customerAnswer.body());
        assertSameShape(documented("customer.json"), customer);
        String customerId = customer.get("id").asText();

        var noMandate = post(
                KEY,
                "/v2/payments",
                Map.of(
                        "amount",
                        Map.of("currency", "EUR", "value", "20.00"),
                        "description",
                        "Renewal",
                        "sequenceType",
                        "recurring",
                        "customerId",
                        customerId));
        assertThat(noMandate.statusCode()).isEqualTo(422);

        var first = post(
                KEY,
                "/v2/customers/" + customerId + "/payments",
                Map.of(
                        "amount", Map.of("currency", "EUR", "value", "20.00"),
                        "description", "First month",
                        "sequenceType", "first",
                        "redirectUrl", "https://shop.example.org/return",
                        "webhookUrl", webhookUrl()));
        assertThat(first.statusCode()).isEqualTo(201);
        String firstId = JSON.readTree(first.body()).get("id").asText();
        assertThat(JSON.readTree(get(KEY, "/v2/customers/" + customerId + "/mandates")
                                .body())
                        .get("count")
                        .asInt())
                .isZero();
        simulator.complete(firstId, "paid");

        JsonNode mandates = JSON.readTree(
                get(KEY, "/v2/customers/" + customerId + "/mandates").body());
        assertSameShape(documented("mandates-list.json"), mandates);
        String mandateId = mandates.at("/_embedded/mandates/0/id").asText();
        assertThat(JSON.readTree(get(KEY, "/v2/payments/" + firstId).body())
                        .get("mandateId")
                        .asText())
                .isEqualTo(mandateId);

        simulator.autoSettle(KEY, false);
        try {
            var charge = post(
                    KEY,
                    "/v2/payments",
                    Map.of(
                            "amount",
                            Map.of("currency", "EUR", "value", "20.00"),
                            "description",
                            "Second month",
                            "sequenceType",
                            "recurring",
                            "customerId",
                            customerId,
                            "webhookUrl",
                            webhookUrl()));
            assertThat(charge.statusCode()).isEqualTo(201);
            JsonNode pending = JSON.readTree(charge.body());
            assertThat(pending.get("status").asText()).isEqualTo("pending");
            assertThat(pending.get("mandateId").asText()).isEqualTo(mandateId);
            assertThat(pending.get("method").asText()).isEqualTo("directdebit");
            assertThat(pending.at("/_links/checkout").isMissingNode()).isTrue();
            simulator.settle(pending.get("id").asText());
            assertThat(simulator.status(pending.get("id").asText())).isEqualTo("paid");

            simulator.nextChargeOutcomes(KEY, "failed");
            String failing = JSON.readTree(post(
                                    KEY,
                                    "/v2/payments",
                                    Map.of(
                                            "amount",
                                            Map.of("currency", "EUR", "value", "20.00"),
                                            "description",
                                            "Third month",
                                            "sequenceType",
                                            "recurring",
                                            "customerId",
                                            customerId,
                                            "mandateId",
                                            mandateId,
                                            "webhookUrl",
                                            webhookUrl()))
                            .body())
                    .get("id")
                    .asText();
            simulator.settle(failing);
            assertThat(simulator.status(failing)).isEqualTo("failed");
            assertThat(simulator.webhookCalls(failing)).hasSize(1);
        } finally {
            simulator.autoSettle(KEY, true);
        }
    }

    @Test
    void recurring_charges_settle_by_themselves_and_FAIL_in_the_description_fails() throws Exception {
        String key = MollieSimulator.newKey();
        simulator.registerKey(key);
        String customerId = JSON.readTree(
                        post(key, "/v2/customers", Map.of("name", "B")).body())
                .get("id")
                .asText();
        String first = JSON.readTree(post(
                                key,
                                "/v2/payments",
                                Map.of(
                                        "amount", Map.of("currency", "EUR", "value", "1.00"),
                                        "description", "first",
                                        "sequenceType", "first",
                                        "customerId", customerId,
                                        "redirectUrl", "https://shop.example.org/return"))
                        .body())
                .get("id")
                .asText();
        simulator.complete(first, "paid");
        List<String> ids = new ArrayList<>();
        for (String description : List.of("ok", "please FAIL")) {
            ids.add(JSON.readTree(post(
                                    key,
                                    "/v2/payments",
                                    Map.of(
                                            "amount",
                                            Map.of("currency", "EUR", "value", "1.00"),
                                            "description",
                                            description,
                                            "sequenceType",
                                            "recurring",
                                            "customerId",
                                            customerId,
                                            "webhookUrl",
                                            webhookUrl()))
                            .body())
                    .get("id")
                    .asText());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ids.stream().anyMatch(i -> simulator.status(i).equals("pending")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(simulator.status(ids.get(0))).isEqualTo("paid");
        assertThat(simulator.status(ids.get(1))).isEqualTo("failed");
    }

    @Test
    void an_open_payment_can_be_canceled_through_the_api_once() throws Exception {
        String id = createPayment(KEY, "3.00", null);
        var canceled = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/payments/" + id))
                        .header("Authorization", "Bearer " + KEY)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(canceled.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(canceled.body()).get("status").asText()).isEqualTo("canceled");
        var again = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/payments/" + id))
                        .header("Authorization", "Bearer " + KEY)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(422);
    }

    @Test
    void the_admin_endpoints_set_a_status_open_accounts_and_list_webhooks() throws Exception {
        String key = MollieSimulator.newKey();
        var opened = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/keys"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("key=" + key))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(204);
        assertThat(simulator.knowsKey(key)).isTrue();
        String id = createPayment(key, "4.00", webhookUrl());
        var paid = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/payments/" + id + "/status"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("status=paid"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paid.body()).get("status").asText()).isEqualTo("paid");
        var again = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/payments/" + id + "/status"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("status=open"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200); // "open" leaves it as it is: a paid payment stays paid
        assertThat(simulator.status(id)).isEqualTo("paid");
        var refused = http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/payments/" + id + "/status"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("status=failed"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        simulator.redeliverWebhook(id);
        assertThat(simulator.webhookCalls(id)).hasSize(2);
        JsonNode calls = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/webhooks"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        long forThis = 0;
        for (JsonNode call : calls) {
            if (call.get("paymentId").asText().equals(id)) {
                forThis++;
                assertThat(call.get("responseStatus").asInt()).isEqualTo(200);
            }
        }
        assertThat(forThis).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    private static String createPayment(String key, String value, String webhook) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of(
                "amount",
                Map.of("currency", "EUR", "value", value),
                "description",
                "Test " + value,
                "redirectUrl",
                "https://shop.example.org/return"));
        if (webhook != null) {
            body.put("webhookUrl", webhook);
        }
        var answer = post(key, "/v2/payments", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static HttpResponse<String> get(String key, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String key, String path, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode documented(String name) throws IOException {
        try (InputStream in = MollieSimulatorContractTest.class.getResourceAsStream("/mollie/documented/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Fields whose documented value is part of the contract (the rest: same type, any value). */
    private static final Set<String> FIXED = Set.of("resource", "mode", "sequenceType", "type", "title", "status");

    /**
     * Every field of the documented example is in ours with the same JSON type (a documented null accepts
     * anything); the values of {@link #FIXED} fields are equal (the examples are matched with the same state).
     */
    static void assertSameShape(JsonNode documented, JsonNode ours) {
        List<String> problems = new ArrayList<>();
        compare("", documented, ours, problems);
        assertThat(problems)
                .as("differences with the documented example, ours: %s", ours)
                .isEmpty();
    }

    private static void compare(String path, JsonNode documented, JsonNode ours, List<String> problems) {
        if (documented.isNull()) {
            return;
        }
        if (ours == null || ours.isMissingNode()) {
            problems.add(path + ": missing");
            return;
        }
        if (documented.getNodeType() != ours.getNodeType()) {
            problems.add(path + ": " + ours.getNodeType() + " where Mollie documents " + documented.getNodeType());
            return;
        }
        if (documented.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = documented.fields(); it.hasNext(); ) {
                var field = it.next();
                String name = field.getKey();
                String at = path + "/" + name;
                if (path.endsWith("/metadata") || path.endsWith("/details")) {
                    continue; // free-form: the caller's data, the method's details
                }
                compare(at, field.getValue(), ours.get(name), problems);
                JsonNode mine = ours.get(name);
                if (mine != null
                        && field.getValue().isValueNode()
                        && !field.getValue().isNull()) {
                    if (FIXED.contains(name) && !field.getValue().equals(mine)) {
                        problems.add(at + ": " + mine + " where Mollie documents " + field.getValue());
                    }
                }
            }
        } else if (documented.isArray() && documented.size() > 0) {
            if (ours.size() == 0) {
                problems.add(path + ": empty where Mollie documents items");
            } else {
                compare(path + "/0", documented.get(0), ours.get(0), problems);
            }
        } else if (documented.isTextual()) {
            if (documented.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")
                    && !ours.asText()
                            .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})")) {
                problems.add(path + ": " + ours + " is not an ISO-8601 date-time like " + documented);
            }
            if (path.endsWith("/value") && !ours.asText().matches("\\d+\\.\\d{2}")) {
                problems.add(path + ": " + ours + " is not an amount like " + documented);
            }
            if (path.endsWith("/id")
                    && !ours.asText().startsWith(documented.asText().substring(0, 3))) {
                problems.add(path + ": " + ours + " has not the prefix of " + documented);
            }
        }
    }
}
