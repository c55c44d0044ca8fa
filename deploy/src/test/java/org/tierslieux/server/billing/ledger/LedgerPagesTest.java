package org.tierslieux.server.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.booking.MovableClock;
import org.tierslieux.server.testsupport.Demo;

/** The member's invoices and the treasurer's desk, as a browser uses them (forms, no JavaScript). */
@QuarkusTest
class LedgerPagesTest {

    @Inject
    LedgerDriver driver;

    @Test
    void a_member_sees_their_invoices_and_a_treasurer_credits_verifies_and_closes() {
        MovableClock clock = MovableClock.install();
        clock.setTo(Instant.parse("2025-09-15T10:00:00Z"));
        String slug = Ledger.aPlace();
        String home = "/" + slug;
        String other = Ledger.aPerson(slug, "MEMBER");
        IssuedDocument mine = driver.invoice(slug, Ledger.personId(Demo.MEMBER), "100.00");
        IssuedDocument theirs = driver.invoice(slug, Ledger.personId(other), "40.00");
        clock.setTo(Instant.parse("2025-10-02T10:00:00Z"));

        browsing(Demo.MEMBER)
                .get(home + "/invoices")
                .then()
                .statusCode(200)
                .body(containsString(mine.number()))
                .body(not(containsString(theirs.number())))
                .body(containsString("/invoices/" + mine.id() + "/pdf"));
        browsing(Demo.MEMBER).get(home + "/treasury").then().statusCode(403);

        browsing(Demo.TREASURER)
                .get(home + "/treasury")
                .then()
                .statusCode(200)
                .body(containsString(mine.number()))
                .body(containsString(theirs.number()))
                .body(containsString("/" + slug + "/treasury/exports"));
        browsing(Demo.TREASURER)
                .queryParam("q", theirs.number())
                .get(home + "/treasury")
                .then()
                .statusCode(200)
                .body(not(containsString(">" + mine.number() + "<")));
        browsing(Demo.TREASURER)
                .queryParam("from", "2025-12-01")
                .queryParam("to", "2025-01-01")
                .get(home + "/treasury")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));

        // a credit note from the form: a quantity above what is left is shown back with the reason
        browsing(Demo.TREASURER)
                .get(home + "/treasury/invoices/" + mine.id())
                .then()
                .statusCode(200)
                .body(containsString("issue-credit-note"))
                .body(containsString(mine.footprint()));
        browsing(Demo.TREASURER)
                .formParam("scope", "lines")
                .formParam("qty-1", "5")
                .formParam("reason", "Erreur")
                .post(home + "/treasury/invoices/" + mine.id() + "/credit-notes")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        String location = browsing(Demo.TREASURER)
                .formParam("scope", "lines")
                .formParam("qty-1", "1")
                .formParam("reason", "Une heure de moins")
                .post(home + "/treasury/invoices/" + mine.id() + "/credit-notes")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(location).contains("/treasury/invoices/");
        browsing(Demo.TREASURER)
                .get(location.replaceFirst("^https?://[^/]+", ""))
                .then()
                .statusCode(200)
                .body(containsString("Une heure de moins"))
                .body(containsString(mine.number()));

        browsing(Demo.TREASURER)
                .get(home + "/treasury/verification")
                .then()
                .statusCode(200)
                .body(containsString("chain-valid"));

        browsing(Demo.TREASURER)
                .formParam("kind", "MONTH")
                .formParam("period", "2025-10")
                .post(home + "/treasury/closings")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        browsing(Demo.TREASURER)
                .formParam("kind", "MONTH")
                .formParam("period", "2025-09")
                .post(home + "/treasury/closings")
                .then()
                .statusCode(303);
        String closings = browsing(Demo.TREASURER)
                .get(home + "/treasury/closings")
                .then()
                .statusCode(200)
                .body(containsString("2025-09"))
                .extract()
                .asString();
        assertThat(closings).contains("/archive");

        browsing(Demo.TREASURER)
                .get(home + "/treasury/settings")
                .then()
                .statusCode(200)
                .body(containsString("FA-{YYYY}-{seq:5}"));
        browsing(Demo.TREASURER)
                .formParam("invoicePattern", "FA-{seq}-{seq}")
                .formParam("creditNotePattern", "AV-{YYYY}-{seq:5}")
                .formParam("transferDueDays", "30")
                .post(home + "/treasury/settings")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        browsing(Demo.TREASURER)
                .formParam("invoicePattern", "F-{YYYY}-{seq:6}")
                .formParam("creditNotePattern", "AV-{YYYY}-{seq:5}")
                .formParam("transferDueDays", "20")
                .formParam("vatOnDebits", "on")
                .post(home + "/treasury/settings")
                .then()
                .statusCode(200)
                .body(containsString("F-{YYYY}-{seq:6}"));
        UUID unknown = UUID.randomUUID();
        browsing(Demo.TREASURER)
                .get(home + "/treasury/invoices/" + unknown)
                .then()
                .statusCode(404);
    }
}
