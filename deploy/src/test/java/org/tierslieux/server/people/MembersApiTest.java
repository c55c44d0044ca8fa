package org.tierslieux.server.people;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MembersApiTest {

    private static final String MEMBERS = "/api/v1/places/" + FILATURE + "/members";

    @Test
    void a_manager_lists_the_people_of_the_place_with_their_roles() {
        as(MANAGER)
                .get(MEMBERS)
                .then()
                .statusCode(200)
                .body("items.find { it.email == 'treasurer@demo.test' }.roles", equalTo(List.of("TREASURER")))
                .body("email", org.hamcrest.Matchers.nullValue())
                .body("items.email", hasItem(MEMBER))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        as(MEMBER).get(MEMBERS).then().statusCode(403);
        as(TREASURER).get(MEMBERS).then().statusCode(403);
    }

    @Test
    void a_manager_grants_and_revokes_roles_which_change_access_at_once() {
        as(MEMBER2).get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(403);
        as(MANAGER)
                .body(Map.of("email", MEMBER2, "roles", List.of("MEMBER")))
                .post(MEMBERS)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("MEMBER")));
        as(MEMBER2).get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(200);
        as(MEMBER2).get("/api/v1/me").then().body("places.slug", hasItem(FILATURE));

        as(MANAGER)
                .body(Map.of("email", MEMBER2, "roles", List.of()))
                .post(MEMBERS)
                .then()
                .statusCode(200);
        as(MEMBER2).get("/api/v1/places/" + FILATURE + "/resources").then().statusCode(403);
        as(MANAGER).get(MEMBERS).then().body("items.email", not(hasItem(MEMBER2)));
    }

    @Test
    void a_network_admin_may_appoint_people_in_any_place() {
        as(ADMIN).get(MEMBERS).then().statusCode(200);
        as(ADMIN)
                .body(Map.of("email", "nobody@demo.test", "roles", List.of("MEMBER")))
                .post(MEMBERS)
                .then()
                .statusCode(404)
                .body("code", equalTo("person.not-found"));
        as(ADMIN)
                .body(Map.of("email", MEMBER2, "roles", List.of("CAPTAIN")))
                .post(MEMBERS)
                .then()
                .statusCode(400);
    }

    @Test
    void a_place_is_never_left_without_a_manager() {
        as(MANAGER)
                .body(Map.of("email", MANAGER, "roles", List.of("MEMBER")))
                .post(MEMBERS)
                .then()
                .statusCode(409)
                .body("code", equalTo("place.last-manager"));
        as(MANAGER)
                .get(MEMBERS)
                .then()
                .statusCode(200)
                .body("items.find { it.email == 'manager@demo.test' }.roles", equalTo(List.of("MANAGER")));
    }

    @Test
    void the_members_list_is_paginated_by_name() {
        as(MANAGER)
                .get(MEMBERS + "?size=1&page=0")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        as(MANAGER).get(MEMBERS + "?size=500").then().statusCode(400);
    }
}
