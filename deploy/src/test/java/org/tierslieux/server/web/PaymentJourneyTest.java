package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tierslieux.server.testsupport.Demo;

/**
 * The demo member pays a room of la-filature online, in a real browser: la-filature asks for payment first (as the
 * embedded demo does once seeded), the booking's quote is confirmed, the pay page sends the member to the (local)
 * Mollie checkout, which comes back to the return page; "Mes factures" lists the invoice, whose PDF is downloaded.
 * Chromium as in {@link BrowserJourneyTest} (skipped without it unless {@code -Dtl.browser.required=true}).
 */
@QuarkusTest
class PaymentJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start_the_browser() throws IOException {
        BrowserJourneyTest.start_the_browser();
    }

    @AfterAll
    static void quit_the_browser() throws IOException {
        BrowserJourneyTest.quit_the_browser();
    }

    /** The test profile keeps la-filature confirming at once (other tests book there): this journey pays first. */
    private static void paymentFirst(boolean required) {
        Demo.as(MANAGER)
                .body(Map.of("holdMinutes", 30, "paymentRequired", required))
                .put("/api/v1/places/" + FILATURE + "/orders/settings")
                .then()
                .statusCode(200);
    }

    @Test
    void the_demo_member_pays_a_room_online_and_downloads_the_invoice() throws IOException {
        paymentFirst(true);
        try {
            pays_a_room_online_and_downloads_the_invoice();
        } finally {
            paymentFirst(false);
        }
    }

    private void pays_a_room_online_and_downloads_the_invoice() throws IOException {
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        var driver = BrowserJourneyTest.driver;
        List<String> overflows = new java.util.ArrayList<>();
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE);
        b.waitForPath("/login");
        b.signInAs(MEMBER);
        b.waitForPath("/" + FILATURE);

        // a room, three weeks ahead: free whatever the day of the run
        b.clickable(By.id("nav-book")).click();
        b.waitForPath("/" + FILATURE + "/book");
        for (int week = 0; week < 3; week++) {
            String shown = b.visible(By.cssSelector("main hgroup p")).getText();
            b.clickable(By.id("next-week")).click();
            new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                    .withMessage(() -> "the next week, at " + b.where())
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElement(By.cssSelector("main hgroup p"))
                            .getText()
                            .equals(shown));
        }
        WebElement room = b.waitFor(By.cssSelector("div.resource-slots[data-name='Salle Navette']"))
                .get(0);
        room.findElement(By.cssSelector("button")).click();
        WebElement confirm = b.clickable(By.id("confirm-booking"));
        assertThat(b.visible(By.id("quote")).getText())
                .contains("Salle Navette")
                .contains("EUR");
        b.screenshot("pay-quote-phone");
        confirm.click();

        // payment first: straight to the pay page of the booking's order
        new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                .withMessage(() -> "the pay page, at " + b.where())
                .until(d -> b.path().startsWith("/" + FILATURE + "/checkout/"));
        WebElement checkout = b.visible(By.id("checkout"));
        String order = checkout.getAttribute("data-order");
        assertThat(checkout.getAttribute("data-status")).isEqualTo("PENDING");
        String amount = b.visible(By.id("amount")).getText();
        assertThat(amount).contains("15");
        b.screenshot("pay-page-phone");
        fits(b, overflows);
        WebElement payOnline = b.clickable(By.id("pay-online"));
        // the button sits low on a phone's screen: submitted as a tap would, through its form
        driver.executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].form.requestSubmit(arguments[0]);",
                payOnline);

        // the (local) Mollie checkout: "paid" is the choice
        try {
            new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> b.path().startsWith("/checkout/"));
        } catch (org.openqa.selenium.TimeoutException stayed) {
            // the pay page's redirect was not followed: note why, and go on at the address it gave
            String url = Demo.as(MEMBER)
                    .get("/api/v1/places/" + FILATURE + "/orders/" + order)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("payments[-1].checkoutUrl");
            Object logs;
            try {
                logs = driver.manage().logs().get("browser").getAll().toString();
            } catch (RuntimeException e) {
                logs = e.toString();
            }
            overflows.add("the pay page did not lead to the checkout " + url + " (browser log: " + logs + ")");
            driver.get(url);
        }
        new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                .withMessage(() -> {
                    b.screenshot("pay-after-pay-online");
                    return "the Mollie checkout page, at " + b.where();
                })
                .until(d -> b.path().startsWith("/checkout/")
                        && !d.findElements(By.id("continue")).isEmpty());
        WebElement paid = driver.findElement(By.cssSelector("input[name='status'][value='paid']"));
        if (!paid.isSelected()) {
            paid.click();
        }
        b.screenshot("pay-mollie-checkout");
        b.clickable(By.id("continue")).click();

        String back = "/" + FILATURE + "/checkout/" + order + "/return";
        new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                .withMessage(() -> "back from Mollie, at " + b.where())
                .until(d -> b.path().equals(back));
        if (URI.create(driver.getCurrentUrl()).getPort() != base.getPort()) {
            // tl.public-url names another port than the test server's: note it, go on where it should have led
            overflows.add(
                    "Mollie sent the member back to " + driver.getCurrentUrl() + ", not to port " + base.getPort());
            b.open(back);
        }
        b.waitForPath(back);
        WebElement returned = b.visible(By.id("checkout-return"));
        assertThat(returned.getAttribute("data-outcome")).isEqualTo("paid");
        assertThat(b.visible(By.id("paid")).isDisplayed()).isTrue();
        b.screenshot("pay-return-phone");
        fits(b, overflows);

        // "Mes factures": the newest invoice is the room's, its PDF carries its number
        b.clickable(By.id("invoices-link")).click();
        b.waitForPath("/" + FILATURE + "/invoices");
        List<WebElement> rows = b.waitFor(By.cssSelector("#invoices tr.invoice[data-type='INVOICE']"));
        WebElement newest = rows.get(0);
        String number = newest.getAttribute("data-number");
        assertThat(number).isNotBlank();
        assertThat(newest.getText()).contains(number);
        b.screenshot("pay-invoices-phone");
        fits(b, overflows);
        WebElement download = newest.findElement(By.cssSelector("a.download-pdf"));
        // a plain link: htmx must not swap a PDF into the page
        assertThat(download.getAttribute("hx-boost")).isEqualTo("false");
        String href = download.getAttribute("href");

        Object fetched = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                        + " const bytes = new Uint8Array(await r.arrayBuffer()); let s = '';"
                        + " for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                        + " done([r.status, r.headers.get('Content-Type'), r.headers.get('Content-Disposition'), btoa(s)]);"
                        + "}, e => done([-1, String(e), null, '']));",
                href);
        @SuppressWarnings("unchecked")
        List<Object> response = (List<Object>) fetched;
        assertThat(((Number) response.get(0)).intValue())
                .as("PDF download of %s", href)
                .isEqualTo(200);
        assertThat((String) response.get(1)).startsWith("application/pdf");
        assertThat((String) response.get(2)).contains(".pdf");
        byte[] pdf = Base64.getDecoder().decode((String) response.get(3));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(number).contains("Salle Navette");
        }
        assertThat(overflows)
                .as("pages wider than a phone, wrong return address")
                .isEmpty();
    }

    /** Notes (to fail at the end, after the whole journey) a page wider than the phone, with what sticks out. */
    private static void fits(BrowserJourneyTest b, List<String> overflows) {
        try {
            b.assertNoHorizontalScroll();
        } catch (AssertionError e) {
            Object wide = BrowserJourneyTest.driver.executeScript("const w = window.innerWidth; const out = [];"
                    + "document.querySelectorAll('body *').forEach(el => { const r = el.getBoundingClientRect();"
                    + " if (r.right > 401) out.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className"
                    + " + ' right=' + Math.round(r.right) + ' ' + (el.textContent || '').trim().slice(0, 60)); });"
                    + "return out.slice(0, 8).join(' | ');");
            overflows.add(b.path() + ": " + e.getMessage().lines().findFirst().orElse("") + " -> " + wide);
        }
    }
}
