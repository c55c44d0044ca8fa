package org.tierslieux.server.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The server side of the pages: forms that create, refuse with a message, and keep what was typed. */
@QuarkusTest
class PagesTest {

    @Test
    void the_network_home_lists_the_places_for_everyone() {
        anonymous()
                .accept("text/html")
                .get("/network")
                .then()
                .statusCode(200)
                .body(containsString("La Filature"))
                .body(containsString("L&#39;Atelier Commun"))
                .body(not(containsString("add-place")));
        browsing(ADMIN).get("/network").then().statusCode(200).body(containsString("id=\"add-place\""));
        browsing(ADMIN)
                .get("/network/places/new")
                .then()
                .statusCode(200)
                .body(containsString("pattern=\"[a-z0-9-]{2,40}\""));
        browsing(ADMIN)
                .get("/network/places/" + ATELIER + "/edit")
                .then()
                .statusCode(200)
                .body(containsString("Roubaix"));
    }

    @Test
    void a_network_admin_adds_a_place_through_the_form() {
        browsing(ADMIN)
                .formParam("slug", "la-ruche")
                .formParam("name", "La Ruche")
                .formParam("kinds", "COWORKING")
                .formParam("kinds", "CAFE")
                .formParam("legalName", "SAS La Ruche")
                .formParam("vatExemptionMention", "TVA non applicable, art. 293 B du CGI")
                .formParam("city", "Tourcoing")
                .formParam("latitude", "50,72")
                .formParam("longitude", "3.16")
                .post("/network/places")
                .then()
                .statusCode(303)
                .header("Location", containsString("/network"));
        as(ADMIN)
                .get("/api/v1/network/places/la-ruche")
                .then()
                .statusCode(200)
                .body("city", org.hamcrest.Matchers.equalTo("Tourcoing"))
                .body("latitude", org.hamcrest.Matchers.equalTo(50.72f));
    }

    @Test
    void a_refused_place_form_comes_back_with_the_reason_and_what_was_typed() {
        browsing(ADMIN)
                .formParam("slug", "login")
                .formParam("name", "Nom gardé")
                .formParam("kinds", "FABLAB")
                .formParam("legalName", "Asso")
                .formParam("vatNumber", "FR44732829320")
                .post("/network/places")
                .then()
                .statusCode(422)
                .body(containsString("form-error"))
                .body(containsString("utilisé par l&#39;application"))
                .body(containsString("value=\"Nom gardé\""));
        anonymous().get("/api/v1/network/places").then().body("slug", not(hasItem("login")));
    }

    @Test
    void an_oversized_place_form_is_refused_with_the_field_named() {
        browsing(ADMIN)
                .formParam("slug", "trop-long")
                .formParam("name", "N".repeat(300))
                .formParam("kinds", "FABLAB")
                .formParam("legalName", "Asso")
                .formParam("vatNumber", "FR44732829320")
                .post("/network/places")
                .then()
                .statusCode(422)
                .body(containsString("form-error"))
                .body(containsString("name"));
    }

    @Test
    void members_cannot_open_the_place_form() {
        browsing(MEMBER).get("/network/places/new").then().statusCode(403).body(containsString("error-detail"));
    }

    @Test
    void a_manager_adds_edits_and_archives_a_resource_through_the_pages() {
        browsing(MANAGER)
                .formParam("kind", "MACHINE")
                .formParam("name", "Thermoformeuse")
                .formParam("capacity", "")
                .post("/" + ATELIER + "/resources")
                .then()
                .statusCode(303)
                .header("Location", containsString("/" + ATELIER));
        String id = as(MANAGER)
                .get("/api/v1/places/" + ATELIER + "/resources?size=200")
                .then()
                .extract()
                .path("items.find { it.name == 'Thermoformeuse' }.id");
        browsing(MANAGER)
                .get("/" + ATELIER + "/resources/" + id + "/edit")
                .then()
                .statusCode(200)
                .body(containsString("Thermoformeuse"));
        browsing(MANAGER)
                .formParam("name", "Thermoformeuse Formech")
                .formParam("capacity", "1")
                .formParam("version", "0")
                .post("/" + ATELIER + "/resources/" + id)
                .then()
                .statusCode(303);
        browsing(MEMBER).get("/" + ATELIER).then().statusCode(200).body(containsString("Thermoformeuse Formech"));
        browsing(MANAGER)
                .post("/" + ATELIER + "/resources/" + id + "/archive")
                .then()
                .statusCode(303);
        browsing(MEMBER).get("/" + ATELIER).then().body(not(containsString("Thermoformeuse Formech")));
    }

    @Test
    void a_refused_resource_form_says_why() {
        browsing(MANAGER)
                .formParam("kind", "MACHINE")
                .formParam("name", "Laser")
                .formParam("capacity", "beaucoup")
                .post("/" + ATELIER + "/resources")
                .then()
                .statusCode(422)
                .body(containsString("form-error"))
                .body(containsString("beaucoup"));
        browsing(MANAGER)
                .formParam("kind", "MACHINE")
                .formParam("name", "")
                .post("/" + ATELIER + "/resources")
                .then()
                .statusCode(422)
                .body(containsString("obligatoire"));
    }

    @Test
    void unknown_places_and_pages_are_clear_pages_not_crashes() {
        browsing(MEMBER).get("/no-such-place").then().statusCode(404).body(containsString("Lieu introuvable"));
        browsing(MANAGER)
                .get("/" + ATELIER + "/resources/not-a-uuid/edit")
                .then()
                .statusCode(404);
        anonymous().accept("text/html").get("/favicon.ico").then().statusCode(404);
    }

    @Test
    void a_network_admin_appoints_the_first_manager_of_a_new_place_through_the_pages() {
        browsing(ADMIN)
                .formParam("slug", "le-quai")
                .formParam("name", "Le Quai")
                .formParam("kinds", "MAKERSPACE")
                .formParam("legalName", "Asso Le Quai")
                .formParam("vatExemptionMention", "TVA non applicable, art. 293 B du CGI")
                .post("/network/places")
                .then()
                .statusCode(303);
        browsing(ADMIN).get("/le-quai/members").then().statusCode(200).body(containsString("roles-form"));
        browsing(ADMIN)
                .formParam("email", "nobody@demo.test")
                .formParam("roles", "MANAGER")
                .post("/le-quai/members")
                .then()
                .statusCode(422)
                .body(containsString("form-error"))
                .body(containsString("nobody@demo.test"));
        browsing(ADMIN)
                .formParam("email", MANAGER)
                .formParam("roles", "MANAGER")
                .post("/le-quai/members")
                .then()
                .statusCode(303)
                .header("Location", containsString("/le-quai/members"));
        browsing(MANAGER)
                .get("/le-quai/members")
                .then()
                .statusCode(200)
                .body(containsString(MANAGER))
                .body(containsString("Responsable"));
        browsing(MANAGER).get("/le-quai").then().statusCode(200).body(containsString("members-link"));
        browsing(MEMBER).get("/le-quai/members").then().statusCode(403);
    }
}
