package org.tierslieux.server.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Identity mode {@code oidc} against a real Keycloak: the distribution from Maven Central (unpacked by the build
 * into a cache, see {@code deploy/pom.xml}), started on this JDK with the realm of {@code deploy/keycloak/} and its
 * demo users, and the packaged application ({@code quarkus-run.jar}) started in OIDC mode in front of it. Both are
 * child processes, stopped by their PID at the end (and by a shutdown hook if the build dies).
 *
 * <p>Keycloak is reached through a {@link TcpGate} that the test keeps shut while the application starts, so that
 * "Keycloak down at start" is tested whatever Keycloak's start-up time; an SMTP sink receives Keycloak's mails.
 * Test-only clients (password grant, no audience, a one-second token) and a second realm are added through
 * Keycloak's admin API, so that the realm of {@code deploy/keycloak/} stays what production imports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakJourneyIT {

    private static final Logger LOG = Logger.getLogger(KeycloakJourneyIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "tierslieux";
    private static final String PROBLEM = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path work;
    private Path keycloakHome;
    private TcpGate gate;
    private SmtpSink smtp;
    private ChildProcess keycloak;
    private ChildProcess app;
    private int keycloakPort;
    private String app_;
    private String clientSecret;
    private String adminSecret;
    private ChromeDriver driver;
    private Path browserProfile;

    // ------------------------------------------------------------------ the servers

    @BeforeAll
    void start_keycloak_and_the_application_in_oidc_mode() throws Exception {
        keycloakHome = Path.of(required("tl.keycloak.home"));
        Path realmDir = Path.of(required("tl.keycloak.realm-dir"));
        Path jar = Path.of(required("tl.app.jar"));
        if (!Files.isRegularFile(keycloakHome.resolve("bin/kc.sh")) || !Files.isRegularFile(jar)) {
            fail("Run through Maven (./mvnw verify): it unpacks Keycloak into " + keycloakHome + " and packages " + jar
                    + " before this test.");
        }
        work = Path.of(System.getProperty("tl.it.work", "target/keycloak-it")).toAbsolutePath();
        deleteTree(work.resolve("app-data"));
        Files.createDirectories(work);

        keycloakPort = ChildProcess.freePort();
        gate = new TcpGate(ChildProcess.freePort(), keycloakPort);
        smtp = new SmtpSink();
        int appPort = ChildProcess.freePort();
        app_ = "http://localhost:" + appPort;
        clientSecret = secret();
        adminSecret = secret();

        // a fresh realm on each run: Keycloak's own database is dropped, the realm and demo users imported again
        deleteTree(keycloakHome.resolve("data/h2"));
        Path imports = keycloakHome.resolve("data/import");
        deleteTree(imports);
        Files.createDirectories(imports);
        Files.copy(realmDir.resolve("tierslieux-realm.json"), imports.resolve("tierslieux-realm.json"));
        Files.copy(realmDir.resolve("demo/tierslieux-users-0.json"), imports.resolve("tierslieux-users-0.json"));
        keycloak = startKeycloak();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = Map.ofEntries(
                Map.entry("TL_DATA_DIR", work.resolve("app-data").toString()),
                Map.entry("TL_IDENTITY_MODE", "oidc"),
                // this journey is about signing in; paying first (the demo's default at la-filature) is
                // PaymentJourneyTest's: here the member's desk is confirmed at once, its order left to pay
                Map.entry("TL_DEMO_PAYMENT_FIRST", "false"),
                Map.entry("QUARKUS_HTTP_PORT", String.valueOf(appPort)),
                Map.entry("TL_PUBLIC_URL", app_),
                Map.entry("QUARKUS_OIDC_TENANT_ENABLED", "true"),
                Map.entry("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/" + REALM),
                Map.entry("QUARKUS_OIDC_CREDENTIALS_SECRET", clientSecret),
                Map.entry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", keycloakUrl()),
                Map.entry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET", adminSecret));
        app = ChildProcess.start(
                "the application",
                List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()),
                env,
                work,
                work.resolve("app.log"));
        Duration ready = app.awaitReady(app_ + "/q/health/ready", Duration.ofSeconds(300));
        LOG.infof("Application ready in %s (pid %d), Keycloak (pid %d) starting", ready, app.pid(), keycloak.pid());
    }

    private ChildProcess startKeycloak() throws IOException {
        Map<String, String> env = Map.of(
                "JAVA_HOME",
                System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                "admin",
                // a test server lives a few minutes: the quick compiler alone starts it sooner
                "JAVA_OPTS_APPEND",
                "-XX:TieredStopAtLevel=1",
                "TL_PUBLIC_URL",
                app_,
                "TL_KC_CLIENT_SECRET",
                clientSecret,
                "TL_KC_ADMIN_CLIENT_SECRET",
                adminSecret,
                "TL_KC_SMTP_HOST",
                "localhost",
                "TL_KC_SMTP_PORT",
                String.valueOf(smtp.port()));
        return ChildProcess.start(
                "Keycloak",
                List.of(
                        "bash",
                        keycloakHome.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + keycloakPort,
                        "--import-realm"),
                env,
                keycloakHome,
                work.resolve("keycloak.log"));
    }

    @AfterAll
    void stop_everything_by_pid() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        deleteTree(browserProfile);
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    // ------------------------------------------------------------------ the checks, in order

    @Test
    @Order(1)
    void keycloak_down_at_start_is_a_503_problem_and_the_application_recovers_once_it_is_up() throws Exception {
        // the gate is shut: for the application, Keycloak is down since its start
        given().baseUri(app_)
                .auth()
                .oauth2(unverifiableToken())
                .get("/api/v1/me")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .header("Retry-After", "10")
                .body("code", equalTo("identity.unavailable"));
        given().baseUri(app_)
                .redirects()
                .follow(false)
                .accept("text/html")
                .get("/login/oidc")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login/unavailable"));
        given().baseUri(app_)
                .accept("text/html")
                .header("Accept-Language", "en")
                .get("/login/unavailable")
                .then()
                .statusCode(503)
                .body(containsString("Sign-in service unavailable"));

        Duration started = keycloak.awaitReady(
                "http://localhost:" + keycloakPort + "/realms/" + REALM + "/.well-known/openid-configuration",
                Duration.ofSeconds(300));
        LOG.infof("Keycloak ready after %s more", started);
        gate.open();
        addTestClientsAndAnotherRealm();

        given().baseUri(app_)
                .auth()
                .oauth2(token("member@demo.test", "demo"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("member@demo.test"));
    }

    @Test
    @Order(2)
    void a_real_keycloak_token_calls_the_api_with_the_roles_of_our_tables() {
        String token = token("member@demo.test", "demo");
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("places.slug", hasItems("la-filature", "atelier-commun"));
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/places/la-filature/resources")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThan(0));
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/places/la-filature/bookings/mine")
                .then()
                .statusCode(200);
        // the member is not a manager: roles come from our tables, not from the token
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/places/la-filature/members")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("code", equalTo("access.role-missing"));
    }

    @Test
    @Order(3)
    void expired_forged_wrong_audience_and_other_realm_tokens_are_401_problems() throws Exception {
        String good = token("member@demo.test", "demo");
        String shortLived = token(REALM, "tierslieux-ci-short-lived", "member@demo.test", "demo");
        String noAudience = token(REALM, "tierslieux-ci-no-audience", "member@demo.test", "demo");
        String otherRealm = token("elsewhere", "tierslieux-ci", "member@demo.test", "demo");
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + noAudience.split("\\.")[2];
        // the same claims, re-signed by nobody: a changed payload under the original signature
        String tampered = parts[0] + "." + withClaim(parts[1], "email", "manager@demo.test") + "." + parts[2];
        Thread.sleep(2_500); // the short-lived token (one second) is now expired

        Map<String, String> bad = Map.of(
                "expired", shortLived,
                "forged signature", forged,
                "tampered payload", tampered,
                "wrong audience", noAudience,
                "other realm", otherRealm,
                "not a token", "definitely-not-a-jwt");
        bad.forEach((what, token) -> {
            var response = given().baseUri(app_).auth().oauth2(token).get("/api/v1/me");
            assertThat(response.statusCode()).as(what).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith(PROBLEM);
            assertThat(response.header("WWW-Authenticate")).as(what).contains("Bearer");
            assertThat(response.<String>path("code")).as(what).isEqualTo("access.unauthenticated");
        });
    }

    @Test
    @Order(4)
    void someone_signing_in_for_the_first_time_gets_an_account_but_no_place() throws Exception {
        String email = "first-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        createKeycloakUser(email, "Paloma", "Primo", "first-time-password-1");
        String token = token(email, "first-time-password-1");
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("displayName", equalTo("Paloma Primo"))
                .body("places", empty());
        given().baseUri(app_)
                .auth()
                .oauth2(token)
                .get("/api/v1/places/la-filature/resources")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("code", equalTo("access.not-a-member"));
    }

    @Test
    @Order(5)
    void in_the_browser_a_member_signs_in_on_keycloaks_page_books_a_desk_and_signs_out() throws IOException {
        startTheBrowser();
        driver.get(app_ + "/la-filature/book");
        // our /login sends to /login/oidc, which sends to Keycloak's own page
        WebElement username = new WebDriverWait(driver, WAIT)
                .withMessage(() -> "Keycloak's login page, at " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(keycloakUrl() + "/realms/" + REALM + "/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        screenshot("keycloak-login");
        username.sendKeys("member@demo.test");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();

        // back on our site, on the page that asked for the sign-in
        waitForUrl(app_ + "/la-filature/book");
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElements(By.cssSelector("section.day")).isEmpty());
        assertThat(driver.findElement(By.id("logout")).isDisplayed()).isTrue();
        for (int week = 0; week < 2; week++) {
            String shown = driver.findElement(By.cssSelector("main hgroup p")).getText();
            driver.findElement(By.id("next-week")).click();
            new WebDriverWait(driver, WAIT)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElement(By.cssSelector("main hgroup p"))
                            .getText()
                            .equals(shown));
        }
        WebElement desk = new WebDriverWait(driver, WAIT)
                .until(d -> d
                        .findElements(
                                By.cssSelector(
                                        "div.resource-slots[data-name='Bureau fixe 1'], div.resource-slots[data-name='Bureau fixe 2']"))
                        .stream()
                        .findFirst()
                        .orElse(null));
        String deskName = desk.getAttribute("data-name");
        desk.findElement(By.cssSelector("button")).click();
        // desks have a price in the demo: the quote comes first, and the member confirms it
        WebElement confirm = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("confirm-booking")));
        assertThat(driver.findElement(By.id("quote")).getText()).contains(deskName);
        confirm.click();
        waitForUrl(app_ + "/la-filature/bookings");
        assertThat(new WebDriverWait(driver, WAIT)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("booked")))
                        .getText())
                .contains(deskName);
        screenshot("keycloak-booked");

        // signing out ends Keycloak's session too (end-session endpoint), then back to our site
        driver.findElement(By.id("logout")).click();
        waitForUrl(app_ + "/network");
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "signed out, at " + driver.getCurrentUrl())
                .until(d -> !d.findElements(By.id("login-link")).isEmpty());
        assertThat(driver.findElements(By.id("logout"))).isEmpty();
        driver.get(app_ + "/la-filature/bookings");
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "Keycloak asks for the password again, at " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("keycloak-signed-out");
    }

    @Test
    @Order(6)
    void a_manager_invites_someone_and_keycloak_mails_them_how_to_choose_a_password() throws Exception {
        String manager = token("manager@demo.test", "demo");
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        invite(manager, email, "Inès Invitée")
                .statusCode(201)
                .body("email", equalTo(email))
                .body("role", equalTo("MEMBER"))
                .body("delivery", equalTo("KEYCLOAK_ACTIONS"));
        var mail =
                smtp.awaitFor(email, WAIT).orElseThrow(() -> new AssertionError("no mail from Keycloak to " + email));
        assertThat(mail.data()).contains("action-token");

        JsonNode users = adminGet("/users?exact=true&email=" + email);
        assertThat(users).hasSize(1);
        assertThat(users.get(0).path("emailVerified").asBoolean()).isFalse();
        given().baseUri(app_)
                .auth()
                .oauth2(manager)
                .get("/api/v1/places/la-filature/members?size=200")
                .then()
                .statusCode(200)
                .body("items.find { it.email == '" + email + "' }.roles", hasItems("MEMBER"));

        // someone who can already sign in only gets a notice from us, and the role
        invite(manager, "member2@demo.test", null).statusCode(201).body("delivery", equalTo("NOTICE"));
    }

    @Test
    @Order(7)
    void keycloak_stopped_during_requests_is_a_503_problem_and_the_application_recovers_when_it_returns()
            throws Exception {
        String manager = token("manager@demo.test", "demo");
        String member = token("member@demo.test", "demo");

        keycloak.stop();
        assertThat(keycloak.isAlive()).isFalse();

        invite(manager, "while-down@example.test", null)
                .statusCode(503)
                .contentType(PROBLEM)
                .body("code", equalTo("identity.unavailable"));
        // a token already verified with the keys Keycloak published needs no call to Keycloak
        given().baseUri(app_).auth().oauth2(member).get("/api/v1/me").then().statusCode(200);
        // starting a sign-in only redirects to Keycloak: never a 500
        given().baseUri(app_)
                .redirects()
                .follow(false)
                .accept("text/html")
                .get("/login/oidc")
                .then()
                .statusCode(302);

        Instant restart = Instant.now();
        keycloak = startKeycloak();
        keycloak.awaitReady(
                "http://localhost:" + keycloakPort + "/realms/" + REALM + "/.well-known/openid-configuration",
                Duration.ofSeconds(300));
        LOG.infof("Keycloak back after %s", Duration.between(restart, Instant.now()));

        invite(token("manager@demo.test", "demo"), "while-down@example.test", null)
                .statusCode(201)
                .body("delivery", equalTo("KEYCLOAK_ACTIONS"));
        given().baseUri(app_)
                .auth()
                .oauth2(token("member@demo.test", "demo"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
    }

    // ------------------------------------------------------------------ Keycloak

    private String keycloakUrl() {
        return "http://localhost:" + gate.port();
    }

    private String token(String username, String password) {
        return token(REALM, "tierslieux-ci", username, password);
    }

    private String token(String realm, String client, String username, String password) {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post("/realms/" + realm + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private String adminToken() {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private JsonNode adminGet(String path) throws IOException {
        String body = given().baseUri(keycloakUrl())
                .auth()
                .oauth2(adminToken())
                .get("/admin/realms/" + REALM + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }

    private void addTestClientsAndAnotherRealm() throws IOException {
        String admin = adminToken();
        JsonNode clients = JSON.readTree(resource("keycloak/ci-clients.json"));
        for (JsonNode client : clients) {
            given().baseUri(keycloakUrl())
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(client.toString())
                    .post("/admin/realms/" + REALM + "/clients")
                    .then()
                    .statusCode(201);
        }
        given().baseUri(keycloakUrl())
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(resource("keycloak/elsewhere-realm.json"))
                .post("/admin/realms")
                .then()
                .statusCode(201);
    }

    private void createKeycloakUser(String email, String first, String last, String password) {
        given().baseUri(keycloakUrl())
                .auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username", email,
                        "email", email,
                        "emailVerified", true,
                        "enabled", true,
                        "firstName", first,
                        "lastName", last,
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/admin/realms/" + REALM + "/users")
                .then()
                .statusCode(201);
    }

    private ValidatableResponse invite(String token, String email, String name) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("email", email);
        if (name != null) {
            body.put("displayName", name);
        }
        return given().baseUri(app_)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/places/la-filature/invitations")
                .then();
    }

    /** A well-formed JWT that nobody signed: the application cannot even try without Keycloak's keys. */
    private String unverifiableToken() {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown\"}");
        String payload = b64("{\"sub\":\"someone\",\"iss\":\"" + keycloakUrl() + "/realms/" + REALM
                + "\",\"aud\":\"tierslieux-api\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        return header + "." + payload + "." + b64("not-a-signature");
    }

    private static String withClaim(String payload, String claim, String value) throws IOException {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Base64.getUrlDecoder().decode(payload));
        node.put(claim, value);
        return b64(node.toString());
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ the browser

    private void startTheBrowser() throws IOException {
        Path chromium = Path.of(System.getProperty("tl.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("tl.browser.chromedriver", "/usr/bin/chromedriver"));
        List<String> missing = Stream.of(chromium, chromedriver)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            String message =
                    "The Keycloak browser journey needs Debian's Chromium and chromedriver, missing: " + missing;
            if (Boolean.getBoolean("tl.browser.required")) {
                fail(message + ". tl.browser.required=true: failing instead of skipping.");
            }
            Assumptions.abort(message + ". Skipped.");
        }
        browserProfile = Files.createTempDirectory("tl-chromium-keycloak");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + browserProfile,
                "--window-size=500,900",
                "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private void waitForUrl(String url) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the address " + url + ", at " + driver.getCurrentUrl())
                .until(d -> {
                    String current = d.getCurrentUrl();
                    return current.equals(url) || current.startsWith(url + "?") || current.startsWith(url + "#");
                });
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("No screenshot %s: %s", name, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ files

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set: run this test through Maven (./mvnw verify).");
        }
        return value;
    }

    private static String secret() {
        return (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "");
    }

    private static String resource(String name) throws IOException {
        try (var in = KeycloakJourneyIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
