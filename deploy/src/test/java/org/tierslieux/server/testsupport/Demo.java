package org.tierslieux.server.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The demo accounts and places of the API contract, as tests use them. */
public final class Demo {

    public static final String PASSWORD = "demo";
    public static final String ADMIN = "admin@demo.test";
    public static final String MANAGER = "manager@demo.test";
    public static final String TREASURER = "treasurer@demo.test";
    public static final String MEMBER = "member@demo.test";
    public static final String MEMBER2 = "member2@demo.test";
    public static final String FILATURE = "la-filature";
    public static final String ATELIER = "atelier-commun";

    private Demo() {}

    /** A JSON request signed in as {@code email} with HTTP Basic, as an integration would. */
    public static RequestSpecification as(String email) {
        return given().auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Signs in through the login form, as a browser does, and returns the session cookie's value. */
    public static String session(String email) {
        String cookie = given().redirects()
                .follow(false)
                .formParam("j_username", email)
                .formParam("j_password", PASSWORD)
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie("tl-session");
        if (cookie == null || cookie.isBlank()) {
            throw new IllegalStateException("No session for " + email);
        }
        return cookie;
    }

    /** A browser-like request (HTML) signed in as {@code email} through the login form. */
    public static RequestSpecification browsing(String email) {
        return given().redirects()
                .follow(false)
                .cookie("tl-session", session(email))
                .accept("text/html");
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A valid place creation request, for a slug and a name of the test's choosing. */
    public static java.util.Map<String, Object> aPlace(String slug, String name) {
        return java.util.Map.of(
                "slug",
                slug,
                "name",
                name,
                "timeZone",
                "Europe/Paris",
                "kinds",
                java.util.List.of("COWORKING"),
                "legal",
                java.util.Map.of("legalName", name + " SAS", "siret", "44306184100047", "vatNumber", "FR12443061841"),
                "address",
                java.util.Map.of("street", "1 rue Nationale", "postalCode", "59000", "city", "Lille", "country", "FR"),
                "latitude",
                50.63,
                "longitude",
                3.06);
    }
}
