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

    /** A browser-like request (HTML) signed in as {@code email} through the login form, with its CSRF token. */
    public static RequestSpecification browsing(String email) {
        return browsingWith(session(email));
    }

    /** The CSRF cookie of quarkus-rest-csrf, the forms' field and the header htmx sends (static/app.js). */
    public static final String CSRF_COOKIE = "tl-csrf";

    public static final String CSRF_FIELD = "csrf-token";
    public static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private static final java.util.regex.Pattern CSRF_META =
            java.util.regex.Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    /**
     * A browser-like request (HTML) with a session cookie, holding the CSRF cookie and token a browser gets from
     * the first page it opens: every post sends the token in the header, as htmx does (tests of the forms' own
     * hidden field use {@link #csrfToken(String)}).
     */
    public static RequestSpecification browsingWith(String session) {
        String token = csrfToken(session);
        return given().redirects()
                .follow(false)
                .cookie("tl-session", session)
                .cookie(CSRF_COOKIE, token)
                .header(CSRF_HEADER, token)
                .accept("text/html");
    }

    /**
     * Opens a page as {@code session} (null: anonymously) and reads the CSRF token the server gave it: the
     * {@code tl-csrf} cookie, which the page's forms and its {@code <meta name="csrf-token">} repeat.
     */
    public static String csrfToken(String session) {
        RequestSpecification page = given().redirects().follow(false).accept("text/html");
        if (session != null) {
            page = page.cookie("tl-session", session);
        }
        io.restassured.response.Response response = page.get("/network");
        String cookie = response.cookie(CSRF_COOKIE);
        java.util.regex.Matcher meta = CSRF_META.matcher(response.asString());
        if (cookie == null || cookie.isBlank() || !meta.find() || !meta.group(1).equals(cookie)) {
            throw new IllegalStateException("No CSRF token on /network (cookie " + cookie + ")");
        }
        return cookie;
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
