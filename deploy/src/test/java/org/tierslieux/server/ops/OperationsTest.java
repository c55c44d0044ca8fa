package org.tierslieux.server.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void the_api_is_described_by_openapi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/resources"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/network/places"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/network/places.geojson"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/bookings"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/places/{place}/resources/{id}/availability"))
                .body("paths", org.hamcrest.Matchers.hasKey("/ical/{token}.ics"))
                // paged lists are described, not left as an unknown schema
                .body("components.schemas", org.hamcrest.Matchers.hasKey("PagedBookingResponse"));
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/login")))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/{place}")))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/{place}/bookings")))
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/")))
                .body("components.securitySchemes", org.hamcrest.Matchers.hasKey("token"))
                .body("security", org.hamcrest.Matchers.notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readiness_includes_the_database() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().get("/api/v1/network/places").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
