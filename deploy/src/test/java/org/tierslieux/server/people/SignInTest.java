package org.tierslieux.server.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    @Test
    void wrong_passwords_get_a_401_problem_with_a_basic_challenge() {
        given().auth()
                .preemptive()
                .basic(MEMBER, "wrong")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("code", equalTo("access.unauthenticated"));
        given().auth()
                .preemptive()
                .basic("nobody@demo.test", "demo")
                .get("/api/v1/me")
                .then()
                .statusCode(401);
        anonymous().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void me_tells_who_i_am_and_my_roles_in_each_place() {
        as(MEMBER)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(MEMBER))
                .body("networkAdmin", equalTo(false))
                .body("places.slug", hasItems("la-filature", "atelier-commun"))
                .body("places.find { it.slug == 'la-filature' }.roles", hasItems("MEMBER"));
        as(MEMBER2).get("/api/v1/me").then().body("places.slug", equalTo(java.util.List.of("atelier-commun")));
    }

    @Test
    void pages_send_strangers_to_the_login_page_and_back_where_they_were_going() {
        Response asked = given().redirects().follow(false).accept("text/html").get("/la-filature");
        asked.then().statusCode(303).header("Location", containsString("/login"));
        String redirectCookie = asked.getCookie("quarkus-redirect-location");
        org.assertj.core.api.Assertions.assertThat(redirectCookie).endsWith("/la-filature");

        Response login = given().redirects()
                .follow(false)
                .cookie("quarkus-redirect-location", redirectCookie)
                .formParam("j_username", MEMBER)
                .formParam("j_password", "demo")
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", containsString("/la-filature"));
        String session = login.getCookie("tl-session");
        org.assertj.core.api.Assertions.assertThat(session).isNotBlank();

        given().cookie("tl-session", session)
                .accept("text/html")
                .get("/la-filature")
                .then()
                .statusCode(200)
                .body(containsString("Open space"))
                .body(containsString(MEMBER));
    }

    @Test
    void a_wrong_password_on_the_form_shows_the_login_page_with_an_error() {
        given().redirects()
                .follow(false)
                .formParam("j_username", MEMBER)
                .formParam("j_password", "nope")
                .post("/j_security_check")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login?error=true"));
        given().accept("text/html")
                .get("/login?error=true")
                .then()
                .statusCode(200)
                .body(containsString("login-error"));
    }

    @Test
    void signing_out_forgets_the_session() {
        // the sign-out form carries the CSRF token of the browser's cookie, as every form does
        String token = org.tierslieux.server.testsupport.Demo.csrfToken(null);
        given().redirects()
                .follow(false)
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, token)
                .formParam(org.tierslieux.server.testsupport.Demo.CSRF_FIELD, token)
                .post("/logout")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("tl-session=;"))
                .header("Location", containsString("/network"));
    }

    @Test
    void the_language_switch_is_remembered() {
        Response switched = given().redirects().follow(false).get("/lang/en?back=/network");
        switched.then().statusCode(303).header("Location", containsString("/network"));
        given().cookie("lang", switched.getCookie("lang"))
                .accept("text/html")
                .get("/network")
                .then()
                .body(containsString("The places of the network"))
                .body(not(containsString("Les lieux du réseau")));
        given().accept("text/html").get("/network").then().body(containsString("Les lieux du réseau"));
        given().redirects()
                .follow(false)
                .get("/lang/en?back=//evil.example")
                .then()
                .header("Location", not(containsString("evil")));
    }
}
