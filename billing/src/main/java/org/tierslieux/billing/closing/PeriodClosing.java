package org.tierslieux.billing.closing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;

/** A closed period as recorded (table {@code period_closing}); never changed once recorded. */
public record PeriodClosing(
        UUID id,
        PlaceId place,
        String kind,
        LocalDate periodStart,
        LocalDate periodEnd,
        int documents,
        Money invoicesExclVat,
        Money invoicesVat,
        Money invoicesInclVat,
        Money creditNotesExclVat,
        Money creditNotesVat,
        Money creditNotesInclVat,
        String lastDocumentFootprint,
        String previousFootprint,
        String footprint,
        String archiveSha256,
        PersonId closedBy,
        Instant closedAt) {

    /** The period as people name it: {@code 2026-10} for a month, {@code 2026} for a year. */
    public String label() {
        return "YEAR".equals(kind)
                ? Integer.toString(periodStart.getYear())
                : String.format("%04d-%02d", periodStart.getYear(), periodStart.getMonthValue());
    }

    /** Money of the place's currency (the net revenue of the period: invoices minus credit notes). */
    public Money netInclVat() {
        return invoicesInclVat.minus(creditNotesInclVat);
    }
}
