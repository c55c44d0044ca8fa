package org.tierslieux.server.coworking.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The network's public map as a visitor and an outside map client see it: the GeoJSON feed read by an outside
 * GeoJSON parser (JTS), its filters and refusals, the /network page (map and list, no inline script) and the
 * public page of a place.
 */
@QuarkusTest
class NetworkMapTest {

    private static String geojson(String query) {
        return given().accept("application/geo+json")
                .get("/api/v1/network/places.geojson" + query)
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .extract()
                .asString();
    }

    /** The features as an outside parser reads them: one JTS geometry per feature. */
    private static Geometry parsed(String body) throws Exception {
        Geometry geometry = new GeoJsonReader().read(body);
        assertThat(geometry.getGeometryType()).isEqualTo("GeometryCollection");
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            assertThat(geometry.getGeometryN(i)).isInstanceOf(Point.class);
            assertThat(geometry.getGeometryN(i).isValid()).isTrue();
        }
        return geometry;
    }

    @Test
    void an_outside_geojson_parser_reads_every_place_as_a_point_in_longitude_latitude_order() throws Exception {
        String body = geojson("");
        Geometry points = parsed(body);
        List<String> slugs = JsonPath.from(body).getList("features.properties.slug");
        assertThat(slugs).contains(FILATURE, ATELIER);
        assertThat(points.getNumGeometries()).isEqualTo(slugs.size());
        Coordinate filature = points.getGeometryN(slugs.indexOf(FILATURE)).getCoordinate();
        // GeoJSON is longitude first: Lille is at 3.06 E, 50.63 N
        assertThat(filature.getX()).isEqualTo(3.0581);
        assertThat(filature.getY()).isEqualTo(50.6329);
        assertThat(JsonPath.from(body)
                        .getString("features.find { it.properties.slug == 'la-filature' }.properties.page"))
                .endsWith("/network/places/la-filature");
    }

    @Test
    void a_bounding_box_keeps_only_the_places_inside_it() throws Exception {
        // around Lille's centre: la-filature (3.0581, 50.6329) is in, atelier-commun in Roubaix (3.1817, 50.6901) is
        // out
        String body = geojson("?bbox=3.0,50.6,3.1,50.65");
        Geometry points = parsed(body);
        // other tests add places in Lille too: every point returned lies in the box, Roubaix's does not
        assertThat(points.getNumGeometries()).isPositive();
        assertThat(new org.locationtech.jts.geom.Envelope(3.0, 3.1, 50.6, 50.65).contains(points.getEnvelopeInternal()))
                .isTrue();
        assertThat(JsonPath.from(body).getList("features.properties.slug"))
                .contains(FILATURE)
                .doesNotContain(ATELIER);
        assertThat(JsonPath.from(body).getList("bbox", Float.class)).containsExactly(3.0f, 50.6f, 3.1f, 50.65f);

        String both = geojson("?bbox=2.9,50.5,3.3,50.8");
        assertThat(JsonPath.from(both).getList("features.properties.slug")).contains(FILATURE, ATELIER);

        String ocean = geojson("?bbox=-40,10,-30,20");
        assertThat(parsed(ocean).getNumGeometries()).isZero();
        assertThat(JsonPath.from(ocean).getList("features")).isEmpty();
    }

    @Test
    void a_kind_keeps_only_the_places_of_that_kind() throws Exception {
        String fablabs = geojson("?kind=FABLAB");
        assertThat(JsonPath.from(fablabs).getList("features.properties.slug"))
                .contains(ATELIER)
                .doesNotContain(FILATURE);
        String coworkings = geojson("?kind=coworking&bbox=2.9,50.5,3.3,50.8");
        assertThat(JsonPath.from(coworkings).getList("features.properties.slug"))
                .contains(FILATURE)
                .doesNotContain(ATELIER);
        parsed(coworkings);
    }

    @Test
    void absurd_bounds_are_refused_with_a_clear_problem_never_a_500() {
        for (String bbox : List.of(
                "1,2,3",
                "a,b,c,d",
                "0,0,200,10",
                "0,-95,10,10",
                "0,60,10,50",
                "NaN,0,1,1",
                "Infinity,0,1,1",
                "1,2,3,4,5",
                ",,,")) {
            given().accept("application/geo+json")
                    .queryParam("bbox", bbox)
                    .get("/api/v1/network/places.geojson")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", equalTo("map.bounds-invalid"))
                    .body("status", equalTo(422))
                    .body("detail", containsString(bbox));
        }
        given().accept("application/geo+json")
                .queryParam("kind", "SPACESHIP")
                .get("/api/v1/network/places.geojson")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("map.kind-invalid"));
    }

    @Test
    void the_network_page_shows_a_map_fed_by_the_geojson_and_a_list_that_needs_no_javascript() {
        String html = given().accept("text/html")
                .get("/network")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("id=\"network-map\"")
                .contains("data-geojson=\"/api/v1/network/places.geojson\"")
                .contains("/webjars/leaflet/1.9.4/dist/leaflet.js")
                .contains("/static/coworking/map.js")
                .contains("href=\"/network/places/la-filature\"")
                .contains("href=\"/network/places/atelier-commun\"");
        // no inline script, no inline handler, no inline style (a CSP without 'unsafe-inline' is coming)
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=");
        assertThat(html).doesNotContain(" style=");
        given().get("/static/coworking/map.js").then().statusCode(200).body(containsString("L.geoJSON"));
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200);
        given().get("/static/coworking/coworking.css").then().statusCode(200);
    }

    @Test
    void a_place_has_a_public_page_with_its_address_hours_kinds_of_resources_and_published_prices() {
        String html = given().accept("text/html")
                .get("/network/places/la-filature")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("La Filature")
                .contains("12 rue du Fil")
                .contains("59000")
                .contains("id=\"place-hours\"")
                .contains("data-kind=\"DESK_POOL\"")
                .contains("data-kind=\"ROOM\"")
                // the published desk-pool day (20) is shown, the student price (14, a group's) is not
                .contains("20.00 EUR")
                .doesNotContain("14.00 EUR");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");

        given().accept("text/html").get("/network/places/no-such-place").then().statusCode(404);
    }

    @Test
    void the_demo_places_public_page_has_a_french_description() {
        given().accept("text/html")
                .get("/network/places/" + FILATURE)
                .then()
                .statusCode(200)
                .body(containsString("id=\"place-description\""))
                .body(containsString("open space de vingt postes"));
    }

    @Test
    void a_network_admin_writes_the_description_that_the_public_page_shows() {
        as(ADMIN)
                .body(Map.of("description", "Un coworking dans une ancienne filature, au cœur de Lille."))
                .put("/api/v1/network/places/atelier-commun/description")
                .then()
                .statusCode(200)
                .body("description", containsString("ancienne filature"));
        given().accept("text/html")
                .get("/network/places/atelier-commun")
                .then()
                .statusCode(200)
                .body(containsString("ancienne filature"));

        as(MANAGER)
                .body(Map.of("description", "Pirate"))
                .put("/api/v1/network/places/atelier-commun/description")
                .then()
                .statusCode(403);
        as(ADMIN)
                .body(Map.of("description", "x".repeat(2001)))
                .put("/api/v1/network/places/atelier-commun/description")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous().get("/network/places/atelier-commun").then().body(not(containsString("Pirate")));
        as(ADMIN)
                .body(Map.of("description", ""))
                .put("/api/v1/network/places/atelier-commun/description")
                .then()
                .statusCode(200);
        anonymous().get("/api/v1/network/places").then().body("slug", hasItems(FILATURE, ATELIER));
    }

    @Test
    void the_place_form_writes_the_description_and_refuses_one_too_long_before_saving_anything() {
        org.tierslieux.server.testsupport.Demo.browsing(ADMIN)
                .formParam("slug", "la-bobine")
                .formParam("name", "La Bobine")
                .formParam("kinds", "WORKSHOP")
                .formParam("legalName", "Asso La Bobine")
                .formParam("vatExemptionMention", "TVA non applicable, art. 293 B du CGI")
                .formParam("city", "Lille")
                .formParam("latitude", "50.64")
                .formParam("longitude", "3.07")
                .formParam("description", "Un atelier partagé de couture, ouvert le samedi.")
                .post("/network/places")
                .then()
                .statusCode(303);
        given().accept("text/html")
                .get("/network/places/la-bobine")
                .then()
                .statusCode(200)
                .body(containsString("Un atelier partagé de couture"));
        assertThat(JsonPath.from(geojson("?kind=WORKSHOP&bbox=3.0,50.6,3.1,50.7"))
                        .getList("features.properties.slug"))
                .contains("la-bobine");

        org.tierslieux.server.testsupport.Demo.browsing(ADMIN)
                .formParam("slug", "la-trop-longue")
                .formParam("name", "La Trop Longue")
                .formParam("kinds", "WORKSHOP")
                .formParam("legalName", "Asso")
                .formParam("vatExemptionMention", "TVA non applicable, art. 293 B du CGI")
                .formParam("description", "x".repeat(2001))
                .post("/network/places")
                .then()
                .statusCode(422)
                .body(containsString("2000"));
        anonymous().get("/api/v1/network/places/la-trop-longue").then().statusCode(404);
    }
}
