package org.tierslieux.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tierslieux.server.coworking.guest.GuestPasses;
import org.tierslieux.server.testsupport.Mailbox;

/**
 * The demo member invites a guest for today at la-filature on a phone; the guest's mail holds a QR pass (decoded
 * from the image, as a phone's camera would); the manager opens the address the code holds, confirms the arrival,
 * and finds the guest under "who is here". Chromium as in {@link BrowserJourneyTest}.
 */
@QuarkusTest
class GuestJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    MockMailbox mailbox;

    @BeforeAll
    static void start_the_browser() throws IOException {
        BrowserJourneyTest.start_the_browser();
    }

    @AfterAll
    static void quit_the_browser() throws IOException {
        BrowserJourneyTest.quit_the_browser();
    }

    @Test
    void the_demo_member_invites_a_guest_whom_the_staff_checks_in_with_the_mailed_qr_pass() {
        BrowserJourneyTest b = new BrowserJourneyTest();
        b.base = base;
        String guestName = "Gaëlle Invitée";
        String email = "gaelle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        // the member invites a guest for today
        b.every_journey_starts_signed_out_in_french();
        b.open("/" + FILATURE);
        b.waitForPath("/login");
        b.signInAs(MEMBER);
        b.waitForPath("/" + FILATURE);
        b.clickable(By.id("nav-guests")).click();
        b.waitForPath("/" + FILATURE + "/guests");
        b.visible(By.id("guest-name")).sendKeys(guestName);
        b.visible(By.id("guest-email")).sendKeys(email);
        // the day is today by default
        b.clickable(By.id("invite-guest")).click();
        assertThat(b.visible(By.id("invited")).getText()).contains(email);
        WebElement listed = b.visible(By.cssSelector("li.guest[data-email='" + email + "']"));
        assertThat(listed.getText()).contains(guestName);
        b.assertNoHorizontalScroll();
        b.screenshot("guest-invited-phone");

        // the guest's mail: a QR code that reads as the place's pass address
        Mail mail = Mailbox.await(mailbox, email, m -> true);
        assertThat(mail.getSubject()).contains("La Filature");
        String url = GuestPasses.qrOf(mail);
        assertThat(url).contains("/" + FILATURE + "/checkin/scan?code=");
        URI pass = URI.create(url);

        // the guest opening their pass (no account) sees it to show at the desk
        b.every_journey_starts_signed_out_in_french();
        b.open(pass.getRawPath() + "?" + pass.getRawQuery());
        assertThat(b.visible(By.cssSelector("#pass .qr svg")).isDisplayed()).isTrue();
        b.assertNoHorizontalScroll();
        b.screenshot("guest-pass-phone");

        // the manager scans it: the address opens, one tap checks the guest in
        b.open("/login");
        b.signInAs(MANAGER);
        b.open(pass.getRawPath() + "?" + pass.getRawQuery());
        b.clickable(By.id("confirm-scan")).click();
        assertThat(b.visible(By.id("checked-in")).getText()).contains(guestName);
        b.assertNoHorizontalScroll();
        b.screenshot("guest-checked-in-phone");

        // and finds them under "who is here"
        b.open("/" + FILATURE + "/here");
        WebElement present = b.visible(By.cssSelector("li.present[data-name='" + guestName + "']"));
        assertThat(present.getAttribute("data-guest")).isEqualTo("true");
        assertThat(present.getText()).contains("Mina Membre");
        b.assertNoHorizontalScroll();
        b.screenshot("guest-here-phone");
    }
}
