package org.tierslieux.server.coworking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/**
 * The place menu offers coworking's pages only where they make sense: "Hot desks" where there is a desk pool,
 * "Meeting rooms" where there is a room; the fablab has neither.
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

    @Test
    void a_coworking_shows_its_desks_and_rooms_links() {
        assertThat(page(FILATURE)).contains("id=\"nav-desks\"").contains("id=\"nav-rooms\"");
    }

    @Test
    void a_fablab_without_desk_pool_or_room_shows_neither() {
        assertThat(page(ATELIER))
                .contains("id=\"nav-book\"")
                .doesNotContain("id=\"nav-desks\"")
                .doesNotContain("id=\"nav-rooms\"");
    }
}
