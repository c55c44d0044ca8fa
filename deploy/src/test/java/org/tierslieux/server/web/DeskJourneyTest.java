package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tierslieux.server.testsupport.Demo;

/**
 * The demo member books a hot desk (a day in the open space) at la-filature on the desks page, with a carnet
 * day: the confirmation shows the carnet paying for the day and nothing to pay, the booking lands under "my
 * bookings" and the carnet has one day less. Chromium as in {@link BrowserJourneyTest} (skipped without it
 * unless {@code -Dtl.browser.required=true}).
 */
@QuarkusTest
class DeskJourneyTest {

    private static final String CARNET = "Carnet 10 journées";

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
    void the_demo_member_books_a_hot_desk_with_a_carnet_day_and_is_not_charged() {
        double before = carnetLeft();
        assertThat(before).as("the demo member's carnet (DemoDesks)").isGreaterThan(0);
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE);
        b.waitForPath("/login");
        b.signInAs(MEMBER);
        b.waitForPath("/" + FILATURE);

        b.clickable(By.id("nav-desks")).click();
        b.waitForPath("/" + FILATURE + "/desks");
        assertThat(b.visible(By.id("desk-credits")).getText()).contains(CARNET);
        b.assertNoHorizontalScroll();
        // next month's first days: this month's plan days no longer apply, the carnet pays
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(1).withDayOfMonth(1);
        b.open("/" + FILATURE + "/desks?from=" + first);
        List<WebElement> days =
                b.waitFor(By.cssSelector("section.desk-pool[data-pool-name='Open space'] button.book-DAY"));
        b.screenshot("desks-phone");
        days.get(0).click();

        WebElement confirm = b.clickable(By.id("confirm-booking"));
        String quote = b.visible(By.id("quote")).getText();
        assertThat(quote).contains(CARNET);
        assertThat(b.visible(By.id("quote-charged")).getText()).contains("0.00");
        b.assertNoHorizontalScroll();
        b.screenshot("desk-confirm-carnet-phone");
        confirm.click();

        b.waitForPath("/" + FILATURE + "/bookings");
        assertThat(b.visible(By.id("booked")).getText()).contains("Open space");
        assertThat(carnetLeft()).isEqualTo(before - 1);
    }

    private static double carnetLeft() {
        List<Map<String, Object>> lots = Demo.as(MEMBER)
                .get("/api/v1/places/" + FILATURE + "/credits/mine")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("lots");
        return lots.stream()
                .filter(l -> CARNET.equals(l.get("label")) && Boolean.TRUE.equals(l.get("usableNow")))
                .mapToDouble(l -> ((Number) l.get("left")).doubleValue())
                .sum();
    }
}
