package org.tierslieux.server.billing.mollie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.mollie.MollieSimulator;

/**
 * The simulator's test faults over HTTP ({@code /_sim/...}, not Mollie's API): a key's outage answers 503 in
 * Mollie's error shape and touches no other key, a payment can report another amount, and a stale read answers
 * an older status once without changing the payment.
 */
class MollieSimulatorFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String KEY = MollieSimulator.newKey();
    private static final String OTHER_KEY = MollieSimulator.newKey();
    private static MollieSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = MollieSimulator.start().registerKey(KEY).registerKey(OTHER_KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static HttpResponse<String> call(String method, String path, String key, String type, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String createPayment(String key) throws IOException, InterruptedException {
        var created = call(
                "POST",
                "/v2/payments",
                key,
                "application/json",
                "{\"amount\":{\"currency\":\"EUR\",\"value\":\"40.00\"},\"description\":\"Carnet\","
                        + "\"redirectUrl\":\"http://localhost/return\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private static JsonNode get(String id, String key) throws IOException, InterruptedException {
        var answer = call("GET", "/v2/payments/" + id, key, null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void an_outage_of_a_key_answers_503_as_mollie_and_leaves_other_keys_alone() throws Exception {
        String id = createPayment(KEY);
        var on = call("POST", "/_sim/outages", null, "application/x-www-form-urlencoded", "key=" + KEY + "&on=true");
        assertThat(on.statusCode()).isEqualTo(204);
        var down = call("GET", "/v2/payments/" + id, KEY, null, null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).contains("application/hal+json");
        JsonNode error = JSON.readTree(down.body());
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("title").asText()).isEqualTo("Service Unavailable");
        assertThat(error.at("/_links/documentation/href").asText()).isNotBlank();
        createPayment(OTHER_KEY);

        call("POST", "/_sim/outages", null, "application/x-www-form-urlencoded", "key=" + KEY + "&on=false");
        assertThat(get(id, KEY).get("status").asText()).isEqualTo("open");
        var unknown = call("POST", "/_sim/outages", null, "application/x-www-form-urlencoded", "key=test_nope&on=true");
        assertThat(unknown.statusCode()).isEqualTo(422);
    }

    @Test
    void a_payment_can_report_another_amount_and_a_stale_read_answers_an_older_status_once() throws Exception {
        String id = createPayment(KEY);
        var altered = call(
                "POST", "/_sim/payments/" + id + "/amount", null, "application/x-www-form-urlencoded", "value=0.01");
        assertThat(altered.statusCode()).isEqualTo(200);
        assertThat(get(id, KEY).at("/amount/value").asText()).isEqualTo("0.01");
        var bad = call(
                "POST", "/_sim/payments/" + id + "/amount", null, "application/x-www-form-urlencoded", "value=abc");
        assertThat(bad.statusCode()).isEqualTo(422);

        simulator.complete(id, "paid");
        var stale = call(
                "POST", "/_sim/payments/" + id + "/stale", null, "application/x-www-form-urlencoded", "status=open");
        assertThat(stale.statusCode()).isEqualTo(204);
        JsonNode old = get(id, KEY);
        assertThat(old.get("status").asText()).isEqualTo("open");
        assertThat(old.has("paidAt")).isFalse();
        JsonNode now = get(id, KEY);
        assertThat(now.get("status").asText()).isEqualTo("paid");
        assertThat(now.has("paidAt")).isTrue();
        assertThat(simulator.status(id)).isEqualTo("paid");
        // another key still does not see it, stale or not
        assertThat(call("GET", "/v2/payments/" + id, OTHER_KEY, null, null).statusCode())
                .isEqualTo(404);
        var none =
                call("POST", "/_sim/payments/tr_none/stale", null, "application/x-www-form-urlencoded", "status=open");
        assertThat(none.statusCode()).isEqualTo(404);
    }
}
