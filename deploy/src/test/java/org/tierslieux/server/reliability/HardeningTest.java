package org.tierslieux.server.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.TREASURER;
import static org.tierslieux.server.testsupport.Demo.anonymous;
import static org.tierslieux.server.testsupport.Demo.as;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.booking.MovableClock;

/** Issue 8, item 5: headers, cookies, sign-in locks, the password policy and the audit log. */
@QuarkusTest
class HardeningTest {

    private static final String CSP = "script-src 'self'";

    private static void hasSecurityHeaders(Response response) {
        response.then()
                .header("Content-Security-Policy", containsString(CSP))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
        assertThat(response.getHeader("Strict-Transport-Security"))
                .as("HSTS stays off until configured")
                .isNull();
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers() {
        hasSecurityHeaders(given().accept("text/html").get("/network"));
        hasSecurityHeaders(anonymous().get("/api/v1/network/places"));
        Response notFound = anonymous().get("/api/v1/places/no-such-place/resources");
        assertThat(notFound.statusCode()).isEqualTo(404);
        hasSecurityHeaders(notFound);
        Response unauthenticated = anonymous().get("/api/v1/me");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        hasSecurityHeaders(unauthenticated);
        hasSecurityHeaders(given().redirects().follow(false).accept("text/html").get("/" + FILATURE));
        hasSecurityHeaders(given().get("/static/app.js"));
        hasSecurityHeaders(given().redirects()
                .follow(false)
                .formParam("j_username", MEMBER)
                .formParam("j_password", "wrong-one")
                .header("X-Forwarded-For", "198.51.100." + (1 + (int) (Math.random() * 200)))
                .post("/j_security_check"));
    }

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style|<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("href=\"(/[a-z0-9][^\"?#]*)\"");

    @Test
    void no_page_of_the_demo_has_an_inline_script_handler_or_style() {
        List<String> start = List.of("/network", "/" + FILATURE, "/" + ATELIER, "/login");
        assertPagesClean(given().accept("text/html"), List.of("/network", "/login"));
        for (String who : List.of(MEMBER, MEMBER2, MANAGER, TREASURER, ADMIN)) {
            String session = org.tierslieux.server.testsupport.Demo.session(who);
            // the main pages, and every page their menus link to
            java.util.Set<String> pages = new java.util.TreeSet<>(start);
            for (String page : start) {
                String html = browse(session).get(page).asString();
                Matcher link = LINK.matcher(html);
                while (link.find()) {
                    String path = link.group(1);
                    if (!path.startsWith("/static")
                            && !path.startsWith("/webjars")
                            && !path.startsWith("/q/")
                            && !path.startsWith("/lang/")
                            && !path.endsWith(".ics")
                            && !path.contains("/pdf")
                            && !path.contains("/exports/")) {
                        pages.add(path);
                    }
                }
            }
            assertThat(pages.size()).isGreaterThan(4);
            assertPagesClean(browse(session), List.copyOf(pages));
        }
    }

    private static RequestSpecification browse(String session) {
        return given().redirects()
                .follow(false)
                .cookie("tl-session", session)
                .cookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE, csrfOf(session))
                .accept("text/html");
    }

    private static final Map<String, String> CSRF_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String csrfOf(String session) {
        return CSRF_TOKENS.computeIfAbsent(session, org.tierslieux.server.testsupport.Demo::csrfToken);
    }

