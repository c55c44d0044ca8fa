package org.tierslieux.server.coworking.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The managers' webhook pages: add one (secret shown once), refusals in the form, the log, a test, re-enabling. */
@QuarkusTest
class WebhookPagesTest {

    private static final String PAGE = "/" + FILATURE + "/webhooks";

    @Test
    void a_manager_adds_a_webhook_sees_its_secret_once_sends_a_test_and_reads_the_log() throws Exception {
        try (Receiver receiver = new Receiver()) {
            browsing(MANAGER)
                    .get(PAGE)
                    .then()
                    .statusCode(200)
                    .body(containsString("id=\"webhook-form\""))
                    .body(containsString("value=\"checkin.created\""))
                    .body(containsString("id=\"nav-webhooks\""));

            String added = browsing(MANAGER)
                    .formParam("url", receiver.url("/page"))
                    .formParam("events", "booking.confirmed")
                    .formParam("events", "checkin.created")
                    .formParam("description", "Porte d'entrée")
                    .post(PAGE)
                    .then()
                    .statusCode(200)
                    .body(containsString("id=\"secret-once\""))
                    .extract()
                    .asString();
            Matcher secret = Pattern.compile("<pre id=\"secret\">(whsec_[A-Za-z0-9_-]+)</pre>")
                    .matcher(added);
            assertThat(secret.find()).isTrue();
            Matcher id = Pattern.compile("data-id=\"([0-9a-f-]{36})\"").matcher(added);
            assertThat(id.find()).isTrue();
            String one = PAGE + "/" + id.group(1);

            // the secret is not on the page again
            browsing(MANAGER).get(one).then().statusCode(200).body(not(containsString(secret.group(1))));
            browsing(MANAGER)
                    .get(PAGE)
                    .then()
                    .body(containsString(receiver.url("/page")))
                    .body(not(containsString(secret.group(1))));

            // a test, then the log lists it
            browsing(MANAGER)
                    .post(one + "/test")
                    .then()
                    .statusCode(200)
                    .body(containsString("id=\"test-result\""))
                    .body(containsString("HTTP 200"));
            assertThat(receiver.received())
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Webhook-Signature"))
                            .isEqualTo("v1="
                                    + OutsideHmac.openssl(
                                            secret.group(1),
                                            r.header("Webhook-Id") + "." + r.header("Webhook-Timestamp") + "."
                                                    + r.body())));
            browsing(MANAGER)
                    .get(one)
                    .then()
                    .body(containsString("data-status=\"DELIVERED\""))
                    .body(containsString("webhook.test"));

            // disable, enable again, remove
            browsing(MANAGER).post(one + "/disable").then().statusCode(303);
            browsing(MANAGER).get(one).then().body(containsString("id=\"disabled-note\""));
            browsing(MANAGER).post(one + "/enable").then().statusCode(303);
            browsing(MANAGER).get(one).then().body(containsString("data-enabled=\"true\""));
            browsing(MANAGER).post(one + "/remove").then().statusCode(303);
            browsing(MANAGER).get(one).then().statusCode(404);
        }
    }

    @Test
    void a_url_pointing_at_this_server_is_refused_in_the_form_with_what_was_typed() {
        String self = "http://localhost:" + io.restassured.RestAssured.port + "/q/health";
        browsing(MANAGER)
                .formParam("url", self)
                .formParam("events", "booking.cancelled")
                .post(PAGE)
                .then()
                .statusCode(422)
                .body(containsString("id=\"form-error\""))
                .body(containsString("value=\"" + self + "\""));
        browsing(MANAGER)
                .formParam("url", "ftp://example.org/x")
                .formParam("events", "booking.cancelled")
                .post(PAGE)
                .then()
                .statusCode(422)
                .body(containsString("id=\"form-error\""));
        assertThat(as(MANAGER)
                        .get("/api/v1/places/" + FILATURE + "/webhooks")
                        .jsonPath()
                        .getList("url"))
                .doesNotContain(self);
    }

    @Test
    void members_do_not_see_the_webhook_pages() {
        browsing(MEMBER).get(PAGE).then().statusCode(403);
        browsing(MEMBER).get(PAGE).then().body(not(containsString("webhook-form")));
    }
}
