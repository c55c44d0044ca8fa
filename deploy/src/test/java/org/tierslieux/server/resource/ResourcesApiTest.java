package org.tierslieux.server.resource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResourcesApiTest {

    private static final String ATELIER_RESOURCES = "/api/v1/places/" + ATELIER + "/resources";

    private static String create(Map<String, Object> body) {
        return as(MANAGER)
                .body(body)
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void members_list_the_active_resources_of_their_place() {
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Open space"))
                .body("items.find { it.name == 'Open space' }.kind", equalTo("DESK_POOL"))
                .body("items.find { it.name == 'Open space' }.capacity", equalTo(20))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        // a treasurer is a member of the place too
        as(TREASURER).get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(200);
        anonymous().get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(401);
    }

    @Test
    void a_manager_creates_a_resource_that_members_then_see() {
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", "Brodeuse numérique", "description", "Six couleurs"))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(201)
                .header("Location", containsString(ATELIER_RESOURCES + "/"))
                .body("kind", equalTo("MACHINE"))
                .body("capacity", equalTo(1))
                .body("bookingMode", equalTo("EXCLUSIVE"))
                .body("status", equalTo("ACTIVE"));
        as(MEMBER).get(ATELIER_RESOURCES).then().body("items.name", hasItem("Brodeuse numérique"));
    }

    @Test
    void members_and_treasurers_cannot_create_resources() {
        as(MEMBER)
                .body(Map.of("kind", "MACHINE", "name", "Pirate"))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(403)
                .body("code", equalTo("access.role-missing"));
        as(TREASURER)
                .body(Map.of("kind", "MACHINE", "name", "Pirate"))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(403);
        as(MEMBER).get(ATELIER_RESOURCES + "?size=200").then().body("items.name", not(hasItem("Pirate")));
    }

    @Test
    void kinds_from_other_modules_are_bookable_kinds_too() {
        as(MANAGER)
                .body(Map.of("kind", "PHONE_BOOTH", "name", "Cabine 2"))
                .post("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(201)
                .body("kind", equalTo("PHONE_BOOTH"));
        as(MANAGER)
                .body(Map.of("kind", "SPACESHIP", "name", "Nope"))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(422)
                .body("code", equalTo("resource.kind-unknown"))
                .body("detail", containsString("PHONE_BOOTH"));
    }

    @Test
    void capacity_follows_the_kind() {
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", "Laser x3", "capacity", 3))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(422)
                .body("code", equalTo("resource.capacity-single"));
        as(MANAGER)
                .body(Map.of("kind", "DESK_POOL", "name", "Mezzanine", "capacity", 12))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(201)
                .body("capacity", equalTo(12))
                .body("bookingMode", equalTo("SEATS"));
        as(MANAGER)
                .body(Map.of("kind", "DESK_POOL", "name", "Géant", "capacity", 0))
                .post(ATELIER_RESOURCES)
                .then()
                .statusCode(400)
                .body("errors.capacity", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void a_manager_edits_a_resource_and_a_stale_edit_is_refused() {
        String id = create(Map.of("kind", "ROOM", "name", "Salle A", "capacity", 6));
        as(MANAGER)
                .body(Map.of("name", "Salle Alpha", "capacity", 8, "version", 0))
                .put(ATELIER_RESOURCES + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Salle Alpha"))
                .body("capacity", equalTo(8))
                .body("kind", equalTo("ROOM"));
        as(MANAGER)
                .body(Map.of("name", "Salle Beta", "version", 0))
                .put(ATELIER_RESOURCES + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("request.stale"));
        as(MEMBER).get(ATELIER_RESOURCES + "/" + id).then().body("name", equalTo("Salle Alpha"));
    }

    @Test
    void an_archived_resource_leaves_the_members_list_and_can_be_restored() {
        String id = create(Map.of("kind", "MACHINE", "name", "Vieille perceuse"));
        as(MANAGER)
                .post(ATELIER_RESOURCES + "/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        as(MEMBER).get(ATELIER_RESOURCES + "?size=200").then().body("items.id", not(hasItem(id)));
        as(MEMBER).get(ATELIER_RESOURCES + "?size=200&archived=true").then().body("items.id", not(hasItem(id)));
        as(MANAGER).get(ATELIER_RESOURCES + "?size=200&archived=true").then().body("items.id", hasItem(id));
        as(MANAGER)
                .post(ATELIER_RESOURCES + "/" + id + "/archive")
                .then()
                .statusCode(409)
                .body("code", equalTo("resource.already-archived"));
        as(MANAGER)
                .post(ATELIER_RESOURCES + "/" + id + "/restore")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(MEMBER).get(ATELIER_RESOURCES + "?size=200").then().body("items.id", hasItem(id));
    }

    @Test
    void lists_are_paginated() {
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources?page=0&size=2")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("size", equalTo(2))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(6));
        as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/resources?page=1000&size=2")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
