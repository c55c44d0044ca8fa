package org.tierslieux.server.place;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.aPlace;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NetworkPlacesApiTest {

    @Test
    void anyone_lists_the_places_of_the_network_with_their_public_fields() {
        anonymous()
                .get("/api/v1/network/places")
                .then()
                .statusCode(200)
                .body("slug", hasItems("la-filature", "atelier-commun"))
                .body("find { it.slug == 'la-filature' }.city", equalTo("Lille"))
                .body("find { it.slug == 'la-filature' }.kinds", hasItem("COWORKING"))
                .body("find { it.slug == 'la-filature' }.latitude", notNullValue())
                .body("find { it.slug == 'atelier-commun' }.url", containsString("/atelier-commun"));
    }

    @Test
    void the_map_is_a_geojson_feature_collection_of_points() {
        anonymous()
                .get("/api/v1/network/places.geojson")
                .then()
                .statusCode(200)
                .body("type", equalTo("FeatureCollection"))
                .body("features.geometry.type", everyItem(equalTo("Point")))
                .body("features.properties.slug", hasItems("la-filature", "atelier-commun"))
                .body(
                        "features.find { it.properties.slug == 'la-filature' }.geometry.coordinates[0]",
                        equalTo(3.0581f));
    }

    @Test
    void a_network_admin_adds_a_place_which_then_appears_in_the_list() {
        as(ADMIN)
                .body(aPlace("la-grange", "La Grange"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/network/places/la-grange"))
                .body("slug", equalTo("la-grange"))
                .body("legal.siret", equalTo("44306184100047"))
                .body("currency", equalTo("EUR"));
        anonymous().get("/api/v1/network/places").then().body("slug", hasItem("la-grange"));
        // the new place is empty and nobody is a member yet: its resources answer 403, not 404
        as(MANAGER).get("/api/v1/places/la-grange/resources").then().statusCode(403);
    }

    @Test
    void only_a_network_admin_may_add_a_place() {
        as(MANAGER)
                .body(aPlace("chez-marc", "Chez Marc"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(403)
                .body("code", equalTo("access.network-admin-only"));
        anonymous()
                .body(aPlace("chez-anon", "Chez Anon"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        anonymous()
                .get("/api/v1/network/places")
                .then()
                .body(
                        "slug",
                        everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf("chez-marc", "chez-anon"))));
    }

    @Test
    void a_slug_is_unique_well_formed_and_not_one_of_our_routes() {
        as(ADMIN)
                .body(aPlace("la-filature", "Twin"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(409)
                .body("code", equalTo("place.slug-taken"));
        as(ADMIN)
                .body(aPlace("api", "Api"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(422)
                .body("code", equalTo("place.slug-reserved"));
        as(ADMIN)
                .body(aPlace("Bad Slug!", "Bad"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(422)
                .body("code", equalTo("place.slug-invalid"));
    }

    @Test
    void legal_identity_is_checked() {
        var badSiret = new java.util.HashMap<>(aPlace("siret-faux", "Siret Faux"));
        badSiret.put("legal", Map.of("legalName", "X", "siret", "12345678901234", "vatNumber", "FR12443061841"));
        as(ADMIN)
                .body(badSiret)
                .post("/api/v1/network/places")
                .then()
                .statusCode(422)
                .body("code", equalTo("place.siret-invalid"));
        var noVatStatus = new java.util.HashMap<>(aPlace("sans-tva", "Sans TVA"));
        noVatStatus.put("legal", Map.of("legalName", "X"));
        as(ADMIN)
                .body(noVatStatus)
                .post("/api/v1/network/places")
                .then()
                .statusCode(422)
                .body("code", equalTo("place.vat-status-required"));
    }

    @Test
    void a_network_admin_edits_a_place_and_a_stale_edit_is_refused() {
        as(ADMIN)
                .body(aPlace("le-hangar", "Le Hangar"))
                .post("/api/v1/network/places")
                .then()
                .statusCode(201);
        int version = as(ADMIN)
                .get("/api/v1/network/places/le-hangar")
                .then()
                .extract()
                .path("version");
        var edit = new java.util.HashMap<>(aPlace("ignored", "Le Grand Hangar"));
        edit.put("version", version);
        as(ADMIN)
                .body(edit)
                .put("/api/v1/network/places/le-hangar")
                .then()
                .statusCode(200)
                .body("name", equalTo("Le Grand Hangar"))
                .body("slug", equalTo("le-hangar"));
        as(ADMIN)
                .body(edit)
                .put("/api/v1/network/places/le-hangar")
                .then()
                .statusCode(409)
                .body("code", equalTo("request.stale"));
        as(MANAGER).body(edit).put("/api/v1/network/places/le-hangar").then().statusCode(403);
    }

    @Test
    void invalid_fields_are_named_in_the_problem() {
        var bad = new java.util.HashMap<>(aPlace("trop-long", "x".repeat(500)));
        bad.put("latitude", 123.0);
        as(ADMIN)
                .body(bad)
                .post("/api/v1/network/places")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("request.invalid"))
                .body("errors", hasKey("name"))
                .body("errors", hasKey("latitude"));
    }
}
