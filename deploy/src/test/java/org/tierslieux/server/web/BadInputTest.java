package org.tierslieux.server.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, it gets a clear problem, never a 500, and nothing half-written. */
@QuarkusTest
class BadInputTest {

    private static final String RESOURCES = "/api/v1/places/" + ATELIER + "/resources";

    private static int total() {
        return as(MANAGER).get(RESOURCES + "?archived=true").then().extract().path("total");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        int before = total();
        as(MANAGER)
                .body("{\"kind\": \"MACHINE\", \"name\": ")
                .post(RESOURCES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("request.malformed"))
                .body("status", equalTo(400))
                .body("title", notNullValue());
        as(MANAGER).body("[1,2,3]").post(RESOURCES).then().statusCode(400).contentType("application/problem+json");
        as(MANAGER).body("").post(RESOURCES).then().statusCode(400).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(total()).isEqualTo(before);
    }

    @Test
    void wrong_types_name_the_field() {
        as(MANAGER)
                .body("{\"kind\": \"ROOM\", \"name\": \"Salle\", \"capacity\": \"douze\"}")
                .post(RESOURCES)
                .then()
                .statusCode(400)
                .body("code", equalTo("request.wrong-type"))
                .body("errors", hasKey("capacity"));
        as(ADMIN)
                .body("{\"slug\": \"x-y\", \"name\": \"X\", \"kinds\": [\"SPACESHIP\"]}")
                .post("/api/v1/network/places")
                .then()
                .statusCode(400)
                .body("code", equalTo("request.wrong-type"));
    }

    @Test
    void missing_and_oversized_fields_are_listed() {
        as(MANAGER)
                .body(Map.of("kind", "MACHINE"))
                .post(RESOURCES)
                .then()
                .statusCode(400)
                .body("code", equalTo("request.invalid"))
                .body("errors", hasKey("name"));
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", "n".repeat(121), "description", "d".repeat(2001)))
                .post(RESOURCES)
                .then()
                .statusCode(400)
                .body("errors", hasKey("name"))
                .body("errors", hasKey("description"));
        as(MANAGER)
                .body(Map.of("kind", "K".repeat(5000), "name", "ok"))
                .post(RESOURCES)
                .then()
                .statusCode(400);
        as(MANAGER).post(RESOURCES).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknown_fields_are_refused_rather_than_ignored() {
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", "Tour", "tenantId", "00000000-0000-0000-0000-000000000001"))
                .post(RESOURCES)
                .then()
                .statusCode(400)
                .body("code", equalTo("request.unknown-field"))
                .body("detail", containsString("tenantId"));
    }

    @Test
    void malformed_ids_unknown_ids_and_unknown_places_are_404() {
        as(MEMBER).get(RESOURCES + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(MEMBER)
                .get(RESOURCES + "/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("resource.not-found"));
        as(MEMBER)
                .get("/api/v1/places/no-such-place/resources")
                .then()
                .statusCode(404)
                .body("code", equalTo("place.not-found"));
        as(MEMBER).get("/api/v1/places/NOT_A_SLUG!/resources").then().statusCode(404);
        as(MEMBER).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void paging_limits_are_enforced() {
        as(MEMBER).get(RESOURCES + "?size=100000").then().statusCode(400).body("code", equalTo("request.invalid"));
        as(MEMBER).get(RESOURCES + "?page=-1").then().statusCode(400);
        as(MEMBER).get(RESOURCES + "?page=abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrong_media_types_and_methods_are_problems() {
        as(MANAGER)
                .contentType(ContentType.XML)
                .body("<resource/>")
                .post(RESOURCES)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        as(MANAGER).delete(RESOURCES).then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void problems_speak_the_callers_language() {
        as(MEMBER)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .get("/api/v1/places/no-such-place/resources")
                .then()
                .body("title", equalTo("Place not found"))
                .body("detail", containsString("no-such-place"));
        as(MEMBER)
                .header("Accept-Language", "fr")
                .get("/api/v1/places/no-such-place/resources")
                .then()
                .body("title", equalTo("Lieu introuvable"));
        as(MEMBER)
                .header("Accept-Language", "de-DE;q=x,,,;")
                .get("/api/v1/places/no-such-place/resources")
                .then()
                .statusCode(404)
                .body("title", equalTo("Lieu introuvable"));
    }

    @Test
    void no_stack_trace_ever_reaches_a_client() {
        as(MANAGER)
                .body("{\"kind\": \"MACHINE\", \"name\": ")
                .post(RESOURCES)
                .then()
                .body(not(containsString("Exception")));
        as(MEMBER).get(RESOURCES + "/not-a-uuid").then().body(not(containsString("at org.")));
    }
}
