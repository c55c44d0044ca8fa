package org.tierslieux.server.billing.ledger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.tierslieux.billing.invoice.CreditNoteDraft;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.DraftLine;
import org.tierslieux.billing.invoice.InvoiceDraft;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.VatRate;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Issues documents through {@link Invoicing} as checkout will, each in a transaction of its own, in a place:
 * what ledger tests start from (checkout does not exist on this branch yet).
 */
@ApplicationScoped
public class LedgerDriver {

    private final Invoicing invoicing;
    private final PlaceScope scope;
    private final PlaceDirectory places;

    LedgerDriver(Invoicing invoicing, PlaceScope scope, PlaceDirectory places) {
        this.invoicing = invoicing;
        this.scope = scope;
        this.places = places;
    }

    public <T> T in(String slug, Supplier<T> work) {
        PlaceRef place = places.bySlug(slug).orElseThrow();
        return scope.call(place, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    /** An invoice of one 20 % line ({@code excl} excluding VAT) and one 5.5 % line, paid by card at issue. */
    public IssuedDocument invoice(String slug, UUID buyerPerson, String excl) {
        return in(slug, () -> invoicing.issue(draft(buyerPerson, person(), excl, null)));
    }

    public IssuedDocument invoice(String slug, InvoiceDraft draft) {
        return in(slug, () -> invoicing.issue(draft));
    }

    public IssuedDocument creditNote(String slug, DocumentId original, List<CreditNoteDraft.CreditedLine> lines) {
        return in(
                slug, () -> invoicing.issueCreditNote(new CreditNoteDraft(original, lines, "Annulation", null, null)));
    }

    public static Party person() {
        return new Party("Camille Martin", null, null, null, null, "camille@example.org", false);
    }

    public static Party business() {
        return new Party(
                "Atelier Dupont SARL",
                "732829320",
                "73282932000074",
                "FR44732829320",
                new Address("3 rue des Arts", "59000", "Lille", "FR"),
                "compta@dupont.example",
                true);
    }

    public static InvoiceDraft draft(UUID buyerPerson, Party buyer, String excl, LocalDate dueDate) {
        List<DraftLine> lines = new ArrayList<>();
        lines.add(line("Salle de réunion, 2 h", "2", excl, VatRate.STANDARD));
        lines.add(line("Café", "1", "10.00", VatRate.REDUCED));
        return new InvoiceDraft(
                null,
                buyer,
                buyerPerson,
                null,
                null,
                lines,
                null,
                dueDate,
                dueDate == null ? "CARD" : null,
                null,
                null,
                "BOOKING",
                UUID.randomUUID());
    }

    /** A line whose total excluding VAT is {@code excl}, its VAT rounded to the cent. */
    public static DraftLine line(String description, String quantity, String excl, VatRate rate) {
        Money total = Money.of(excl, "EUR");
        Money vat = total.times(rate.fraction()).rounded();
        Money unit = total.times(BigDecimal.ONE.divide(new BigDecimal(quantity), 4, java.math.RoundingMode.HALF_UP));
        return new DraftLine(
                description, new BigDecimal(quantity), "HOUR", unit, rate, total, vat, total.plus(vat), "ROOM");
    }
}
