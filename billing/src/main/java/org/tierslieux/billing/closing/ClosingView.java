package org.tierslieux.billing.closing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.tierslieux.core.kernel.Money;

/** A closing as the API and the archive show it; amounts as strings with their currency. */
public record ClosingView(
        UUID id,
        String kind,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int documents,
        String currency,
        String invoicesExclVat,
        String invoicesVat,
        String invoicesInclVat,
        String creditNotesExclVat,
        String creditNotesVat,
        String creditNotesInclVat,
        String netInclVat,
        String lastDocumentFootprint,
        String previousFootprint,
        String footprint,
        String archiveSha256,
        UUID closedBy,
        OffsetDateTime closedAt) {

    public static ClosingView of(PeriodClosing c, ZoneId zone) {
        return new ClosingView(
                c.id(),
                c.kind(),
                c.label(),
                c.periodStart(),
                c.periodEnd(),
                c.documents(),
                c.invoicesInclVat().currency().getCurrencyCode(),
                s(c.invoicesExclVat()),
                s(c.invoicesVat()),
                s(c.invoicesInclVat()),
                s(c.creditNotesExclVat()),
                s(c.creditNotesVat()),
                s(c.creditNotesInclVat()),
                s(c.netInclVat()),
                c.lastDocumentFootprint(),
                c.previousFootprint(),
                c.footprint(),
                c.archiveSha256(),
                c.closedBy().value(),
                c.closedAt().atZone(zone).toOffsetDateTime());
    }

    private static String s(Money m) {
        return m.display();
    }
}
