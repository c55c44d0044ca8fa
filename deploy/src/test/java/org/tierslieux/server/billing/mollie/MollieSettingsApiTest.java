package org.tierslieux.server.billing.mollie;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.mollie.MollieAccounts;
import org.tierslieux.billing.mollie.MollieKey;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.mollie.DemoMollie;
import org.tierslieux.server.mollie.MollieSimulator;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.MollieSimulatorResource;

/**
 * Managers and treasurers set, replace and remove the place's Mollie key through the API and the page; the key
 * is never shown back; bad keys are clear problems. Puts the demo key of atelier-commun back after each test.
 */
@QuarkusTest
class MollieSettingsApiTest {

    private static final String PATH = "/api/v1/places/" + ATELIER + "/payment-settings/mollie";

    @Inject
    MollieAccounts accounts;

    @Inject
    PlaceDirectory places;

    @Inject
    PlaceScope scope;

    @AfterEach
    void demoKeyBack() {
        scope.run(
                places.bySlug(ATELIER).orElseThrow(),
                () -> accounts.setUnchecked(new MollieKey(DemoMollie.keyFor(ATELIER))));
    }

    @Test
    void the_demo_place_has_its_local_key_shown_by_mode_and_last_four_only() {
        String demoKey = DemoMollie.keyFor(ATELIER);
        as(MANAGER)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("configured", equalTo(true))
                .body("mode", equalTo("test"))
                .body("last4", equalTo(demoKey.substring(demoKey.length() - 4)))
                .body(not(containsString(demoKey)));
    }

    @Test
    void a_manager_replaces_the_key_a_treasurer_removes_it() {
        String key = MollieSimulator.newKey();
        MollieSimulatorResource.simulator().registerKey(key);
        as(MANAGER)
                .body(Map.of("apiKey", key))
                .put(PATH)
                .then()
                .statusCode(200)
                .body("configured", equalTo(true))
                .body("last4", equalTo(key.substring(key.length() - 4)))
                .body(not(containsString(key)));
        as(TREASURER).get(PATH).then().statusCode(200).body("last4", equalTo(key.substring(key.length() - 4)));
        as(TREASURER).delete(PATH).then().statusCode(204);
        as(MANAGER)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("configured", equalTo(false))
                .body("last4", nullValue());
    }

    @Test
    void bad_keys_are_clear_problems_and_members_may_not_touch_the_key() {
        for (String bad :
                new String[] {"", "sk_live_123", "test_short", "live_" + "é".repeat(30), "test_" + "a".repeat(200)}) {
            as(MANAGER)
                    .body(Map.of("apiKey", bad))
                    .put(PATH)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("mollie.key-invalid"));
        }
        // well-formed, but Mollie (the local server) does not know it
        as(MANAGER)
                .body(Map.of("apiKey", "test_" + "Nobody".repeat(6)))
                .put(PATH)
                .then()
                .statusCode(422)
                .body("code", equalTo("mollie.key-rejected"));
        as(MANAGER).body("{}").put(PATH).then().statusCode(400);
        as(MANAGER).body("{\"apiKey\": \"x\", \"extra\": 1}").put(PATH).then().statusCode(400);
        as(MEMBER).get(PATH).then().statusCode(403);
        as(MEMBER)
                .body(Map.of("apiKey", DemoMollie.keyFor(ATELIER)))
                .put(PATH)
                .then()
                .statusCode(403);
        Demo.anonymous().get(PATH).then().statusCode(401);
        as(MANAGER).get("/api/v1/places/nowhere/payment-settings/mollie").then().statusCode(404);
    }

    @Test
    void the_page_never_shows_the_key_and_saves_a_new_one() {
        String key = MollieSimulator.newKey();
        MollieSimulatorResource.simulator().registerKey(key);
        String page = Demo.browsing(MANAGER)
                .get("/" + ATELIER + "/manage/payment-settings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("id=\"current-key\"")
                .doesNotContain(DemoMollie.keyFor(ATELIER));
        String session = Demo.session(MANAGER);
        org.tierslieux.server.testsupport.Demo.browsingWith(session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", key)
                .post("/" + ATELIER + "/manage/payment-settings")
                .then()
                .statusCode(303);
        String after = io.restassured.RestAssured.given()
                .cookie("tl-session", session)
                .get("/" + ATELIER + "/manage/payment-settings?done=saved")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(after)
                .contains(key.substring(key.length() - 4))
                .doesNotContain(key);
        org.tierslieux.server.testsupport.Demo.browsingWith(session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", "nope")
                .post("/" + ATELIER + "/manage/payment-settings")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
    }
}
