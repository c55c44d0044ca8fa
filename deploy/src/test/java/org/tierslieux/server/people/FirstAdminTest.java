package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new install without demo data gets its first network admin from configuration. */
@QuarkusTest
@TestProfile(FirstAdminTest.NewInstall.class)
class FirstAdminTest {

    public static class NewInstall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tl.demo.enabled", "false",
                    "tl.bootstrap.admin-email", "Admin@Reseau.example",
                    "tl.bootstrap.admin-password", "a-long-first-password");
        }
    }

    @Test
    void the_first_admin_signs_in_on_an_empty_network_and_can_add_places() {
        given().auth()
                .preemptive()
                .basic("admin@reseau.example", "a-long-first-password")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("networkAdmin", equalTo(true))
                .body("places", empty());
        given().get("/api/v1/network/places").then().statusCode(200).body("$", empty());
        given().auth()
                .preemptive()
                .basic("admin@demo.test", "demo")
                .get("/api/v1/me")
                .then()
                .statusCode(401);
    }
}
