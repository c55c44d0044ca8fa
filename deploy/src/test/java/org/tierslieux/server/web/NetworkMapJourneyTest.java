package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The network's public map and its observatory in a real browser, at the size of a phone: a visitor (not signed
 * in) sees both demo places as Leaflet markers and in the list, opens la-filature's public page; the network
 * admin opens the observatory and sees its charts drawn. Chromium as in {@link BrowserJourneyTest} (skipped
 * without it unless {@code -Dtl.browser.required=true}).
 */
@QuarkusTest
class NetworkMapJourneyTest {

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

    @Test
    void a_visitor_finds_the_places_on_the_map_and_the_network_admin_sees_the_observatory_charts() {
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        var driver = BrowserJourneyTest.driver;
        b.every_journey_starts_signed_out_in_french();

        // a visitor, not signed in: the map's markers and the list
        b.open("/network");
        b.waitForPath("/network");
        List<WebElement> markers = new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                .withMessage(() -> "the places' markers on the map, at " + b.where())
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                        By.cssSelector("#network-map .leaflet-marker-icon[data-slug]")));
        List<String> slugs =
                markers.stream().map(m -> m.getAttribute("data-slug")).toList();
        assertThat(slugs).contains(FILATURE, ATELIER);
        assertThat(b.visible(By.id("network-map")).getAttribute("class")).contains("leaflet-container");
        assertThat(b.visible(By.id(FILATURE)).getText()).contains("La Filature");
        assertThat(b.visible(By.id(ATELIER)).getText()).contains("Roubaix");
        assertThat(b.visible(By.id("login-link")).isDisplayed()).isTrue();
        b.screenshot("network-map-phone");
        b.assertNoHorizontalScroll();

        // a marker's popup leads to the public page too
        ((JavascriptExecutor) driver)
                .executeScript("document.querySelector(\"#network-map .leaflet-marker-icon[data-slug='" + FILATURE
                        + "']\").click()");
        WebElement popupLink = b.visible(By.cssSelector("#network-map .leaflet-popup a.map-popup-link"));
        assertThat(popupLink.getAttribute("href")).endsWith("/network/places/" + FILATURE);

        // the list's link: la-filature's public page
        b.clickable(By.cssSelector("article#" + FILATURE + " a.public-page")).click();
        b.waitForPath("/network/places/" + FILATURE);
        assertThat(b.visible(By.id("place-name")).getText()).isEqualTo("La Filature");
        assertThat(b.visible(By.id("place-address")).getText())
                .contains("12 rue du Fil")
                .contains("Lille");
        assertThat(b.visible(By.id("place-hours")).getText()).containsIgnoringCase("lundi");
        assertThat(b.visible(By.id("place-resources")).getText()).isNotBlank();
        assertThat(b.visible(By.id("place-prices")).getText()).contains("EUR");
        b.screenshot("network-place-phone");
        b.assertNoHorizontalScroll();

        // the network admin: the observatory's charts and tables
        b.open("/network/observatory");
        b.waitForPath("/login");
        b.signInAs(ADMIN);
        b.waitForPath("/network/observatory");
        for (String chart : List.of("chart-occupancy", "chart-activity")) {
            new WebDriverWait(driver, BrowserJourneyTest.WAIT)
                    .withMessage(() -> "the chart " + chart + " drawn, at " + b.where())
                    .until(d -> "true".equals(d.findElement(By.id(chart)).getAttribute("data-drawn")));
            Object drawn = ((JavascriptExecutor) driver)
                    .executeScript("return !!Chart.getChart(document.getElementById('" + chart + "'))");
            assertThat(drawn).isEqualTo(true);
        }
        assertThat(b.visible(By.id("observatory-totals")).getText()).isNotBlank();
        assertThat(driver.findElements(By.id("observatory-" + FILATURE))).hasSize(1);
        assertThat(driver.findElements(By.id("observatory-" + ATELIER))).hasSize(1);
        b.screenshot("network-observatory-phone");
        b.assertNoHorizontalScroll();
    }
}
