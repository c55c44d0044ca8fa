package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.TestDatabase;

/** Integrations authenticate with personal tokens: shown once, stored hashed, revocable at once. */
@QuarkusTest
class PersonalTokensTest {

    @Test
    void a_token_works_like_its_owner_until_it_is_revoked() throws Exception {
        var created = as(MEMBER)
                .body(Map.of("name", "Intégration agenda"))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(201)
                .body("token", startsWith("tlm_"))
                .extract();
        String secret = created.path("token");
        String id = created.path("id");

        given().auth()
                .oauth2(secret)
                .get("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(200);
        given().auth().oauth2(secret).get("/api/v1/me").then().statusCode(200).body("email", equalTo(MEMBER));
        // the token carries the owner's roles, no more
        given().auth()
                .oauth2(secret)
                .contentType("application/json")
                .body(Map.of("kind", "DESK", "name", "Pirate"))
                .post("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(403);

        as(MEMBER)
                .get("/api/v1/me/tokens")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo("Intégration agenda"))
                .body("find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.token", nullValue());

        as(MEMBER).delete("/api/v1/me/tokens/" + id).then().statusCode(200).body("revokedAt", notNullValue());
        given().auth().oauth2(secret).get("/api/v1/me").then().statusCode(401);
        as(MEMBER)
                .delete("/api/v1/me/tokens/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("token.already-revoked"));

        // only a hash is stored, never the secret
        try (var c = TestDatabase.superuser();
                var s = c.createStatement();
                var r = s.executeQuery("select count(*) from api_token where token_hash = '" + secret
                        + "' or shown_prefix = '" + secret + "'")) {
            r.next();
            org.assertj.core.api.Assertions.assertThat(r.getLong(1)).isZero();
        }
    }

    @Test
    void nobody_sees_or_revokes_another_persons_tokens() {
        String id = as(MANAGER)
                .body(Map.of("name", "Export"))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(MEMBER2).get("/api/v1/me/tokens").then().body("id", not(hasItem(id)));
        as(MEMBER2).delete("/api/v1/me/tokens/" + id).then().statusCode(404).body("code", equalTo("token.not-found"));
        as(MANAGER).get("/api/v1/me/tokens").then().body("find { it.id == '" + id + "' }.revokedAt", nullValue());
    }

    @Test
    void unknown_or_malformed_tokens_are_refused() {
        given().auth().oauth2("tlm_not-a-real-token").get("/api/v1/me").then().statusCode(401);
        as(MEMBER)
                .body(Map.of("name", ""))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(400)
                .body("errors.name", notNullValue());
        as(MEMBER)
                .body(Map.of("name", "x".repeat(81)))
                .post("/api/v1/me/tokens")
                .then()
                .statusCode(400);
    }
}
