package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A network admin creates accounts; a manager then gives them roles; they sign in with their password. */
@QuarkusTest
class AccountsTest {

    @Test
    void a_new_account_signs_in_and_gets_its_roles_from_a_place() {
        as(ADMIN)
                .body(Map.of(
                        "email", "Claire@Example.org", "displayName", "Claire", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201)
                .body("email", equalTo("claire@example.org"))
                .body("networkAdmin", equalTo(false));
        given().auth()
                .preemptive()
                .basic("claire@example.org", "un-long-mot-de-passe")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("places", equalTo(List.of()));
        as(MANAGER)
                .body(Map.of("email", "claire@example.org", "roles", List.of("MEMBER")))
                .post("/api/v1/places/" + ATELIER + "/members")
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic("claire@example.org", "un-long-mot-de-passe")
                .get("/api/v1/places/" + ATELIER + "/resources")
                .then()
                .statusCode(200);
    }

    @Test
    void accounts_need_a_unique_email_and_a_strong_password() {
        as(ADMIN)
                .body(Map.of("email", "member@demo.test", "displayName", "Twin", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(409)
                .body("code", equalTo("person.email-taken"));
        as(ADMIN)
                .body(Map.of("email", "weak@example.org", "displayName", "Weak", "password", "court"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(422)
                .body("code", equalTo("person.password-weak"));
        as(ADMIN)
                .body(Map.of("email", "nopass@example.org", "displayName", "No password"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(422)
                .body("code", equalTo("person.password-weak"));
        as(ADMIN)
                .body(Map.of("email", "not-an-email", "displayName", "X", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(400)
                .body("errors.email", org.hamcrest.Matchers.notNullValue());
        as(MANAGER)
                .body(Map.of("email", "sneaky@example.org", "displayName", "X", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(403);
    }
}
