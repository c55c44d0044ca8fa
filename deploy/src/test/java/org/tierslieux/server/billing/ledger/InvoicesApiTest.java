package org.tierslieux.server.billing.ledger;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.testsupport.Demo;

/** Who sees which document, the filters of the list, the settings: through the API, with bad input. */
@QuarkusTest
class InvoicesApiTest {

    @Inject
    LedgerDriver driver;

    @Test
    void members_see_their_own_documents_and_treasurers_every_one() {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        String other = Ledger.aPerson(slug, "MEMBER");
        UUID otherId = Ledger.personId(other);
        IssuedDocument mine = driver.invoice(slug, member, "100.00");
        IssuedDocument theirs = driver.invoice(slug, otherId, "40.00");
        driver.creditNote(slug, mine.id(), java.util.List.of());

        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(2))
                .body("items.number", hasItem(mine.number()))
                .body("items.number", not(hasItem(theirs.number())))
                .body("page", is(0))
                .body("size", is(50));
        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoices/" + theirs.id())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("invoice.not-found"));
        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoices/" + mine.id())
                .then()
                .statusCode(200)
                .body("number", is(mine.number()))
                .body("footprint", is(mine.footprint()))
                .body("previousFootprint", is("0".repeat(64)))
                .body("lines.size()", is(2))
                .body("vatSummary.vatRate", hasItem("5.5"))
                .body("totalInclVat.amount", is("130.55"))
                .body("creditNotes.size()", is(1));
        Ledger.as(other)
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items[0].number", is(theirs.number()));
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(3));
        Ledger.as(Demo.TREASURER)
                .queryParam("type", "CREDIT_NOTE")
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items.type", everyItem(is("CREDIT_NOTE")));
        Ledger.as(Demo.TREASURER)
                .queryParam("q", theirs.number())
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(1));
        Ledger.as(Demo.TREASURER)
                .queryParam("from", "2001-01-01")
                .queryParam("to", "2001-12-31")
                .get(Ledger.api(slug) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(0));
        // the PDF is the PDF module's (503 until it is there)
        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoices/" + mine.id() + "/pdf")
                .then()
                .statusCode(anyOf(is(200), is(503)));
    }

    @Test
    void another_places_documents_do_not_exist_here() {
        String here = Ledger.aPlace();
        String there = Ledger.aPlace();
        IssuedDocument theirs = driver.invoice(there, Ledger.personId(Demo.MEMBER), "100.00");
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(here) + "/invoices/" + theirs.id())
                .then()
                .statusCode(404)
                .body("code", is("invoice.not-found"));
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(here) + "/invoices/" + theirs.id() + "/pdf")
                .then()
                .statusCode(404);
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(here) + "/invoices")
                .then()
                .statusCode(200)
                .body("total", is(0));
        // someone of no role here
        Ledger.as(Demo.MEMBER2).get(Ledger.api(there) + "/invoices").then().statusCode(anyOf(is(403), is(404)));
    }

    @Test
    void bad_filters_are_clean_problems() {
        String slug = Ledger.aPlace();
        for (Map<String, String> query : java.util.List.of(
                Map.of("from", "2026-12-01", "to", "2026-01-01"),
                Map.of("from", "2000-01-01", "to", "2026-01-01"),
                Map.of("type", "DEVIS"),
                Map.of("from", "0001-01-01"),
                Map.of("from", "hier"),
                Map.of("size", "100000"))) {
            Ledger.as(Demo.TREASURER)
                    .queryParams(query)
                    .get(Ledger.api(slug) + "/invoices")
                    .then()
                    .statusCode(anyOf(is(400), is(404), is(422)))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void settings_and_logo_for_treasurers_only() {
        String slug = Ledger.aPlace();
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoice-settings")
                .then()
                .statusCode(200)
                .body("invoicePattern", is("FA-{YYYY}-{seq:5}"))
                .body("transferDueDays", is(30))
                .body("hasLogo", is(false));
        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoice-settings")
                .then()
                .statusCode(403);
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("transferDueDays", 400),
                Map.of("recoveryFee", "10"),
                Map.of("operationNature", "ALL"),
                Map.of("invoicePattern", "AV-{YYYY}-{seq:5}"))) {
            Ledger.as(Demo.TREASURER)
                    .body(bad)
                    .put(Ledger.api(slug) + "/invoice-settings")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        Ledger.as(Demo.TREASURER)
                .body(Map.of("vatOnDebits", true, "transferDueDays", 15, "footer", "IBAN FR76 ..."))
                .put(Ledger.api(slug) + "/invoice-settings")
                .then()
                .statusCode(200)
                .body("vatOnDebits", is(true))
                .body("transferDueDays", is(15));
        IssuedDocument invoice = driver.invoice(slug, Ledger.personId(Demo.MEMBER), "10.00");
        org.assertj.core.api.Assertions.assertThat(invoice.mentions())
                .contains("Option pour le paiement de la taxe d'après les débits");
        org.assertj.core.api.Assertions.assertThat(invoice.vatOnDebits()).isTrue();

        byte[] png = java.util.Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        Ledger.as(Demo.TREASURER)
                .contentType("image/png")
                .body(png)
                .put(Ledger.api(slug) + "/invoice-settings/logo")
                .then()
                .statusCode(200)
                .body("hasLogo", is(true));
        Ledger.as(Demo.TREASURER)
                .contentType("image/png")
                .body("GIF89a-not-a-png".getBytes())
                .put(Ledger.api(slug) + "/invoice-settings/logo")
                .then()
                .statusCode(422)
                .body("code", is("invoice.logo-type"));
        byte[] big = new byte[210 * 1024];
        System.arraycopy(png, 0, big, 0, png.length);
        Ledger.as(Demo.TREASURER)
                .contentType("image/png")
                .body(big)
                .put(Ledger.api(slug) + "/invoice-settings/logo")
                .then()
                .statusCode(422)
                .body("code", is("invoice.logo-too-large"));
    }
}
