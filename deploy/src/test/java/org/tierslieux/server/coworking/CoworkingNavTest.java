package org.tierslieux.server.coworking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * The place menu offers coworking's pages only where they make sense: "Hot desks" where there is a desk pool,
 * "Meeting rooms" where there is a room; a fablab has neither. (A place of its own: other tests add rooms to the
 * demo fablab.)
 */
@QuarkusTest
class CoworkingNavTest {

    static String page(String place) {
        return Demo.browsing(MEMBER)
                .get("/" + place + "/book")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static void resource(String place, String kind, String name) {
        Demo.as(Demo.MANAGER)
                .body(
                        "ROOM".equals(kind)
                                ? Map.of("kind", kind, "name", name, "capacity", 4)
                                : Map.of("kind", kind, "name", name))
                .post("/api/v1/places/" + place + "/resources")
                .then()
                .statusCode(201);
    }

    @Test
    void a_coworking_shows_its_desks_and_rooms_links() {
        assertThat(page(FILATURE)).contains("id=\"nav-desks\"").contains("id=\"nav-rooms\"");
    }

    @Test
    void a_fablab_without_desk_pool_or_room_shows_neither_until_it_has_a_room() {
        String slug = "fablab-nav-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Demo.as(Demo.ADMIN)
                .body(Demo.aPlace(slug, "Fablab " + slug))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        for (var grant : Map.of(Demo.MANAGER, "MANAGER", MEMBER, "MEMBER").entrySet()) {
            Demo.as(Demo.ADMIN)
                    .body(Map.of("email", grant.getKey(), "roles", List.of(grant.getValue())))
                    .post("/api/v1/places/" + slug + "/members")
                    .then()
                    .statusCode(200);
        }
        resource(slug, "MACHINE", "Découpeuse laser");
        assertThat(page(slug))
                .contains("id=\"nav-book\"")
                .doesNotContain("id=\"nav-desks\"")
                .doesNotContain("id=\"nav-rooms\"");
        resource(slug, "ROOM", "Salle");
        assertThat(page(slug)).contains("id=\"nav-rooms\"").doesNotContain("id=\"nav-desks\"");
    }
}
