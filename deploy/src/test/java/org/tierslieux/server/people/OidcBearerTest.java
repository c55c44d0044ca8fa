package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Identity mode {@code oidc}: bearer tokens from an OpenID provider (a WireMock stand-in here; the real Keycloak
 * is in {@code KeycloakJourneyIT}). The token proves who calls; our tables still say what they may do.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.OidcMode.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class OidcBearerTest {

    public static class OidcMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tl.identity.mode", "oidc",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "tierslieux",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.oidc.application-type", "hybrid");
        }
    }

    private static String tokenFor(String subject, String email) {
        return tokenFor(subject, email, "tierslieux-api", true);
    }

    private static String tokenFor(String subject, String email, String audience, boolean verified) {
        return OidcWiremockTestResource.generateJwtToken(
                email,
                Set.of(),
                subject,
                "1",
                Set.of(audience),
                Map.of("email", email, "email_verified", String.valueOf(verified), "name", "Sacha Stranger"));
    }

    @Test
    void a_bearer_token_of_a_known_person_gets_their_roles_from_our_tables() {
        given().auth()
                .oauth2(tokenFor("kc-member-1", "member@demo.test"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("member@demo.test"))
                .body("places.slug", hasItems("la-filature", "atelier-commun"));
        given().auth()
                .oauth2(tokenFor("kc-member-1", "member@demo.test"))
                .get("/api/v1/places/la-filature/resources")
                .then()
                .statusCode(200);
    }

    @Test
    void a_stranger_signing_in_for_the_first_time_gets_an_account_but_reaches_no_place() {
        String token = tokenFor("kc-stranger", "stranger@elsewhere.test");
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("stranger@elsewhere.test"))
                .body("displayName", equalTo("Sacha Stranger"))
                .body("places", org.hamcrest.Matchers.empty());
        given().auth()
                .oauth2(token)
                .get("/api/v1/places/la-filature/resources")
                .then()
                .statusCode(403)
                .body("code", equalTo("access.not-a-member"));
    }

    @Test
    void an_unverified_email_gets_no_account() {
        given().auth()
                .oauth2(tokenFor("kc-unverified", "unverified@elsewhere.test", "tierslieux-api", false))
                .get("/api/v1/places/la-filature/resources")
                .then()
                .statusCode(403)
                .body("code", equalTo("access.no-account"));
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        given().auth()
                .oauth2(tokenFor("kc-member-1", "member@demo.test", "https://service.example.com", true))
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("access.unauthenticated"));
    }

    @Test
    void passwords_are_refused_in_oidc_mode_and_the_challenge_asks_for_a_bearer_token() {
        given().auth()
                .preemptive()
                .basic("member@demo.test", "demo")
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        given().get("/api/v1/me").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("not-a-token").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void pages_sign_in_through_the_providers_login_page() {
        given().redirects()
                .follow(false)
                .accept("text/html")
                .get("/login")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login/oidc"));
        given().redirects()
                .follow(false)
                .accept("text/html")
                .get("/login/oidc")
                .then()
                .statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=tierslieux"))
                .header("Location", containsString("redirect_uri=http%3A%2F%2Flocalhost"));
        // signing out goes through Quarkus' OIDC logout path (the form carries the CSRF token, as every form does)
        String csrf = org.tierslieux.server.testsupport.Demo.csrfToken(null);
        given().redirects()
                .follow(false)
                .accept("text/html")
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, csrf)
                .formParam(org.tierslieux.server.testsupport.Demo.CSRF_FIELD, csrf)
                .post("/logout")
                .then()
                .statusCode(303)
                .header("Location", containsString("/logout/oidc"));
    }
}
