package org.tierslieux.server.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.testsupport.Demo;

/**
 * Credit notes through the API as a treasurer issues them: per line within what is left, the whole rest, never
 * of a credit note, never above what is left, never of another place's invoice.
 */
@QuarkusTest
class CreditNotesTest {

    @Inject
    LedgerDriver driver;

    private String creditNotes(String slug, IssuedDocument invoice) {
        return Ledger.api(slug) + "/invoices/" + invoice.id() + "/credit-notes";
    }

    @Test
    void per_line_then_the_rest_then_nothing_left() {
        String slug = Ledger.aPlace();
        // line 1: 2 hours, 100.00 excl. (20 %) ; line 2: 10.00 excl. (5.5 %) → 120.00 + 10.55 = 130.55
        IssuedDocument invoice = driver.invoice(slug, Ledger.personId(Demo.MEMBER), "100.00");
        assertThat(invoice.totalInclVat().display()).isEqualTo("130.55");

        var half = Ledger.as(Demo.TREASURER)
                .body(Map.of("lines", List.of(Map.of("position", 1, "quantity", "1")), "reason", "Une heure annulée"))
                .post(creditNotes(slug, invoice))
                .then()
                .statusCode(201)
                .body("type", is("CREDIT_NOTE"))
                .body("original.number", is(invoice.number()))
                .body("original.issueDate", is(invoice.issueDate().toString()))
                .body("reason", is("Une heure annulée"))
                .body("lines[0].creditedPosition", is(1))
                .body("lines[0].quantity", is("1"))
                .body("totalExclVat.amount", is("50.00"))
                .body("totalVat.amount", is("10.00"))
                .body("totalInclVat.amount", is("60.00"))
                .body("number", org.hamcrest.Matchers.startsWith("AV-"))
                .extract()
                .path("id");

        // above what is left on the line
        Ledger.as(Demo.TREASURER)
                .body(Map.of("lines", List.of(Map.of("position", 1, "quantity", "2")), "reason", "Trop"))
                .post(creditNotes(slug, invoice))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("invoice.credit-above-left"));

        // a credit note of a credit note
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "Avoir d'avoir"))
                .post(Ledger.api(slug) + "/invoices/" + half + "/credit-notes")
                .then()
                .statusCode(422)
                .body("code", is("invoice.credit-of-credit-note"));

        // unknown line, twice the same line, a negative quantity, no reason
        for (var body : List.<Map<String, Object>>of(
                Map.of("lines", List.of(Map.of("position", 9)), "reason", "x"),
                Map.of("lines", List.of(Map.of("position", 2), Map.of("position", 2)), "reason", "x"),
                Map.of("lines", List.of(Map.of("position", 2, "quantity", "-1")), "reason", "x"))) {
            Ledger.as(Demo.TREASURER)
                    .body(body)
                    .post(creditNotes(slug, invoice))
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        Ledger.as(Demo.TREASURER)
                .body(Map.of("lines", List.of()))
                .post(creditNotes(slug, invoice))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        // the rest: what is left of line 1 and all of line 2
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "Réservation annulée"))
                .post(creditNotes(slug, invoice))
                .then()
                .statusCode(201)
                .body("totalInclVat.amount", is("70.55"))
                .body("lines.size()", is(2));
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("creditable.amount", is("0.00"))
                .body("creditNotes.size()", is(2));
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "Encore"))
                .post(creditNotes(slug, invoice))
                .then()
                .statusCode(409)
                .body("code", is("invoice.nothing-left-to-credit"));
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", is(true))
                .body("checked", is(3));
    }

    @Test
    void another_places_invoice_an_unknown_id_and_a_member_are_refused() {
        String here = Ledger.aPlace();
        String there = Ledger.aPlace();
        IssuedDocument theirs = driver.invoice(there, Ledger.personId(Demo.MEMBER), "100.00");
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "x"))
                .post(Ledger.api(here) + "/invoices/" + theirs.id() + "/credit-notes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("invoice.not-found"));
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "x"))
                .post(Ledger.api(here) + "/invoices/" + UUID.randomUUID() + "/credit-notes")
                .then()
                .statusCode(404);
        Ledger.as(Demo.TREASURER)
                .body(Map.of("reason", "x"))
                .post(Ledger.api(here) + "/invoices/not-an-id/credit-notes")
                .then()
                .statusCode(404);
        Ledger.as(Demo.MEMBER)
                .body(Map.of("reason", "x"))
                .post(Ledger.api(there) + "/invoices/" + theirs.id() + "/credit-notes")
                .then()
                .statusCode(403);
        assertThat(Ledger.count(
                        "select count(*) from document where original_id = ?",
                        theirs.id().value()))
                .isZero();
    }

    @Test
    void business_buyers_get_the_penalty_mentions_and_exempt_places_their_exemption() {
        String slug = Ledger.aPlace();
        var draft = LedgerDriver.draft(
                null,
                LedgerDriver.business(),
                "100.00",
                java.time.LocalDate.now().plusDays(40));
        IssuedDocument invoice = driver.invoice(slug, draft);
        assertThat(invoice.dueDate()).isNotNull();
        assertThat(invoice.paymentMethod()).isNull();
        assertThat(invoice.mentions())
                .anyMatch(m -> m.contains("pénalités") && m.contains("trois fois le taux d'intérêt légal"))
                .anyMatch(m -> m.contains("40 €"))
                .anyMatch(m -> m.startsWith("Nature de l'opération"));
        assertThat(invoice.vatExemptionMention()).isNull();
        assertThat(invoice.buyer().siren()).isEqualTo("732829320");
        assertThat(invoice.seller().siren()).isEqualTo("443061841");

        String association = Ledger.aPlace("TVA non applicable, art. 293 B du CGI");
        var refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> driver.invoice(association, Ledger.personId(Demo.MEMBER), "100.00"));
        assertThat(refused).hasStackTraceContaining("invoice.vat-without-number");
        var exempt = new org.tierslieux.billing.invoice.InvoiceDraft(
                null,
                LedgerDriver.person(),
                Ledger.personId(Demo.MEMBER),
                null,
                null,
                List.of(LedgerDriver.line("Atelier", "1", "30.00", org.tierslieux.core.pricing.VatRate.EXEMPT)),
                null,
                null,
                "CASH",
                null,
                null,
                null,
                null);
        IssuedDocument exemptInvoice = driver.invoice(association, exempt);
        assertThat(exemptInvoice.vatExemptionMention()).isEqualTo("TVA non applicable, art. 293 B du CGI");
        assertThat(exemptInvoice.totalVat().isZero()).isTrue();
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(association) + "/invoices/" + exemptInvoice.id())
                .then()
                .statusCode(200)
                .body("vatExemptionMention", is("TVA non applicable, art. 293 B du CGI"))
                .body("vatSummary[0].vatRate", is("EXEMPT"))
                .body("mentions", hasItem("Nature de l'opération : prestation de services"));
    }
}
