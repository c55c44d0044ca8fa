package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.PASSWORD;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main journeys in a real browser, at the size of a phone: Debian's headless Chromium driven by Selenium.
 *
 * <p>Without Chromium or chromedriver the class is skipped, unless {@code -Dtl.browser.required=true} (as in
 * {@code .ci/run}): then it fails. Other binaries may be given with {@code -Dtl.browser.chromium=...} and
 * {@code -Dtl.browser.chromedriver=...}. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserJourneyTest {

    static final int PHONE_WIDTH = 400;
    static final int PHONE_HEIGHT = 900;
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriver driver;
    static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start_the_browser() throws IOException {
        Path chromium = Path.of(System.getProperty("tl.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("tl.browser.chromedriver", "/usr/bin/chromedriver"));
        List<String> missing = Stream.of(chromium, chromedriver)
                .filter(p -> !Files.isExecutable(p))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            String message = "Browser journeys need Debian's Chromium and chromedriver, missing here: " + missing
                    + " (install them with: apt-get install -y chromium chromium-driver)";
            if (Boolean.getBoolean("tl.browser.required")) {
                fail(message + ". tl.browser.required=true: failing instead of skipping.");
            }
            message += ". Skipped; give -Dtl.browser.required=true to fail instead.";
            Logger.getLogger(BrowserJourneyTest.class).warn(message);
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("tl-chromium-profile");
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
                "--user-data-dir=" + profile,
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT,
                "--lang=fr-FR");
        // a French person's browser: the application follows Accept-Language when no language was chosen
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Chromium keeps a window at least 500 px wide: the phone's viewport is emulated
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterAll
    static void quit_the_browser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            profile = null;
        }
    }

    @BeforeEach
    void every_journey_starts_signed_out_in_french() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void the_demo_member_signs_in_and_sees_the_resources_of_la_filature_on_a_phone() {
        open("/" + FILATURE);
        waitForPath("/login");

        signInAs(MEMBER);

        waitForPath("/" + FILATURE);
        List<String> names = waitFor(By.cssSelector("article.resource strong.resource-name")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).contains("Open space", "Salle Jacquard");
        assertThat(driver.findElements(By.id("add-resource")))
                .as("a member is not offered to add a resource")
                .isEmpty();

        assertNoHorizontalScroll();
        screenshot("la-filature-phone");
    }

    @Test
    void a_manager_adds_a_resource_through_the_form_and_sees_it_in_the_list() {
        String name = "Salle Navette " + UUID.randomUUID().toString().substring(0, 6);
        open("/" + FILATURE);
        waitForPath("/login");
        signInAs(MANAGER);
        waitForPath("/" + FILATURE);

        clickable(By.id("add-resource")).click();
        waitForPath("/" + FILATURE + "/resources/new");
        assertNoHorizontalScroll();
        new Select(visible(By.name("kind"))).selectByValue("ROOM");
        visible(By.name("name")).sendKeys(name);
        visible(By.name("capacity")).sendKeys("beaucoup");
        clickable(By.id("save-resource")).click();
        // refused: the form comes back with the reason and what was typed
        WebElement refusal = visible(By.id("form-error"));
        assertThat(refusal.getText()).contains("beaucoup");
        assertThat(visible(By.name("name")).getAttribute("value")).isEqualTo(name);
        visible(By.name("capacity")).clear();
        visible(By.name("capacity")).sendKeys("8");
        screenshot("resource-form-phone");
        clickable(By.id("save-resource")).click();

        waitForPath("/" + FILATURE);
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the new resource \"" + name + "\" in the list, at " + where())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("article.resource strong.resource-name")).stream()
                        .anyMatch(e -> e.getText().equals(name)));
        WebElement added = driver.findElements(By.cssSelector("article.resource")).stream()
                .filter(a -> a.findElement(By.cssSelector("strong.resource-name"))
                        .getText()
                        .equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(added.getAttribute("data-kind")).isEqualTo("ROOM");
        assertThat(added.getText()).contains("8");
        assertNoHorizontalScroll();
    }

    @Test
    void a_member_of_another_place_opening_la_filature_sees_a_clear_refusal_without_a_stack_trace() {
        open("/" + FILATURE);
        waitForPath("/login");
        signInAs(MEMBER2);
        waitForPath("/" + FILATURE);

        String detail = visible(By.id("error-detail")).getText();
        assertThat(detail).isEqualTo("Vous n'êtes pas membre de ce lieu.");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        assertThat(status()).as("HTTP status of " + driver.getCurrentUrl()).isEqualTo(403);
        String page = driver.getPageSource();
        assertThat(page)
                .as("the refusal page shows no technical detail")
                .doesNotContain("Exception", "\tat ", "at org.", "at io.", "io.quarkus", "java.lang", "Caused by");
        assertThat(driver.findElements(By.cssSelector("article.resource"))).isEmpty();
        assertNoHorizontalScroll();
        screenshot("refusal-phone");
    }

    @Test
    void switching_to_english_shows_english_texts() {
        open("/login");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Connexion");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

        clickable(By.cssSelector("header a[lang='en']")).click();

        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "an English page after the language switch, at " + where())
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForPath("/login");
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Sign in");
        assertThat(driver.getTitle()).startsWith("Sign in");
        assertThat(visible(By.id("sign-in")).getText()).isEqualTo("Sign in");
        assertThat(driver.findElements(By.cssSelector("header a[lang='fr']")))
                .as("a link back to French")
                .isNotEmpty();
        screenshot("login-english-phone");

        // the choice lasts: the pages after signing in are in English too
        signInAs(MEMBER);
        open("/" + FILATURE);
        waitFor(By.cssSelector("article.resource"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.cssSelector("main hgroup p")).getText())
                .isEqualTo("Resources");
    }

    @Test
    void the_demo_member_books_a_desk_at_la_filature_and_finds_it_under_my_bookings() {
        open("/" + FILATURE);
        waitForPath("/login");
        signInAs(MEMBER);
        waitForPath("/" + FILATURE);

        clickable(By.id("nav-book")).click();
        waitForPath("/" + FILATURE + "/book");
        waitFor(By.cssSelector("section.day"));
        assertNoHorizontalScroll();
        // a week far enough ahead to be free whatever the day of the run
        String firstWeek = visible(By.cssSelector("main hgroup p")).getText();
        clickable(By.id("next-week")).click();
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the next week, at " + where())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector("main hgroup p"))
                        .getText()
                        .equals(firstWeek));
        String secondWeek = visible(By.cssSelector("main hgroup p")).getText();
        clickable(By.id("next-week")).click();
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the week after, at " + where())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector("main hgroup p"))
                        .getText()
                        .equals(secondWeek));
        assertThat(driver.getCurrentUrl()).contains("week=");

        WebElement desk = waitFor(By.cssSelector(
                        "div.resource-slots[data-name='Bureau fixe 1'], div.resource-slots[data-name='Bureau fixe 2']"))
                .get(0);
        String deskName = desk.getAttribute("data-name");
        WebElement slot = desk.findElement(By.cssSelector("button"));
        String time = slot.getText();
        assertNoHorizontalScroll();
        screenshot("book-week-phone");
        slot.click();

        // desks have a price in the demo: the quote comes before the booking, which the member confirms
        WebElement confirm = clickable(By.id("confirm-booking"));
        assertThat(visible(By.id("quote")).getText()).contains(deskName).contains("EUR");
        assertNoHorizontalScroll();
        screenshot("book-confirm-phone");
        confirm.click();

        waitForPath("/" + FILATURE + "/bookings");
        assertThat(visible(By.id("booked")).getText()).contains(deskName);
        String start = time.substring(0, 5);
        List<String> mine = waitFor(By.cssSelector("#upcoming li.booking")).stream()
                .filter(li -> deskName.equals(li.getAttribute("data-resource-name")))
                .map(li -> li.findElement(By.cssSelector(".booking-when")).getText())
                .toList();
        assertThat(mine).as("the booked desk under \"my bookings\"").anyMatch(when -> when.contains(start));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mes réservations");
        assertNoHorizontalScroll();
        screenshot("my-bookings-phone");

        // a longer booking from the resource's page
        open("/" + FILATURE + "/book");
        clickable(By.cssSelector("div.resource-slots[data-name='Open space'] h3 a"))
                .click();
        waitFor(By.id("longer-form"));
        assertNoHorizontalScroll();
        screenshot("book-resource-phone");
    }

    @Test
    void the_managers_pages_fit_a_phone() {
        open("/" + FILATURE);
        waitForPath("/login");
        signInAs(MANAGER);
        waitForPath("/" + FILATURE);
        for (String page : List.of("calendar", "hours", "closures", "rules", "trainings", "prices")) {
            clickable(By.id("nav-" + page)).click();
            waitForPath("/" + FILATURE + "/manage/" + page);
            assertThat(status()).as("HTTP status of " + driver.getCurrentUrl()).isEqualTo(200);
            assertNoHorizontalScroll();
            screenshot("manage-" + page + "-phone");
        }
        // a week with a booking, in the week view
        String room = BookingPagesTest.aResource(
                FILATURE, "ROOM", "Salle écran " + UUID.randomUUID().toString().substring(0, 4), 6);
        java.time.LocalDate day = BookingPagesTest.tuesday();
        BookingPagesTest.bookThroughTheApi(MEMBER, FILATURE, room, day, 10, 12);
        open("/" + FILATURE + "/manage/calendar?view=week&day=" + day);
        waitFor(By.cssSelector(".cal-entry"));
        assertThat(driver.findElement(By.id("calendar")).getText()).contains("Mina Membre");
        assertNoHorizontalScroll();
        screenshot("manage-calendar-week-phone");

        // a training of the fablab, with its sessions and the qualified members
        open("/" + ATELIER + "/manage/trainings");
        clickable(By.cssSelector("article.training[data-name='Formation découpe laser'] header a"))
                .click();
        waitFor(By.id("sessions"));
        assertThat(visible(By.tagName("h1")).getText()).isEqualTo("Formation découpe laser");
        assertNoHorizontalScroll();
        screenshot("manage-training-phone");
    }

    // --- helpers

    void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    void signInAs(String email) {
        visible(By.id("email")).sendKeys(email);
        visible(By.id("password")).sendKeys(PASSWORD);
        clickable(By.id("sign-in")).click();
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "leaving the login page after signing in as " + email + ", at " + where())
                .until(d -> !path().startsWith("/login") && !path().startsWith("/j_security_check"));
    }

    /** Where the browser is and what it shows, for failure messages. */
    String where() {
        String text;
        try {
            text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
        } catch (RuntimeException e) {
            text = "(no page: " + e.getClass().getSimpleName() + ")";
        }
        return driver.getCurrentUrl() + ", showing: \"" + (text.length() > 300 ? text.substring(0, 300) + "..." : text)
                + "\"";
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void waitForPath(String expected) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the page " + expected + ", at " + where())
                .until(d -> path().equals(expected));
        new WebDriverWait(driver, WAIT)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    List<WebElement> waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfAllElementsLocatedBy(by));
    }

    long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    /** The HTTP status of the current page, asked again with the same cookies. */
    int status() {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})"
                + ".then(r => done(r.status), e => done(-1));");
        return ((Number) status).intValue();
    }

    void assertNoHorizontalScroll() {
        long scrollWidth = number("return document.documentElement.scrollWidth");
        long innerWidth = number("return window.innerWidth");
        // a phone would zoom out to fit a page that is too wide: the viewport must stay at the phone's width
        assertThat(innerWidth)
                .as("viewport width on %s (the page does not fit a phone's width)", driver.getCurrentUrl())
                .isEqualTo(PHONE_WIDTH);
        assertThat(scrollWidth)
                .as("page width at %d px on %s: no horizontal scroll", innerWidth, driver.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth + 1);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
