package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.TREASURER;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tierslieux.server.testsupport.Bookings;

/**
 * The network pass in Chromium, on a phone: member2@demo.test, of L'Atelier Commun only (where the demo gave them
 * an active plan), books a desk-day at La Filature from their pass page; the treasurer then finds the visit in the
 * month's settlement report.
 */
@QuarkusTest
class NetworkPassJourneyTest {

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
    void member2_books_a_network_desk_day_at_la_filature_and_the_treasurer_sees_it_in_the_settlement() {
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        var driver = BrowserJourneyTest.driver;
        LocalDate day = Bookings.aTuesday().plusWeeks(1);

        b.every_journey_starts_signed_out_in_french();
        b.open("/network/pass");
        b.waitForPath("/login");
        b.signInAs(MEMBER2);
        b.waitForPath("/network/pass");
        assertThat(b.visible(By.id("pass-home")).getText()).isEqualTo("L'Atelier Commun");
        b.assertNoHorizontalScroll();
        // a date field types differently in every locale: the value is set as the browser would submit it
        driver.executeScript("document.getElementById('day-" + FILATURE + "').value = arguments[0];", day.toString());
        b.clickable(By.id("book-" + FILATURE + "-submit")).click();
        b.waitForPath("/network/pass");
        // the open space, offered first, for nothing: the home place settles with the host
        assertThat(b.visible(By.id("pass-booked")).getText())
                .contains("La Filature")
                .contains("Open space");
        assertThat(b.visible(By.id("pass-visits")).getText()).contains("La Filature");
        b.screenshot("network-pass-booked");

        // the treasurer reads the month's settlement
        b.every_journey_starts_signed_out_in_french();
        b.open("/network/settlements?month=" + YearMonth.from(day));
        b.waitForPath("/login");
        b.signInAs(TREASURER);
        b.waitForPath("/network/settlements");
        String lines = b.visible(By.id("settlement-lines")).getText();
        assertThat(lines).contains("La Filature").contains("L'Atelier Commun").contains("Malo Membre");
        assertThat(b.visible(By.id("balance-" + FILATURE)).getText()).contains("La Filature");
        b.assertNoHorizontalScroll();
        b.screenshot("network-settlement");
    }
}
