package org.tierslieux.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonalDataExportTest {

    @Test
    void a_member_downloads_their_account_roles_and_bookings_of_every_place_and_nobody_elses() {
        JsonPath export = as(MEMBER)
                .get("/api/v1/me/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", "no-store")
                .body("account.email", equalTo(MEMBER))
                .extract()
                .jsonPath();
        assertThat(export.getList("places.place", String.class)).contains(FILATURE, ATELIER);
        List<String> bookingIds = export.getList("bookings.id", String.class);
        assertThat(bookingIds).isNotEmpty();
        assertThat(export.getString("notice")).contains("ten years");

        // exactly the bookings the member sees as theirs, place by place (upcoming and past)
        for (String place : List.of(FILATURE, ATELIER)) {
            for (String when : List.of("upcoming", "past")) {
                List<String> mine = as(MEMBER)
                        .queryParam("when", when)
                        .queryParam("size", 200)
                        .get("/api/v1/places/" + place + "/bookings/mine")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.id", String.class);
                assertThat(bookingIds).containsAll(mine);
            }
        }

        JsonPath other = as(MEMBER2)
                .get("/api/v1/me/export")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(other.getList("places.place", String.class)).containsExactly(ATELIER);
        assertThat(other.getList("bookings.id", String.class)).doesNotContainAnyElementsOf(bookingIds);
    }

    @Test
    void strangers_get_a_401() {
        anonymous().get("/api/v1/me/export").then().statusCode(401).contentType("application/problem+json");
    }
}