    private static final Pattern POST_FORM = Pattern.compile(
            "<form\\b[^>]*\\bmethod\\s*=\\s*[\"']?post\\b[^>]*>(.*?)</form>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HTMX_CHANGE =
            Pattern.compile("<[^>]+\\s(?:data-)?hx-(?:post|put|patch|delete)\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    /**
     * CSRF (issue 8, item 5): every form that posts carries the browser's token in its hidden csrf-token field
     * ({@code {#csrf/}}), and a page with an hx-post/put/patch/delete element has the layout's meta tag, from which
     * static/app.js sends the token in the X-CSRF-TOKEN header. A new form without {@code {#csrf/}} fails here.
     */
    private static void assertFormsCarryTheToken(String page, Response response, String html) {
        String cookie = response.getCookie(org.tierslieux.server.testsupport.Demo.CSRF_COOKIE);
        Matcher meta = CSRF_META.matcher(html);
        String token = meta.find() ? meta.group(1) : null;
        Matcher form = POST_FORM.matcher(html);
        boolean anyForm = false;
        while (form.find()) {
            anyForm = true;
            assertThat(token).as("the csrf-token meta tag of " + page).isNotBlank();
            assertThat(form.group(1))
                    .as("a form that posts without {#csrf/} in " + page + ": "
                            + form.group()
                                    .substring(0, Math.min(160, form.group().length())))
                    .contains("<input type=\"hidden\" name=\"csrf-token\" value=\"" + token + "\">");
        }
        if (HTMX_CHANGE.matcher(html).find()) {
            assertThat(token)
                    .as("an htmx change without the csrf-token meta tag in " + page)
                    .isNotBlank();
        }
        if (anyForm && cookie != null) {
            assertThat(token).as("the token of " + page + " is the cookie's").isEqualTo(cookie);
        }
    }

    private static void assertPagesClean(RequestSpecification request, List<String> pages) {
        for (String page : pages) {
            Response response = request.get(page);
            String type = String.valueOf(response.contentType());
            if (!type.startsWith("text/html")) {
                continue;
            }
            String html = response.asString();
            assertThat(INLINE_SCRIPT.matcher(html).find())
                    .as("inline <script> in " + page)
                    .isFalse();
            assertThat(HANDLER.matcher(html).find())
                    .as("on*= handler in " + page)
                    .isFalse();
            assertThat(STYLE.matcher(html).find()).as("inline style in " + page).isFalse();
            assertThat(response.getHeader("Content-Security-Policy")).as(page).contains(CSP);
            assertFormsCarryTheToken(page, response, html);
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() {
        Response login = given().redirects()
                .follow(false)
                .formParam("j_username", MEMBER)
                .formParam("j_password", "demo")
                .post("/j_security_check");
        String cookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tl-session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        // tl.public-url is http:// in tests: Secure stays off (it is on when the public address is https)
        assertThat(cookie).doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    }

    private static String anAccount() {
        String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        as(ADMIN)
                .body(Map.of("email", email, "displayName", "Lock", "password", "a-long-enough-password"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        return email;
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address).accept(ContentType.JSON);
    }

    @Test
    void an_account_is_locked_after_five_failures_and_unlocked_after_the_delay() {
        MovableClock clock = MovableClock.install();
        String email = anAccount();
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 5; i++) {
            from(address)
                    .auth()
                    .preemptive()
                    .basic(email, "wrong-" + i)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401);
        }
        // locked: even the right password is refused, with a 429 problem and Retry-After
        Response locked = from(address)
                .auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/me");
        locked.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("access.login-locked"));
        assertThat(Long.parseLong(locked.getHeader("Retry-After"))).isBetween(1L, 15 * 60L);
        // the form says so too
        given().redirects()
                .follow(false)
                .header("X-Forwarded-For", "203.0.113.250")
                .formParam("j_username", email)
                .formParam("j_password", "a-long-enough-password")
                .post("/j_security_check")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login?locked=15"));
        given().accept("text/html").get("/login?locked=15").then().body(containsString("login-locked"));

        clock.advance(Duration.ofMinutes(16));
        from(address)
                .auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void an_address_is_locked_after_twenty_failures_whatever_the_accounts() {
        MovableClock clock = MovableClock.install();
        String email = anAccount();
        String address = "192.0.2." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 20; i++) {
            from(address)
                    .auth()
                    .preemptive()
                    .basic("nobody-" + i + "@example.org", "whatever-it-is")
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401);
        }
        from(address)
                .auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/me")
                .then()
                .statusCode(429);
        // another address is not concerned
        from("192.0.2.251")
                .auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        clock.advance(Duration.ofMinutes(16));
        from(address)
                .auth()
                .preemptive()
                .basic(email, "a-long-enough-password")
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    @Test
    void weak_passwords_are_refused_with_a_422_problem() {
        String email = "weak-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, String> refused = Map.of(
                "short",
                "person.password-weak",
                email,
                "person.password-is-email",
                email.substring(0, email.indexOf('@')),
                "person.password-is-email",
                "Qwertyuiop",
                "person.password-common",
                "motdepasse123",
                "person.password-common");
        refused.forEach((password, code) -> as(ADMIN)
                .body(Map.of("email", email, "displayName", "Weak", "password", password))
                .post("/api/v1/network/people")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo(code)));
        as(ADMIN)
                .body(Map.of("email", email, "displayName", "Weak", "password", "correct horse battery"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
    }

    @Test
    void a_managers_action_is_in_the_audit_log_for_network_admins_only() {
        String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);
        as(MANAGER)
                .body(Map.of("kind", "MACHINE", "name", name))
                .post("/api/v1/places/" + ATELIER + "/resources")
                .then()
                .statusCode(201);
        // a member's own booking-free GET is no action; a member's refused POST is not a manager's action
        as(MEMBER)
                .body(Map.of("kind", "MACHINE", "name", "Pirate"))
                .post("/api/v1/places/" + ATELIER + "/resources")
                .then()
                .statusCode(403);

        as(ADMIN)
                .get("/api/v1/network/audit?place=" + ATELIER + "&size=200")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.email == 'manager@demo.test' && it.path == '/api/v1/places/" + ATELIER
                                + "/resources' }.method",
                        equalTo("POST"))
                .body(
                        "items.find { it.email == 'manager@demo.test' && it.path == '/api/v1/places/" + ATELIER
                                + "/resources' }.roles",
                        containsString("MANAGER"))
                .body(
                        "items.find { it.email == 'manager@demo.test' && it.path == '/api/v1/places/" + ATELIER
                                + "/resources' }.place",
                        equalTo(ATELIER))
                .body("items.email", not(hasItem(MEMBER)));
        // filters: another place, a period that ended yesterday
        as(ADMIN)
                .get("/api/v1/network/audit?place=" + FILATURE + "&size=200")
                .then()
                .statusCode(200)
                .body("items.place", not(hasItem(ATELIER)));
        as(ADMIN)
                .get("/api/v1/network/audit?to=2000-01-01")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as(ADMIN).get("/api/v1/network/audit?from=yesterday").then().statusCode(422);
        as(ADMIN).get("/api/v1/network/audit?place=no-such-place").then().statusCode(404);

        for (String other : List.of(MANAGER, TREASURER, MEMBER)) {
            as(other).get("/api/v1/network/audit").then().statusCode(403);
            browsing(other).get("/network/audit").then().statusCode(403);
        }
        browsing(ADMIN)
                .get("/network/audit?place=" + ATELIER)
                .then()
                .statusCode(200)
                .body(containsString("audit-entries"))
                .body(containsString("manager@demo.test"));
    }

    @Test
    void the_audit_log_cannot_be_changed_nor_read_across_places_by_the_application_role() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("quarkus.datasource.jdbc.url", String.class),
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("quarkus.datasource.username", String.class),
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getValue("quarkus.datasource.password", String.class));
                var statement = connection.createStatement()) {
            // no place set: the table shows nothing, the network view is read-only
            try (var rows = statement.executeQuery("select count(*) from audit_log")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> statement.executeUpdate("delete from network_audit_log"))
                    .isInstanceOf(java.sql.SQLException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> statement.executeUpdate("update audit_log set status = 200"))
                    .hasMessageContaining("permission denied");
        }
    }
}
