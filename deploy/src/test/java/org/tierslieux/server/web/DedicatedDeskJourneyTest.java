package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.TREASURER;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo member holds "Bureau fixe 2" at la-filature (DemoDedicatedDesks): on the desks page they release a day
 * they will be away; the treasurer (a member there too) finds that day bookable on the same page and books it;
 * back on their page the holder sees the day booked by another member, with no way to take it back. Chromium as
 * in {@link BrowserJourneyTest} (skipped without it unless {@code -Dtl.browser.required=true}).
 */
@QuarkusTest
class DedicatedDeskJourneyTest {

    private static final String DESK = "Bureau fixe 2";

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
    void the_holder_releases_a_day_and_another_member_books_the_desk_that_day() {
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE + "/desks");
        b.waitForPath("/login");
        b.signInAs(MEMBER);
        b.waitForPath("/" + FILATURE + "/desks");

        WebElement mine = b.visible(By.id("my-desk"));
        assertThat(mine.getText()).contains("Mon bureau").contains(DESK);
        b.assertNoHorizontalScroll();
        b.screenshot("my-desk-phone");
        // a day after today the desk is the member's: release it
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        WebElement day = b.waitFor(By.cssSelector("li.holder-day[data-state='HELD']")).stream()
                .filter(li -> li.getAttribute("data-date").compareTo(today) > 0)
                .filter(li ->
                        !li.findElements(By.cssSelector("button.release-day")).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no day of the member's desk to release, at " + b.where()));
        String date = day.getAttribute("data-date");
        day.findElement(By.cssSelector("button.release-day")).click();

        b.waitForPath("/" + FILATURE + "/desks");
        assertThat(b.visible(By.id("released-ok")).getText()).contains("libéré");
        WebElement released = b.visible(By.cssSelector("li.holder-day[data-date='" + date + "']"));
        assertThat(released.getAttribute("data-state")).isEqualTo("RELEASED");
        assertThat(released.getText()).contains("libéré").contains("Reprendre");

        // another member sees the released day of the named desk and books it
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE + "/desks?from=" + date);
        b.waitForPath("/login");
        b.signInAs(TREASURER);
        b.open("/" + FILATURE + "/desks?from=" + date);
        b.waitForPath("/" + FILATURE + "/desks");
        WebElement named = b.visible(By.cssSelector(
                "section.named-desk[data-desk-name='" + DESK + "'] li.named-day[data-date='" + date + "']"));
        assertThat(named.getAttribute("data-standing")).isEqualTo("RELEASED");
        assertThat(named.getText()).contains("libéré par son titulaire");
        assertThat(BrowserJourneyTest.driver.findElements(By.id("my-desk"))).isEmpty();
        b.screenshot("released-desk-phone");
        named.findElement(By.cssSelector("button")).click();

        WebElement confirm = b.clickable(By.id("confirm-booking"));
        assertThat(b.visible(By.id("quote")).getText()).contains(DESK);
        confirm.click();
        b.waitForPath("/" + FILATURE + "/bookings");
        assertThat(b.visible(By.id("booked")).getText()).contains(DESK);

        // the holder finds the day booked by someone else: it can no longer be taken back
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE + "/desks");
        b.waitForPath("/login");
        b.signInAs(MEMBER);
        b.waitForPath("/" + FILATURE + "/desks");
        WebElement taken = b.visible(By.cssSelector("li.holder-day[data-date='" + date + "']"));
        assertThat(taken.getAttribute("data-state")).isEqualTo("TAKEN");
        assertThat(taken.getText()).contains("réservé par un autre membre");
        assertThat(taken.findElements(By.cssSelector("button"))).isEmpty();
    }
}
