package org.tierslieux.billing.closing;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.tierslieux.billing.invoice.Footprints;
import org.tierslieux.core.kernel.Money;

/**
 * The canonical serialisation of a closing (same rules as a document's, see docs/architecture.md): one
 * {@code key=value} line per field, LF, UTF-8, amounts with four decimals, instants in UTC with microseconds.
 */
final class ClosingFootprints {

    static final String VERSION = "tl-closing-v1";
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(java.time.ZoneOffset.UTC);

    private ClosingFootprints() {}

    static String canonical(PeriodClosing c) {
        StringBuilder out = new StringBuilder();
        line(out, "format", VERSION);
        line(out, "place", c.place().toString());
        line(out, "id", c.id().toString());
        line(out, "kind", c.kind());
        line(out, "periodStart", c.periodStart().toString());
        line(out, "periodEnd", c.periodEnd().toString());
        line(out, "documents", Integer.toString(c.documents()));
        line(out, "invoicesExclVat", amount(c.invoicesExclVat()));
        line(out, "invoicesVat", amount(c.invoicesVat()));
        line(out, "invoicesInclVat", amount(c.invoicesInclVat()));
        line(out, "creditNotesExclVat", amount(c.creditNotesExclVat()));
        line(out, "creditNotesVat", amount(c.creditNotesVat()));
        line(out, "creditNotesInclVat", amount(c.creditNotesInclVat()));
        line(out, "lastDocumentFootprint", c.lastDocumentFootprint());
        line(out, "closedBy", c.closedBy().toString());
        line(out, "closedAt", INSTANT.format(c.closedAt().truncatedTo(ChronoUnit.MICROS)));
        line(out, "previousFootprint", c.previousFootprint());
        return out.toString();
    }

    static String footprint(PeriodClosing c) {
        return Footprints.sha256(canonical(c));
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value).append('\n');
    }

    private static String amount(Money m) {
        return Footprints.decimal(m.amount());
    }
}
