package org.tierslieux.billing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.pricing.VatRate;

class FootprintsTest {

    static IssuedDocument document(String description, String previous) {
        Money excl = Money.of("100", "EUR");
        Money vat = Money.of("20", "EUR");
        Money incl = Money.of("120", "EUR");
        return new IssuedDocument(
                new DocumentId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                new PlaceId(UUID.fromString("00000000-0000-0000-0000-000000000002")),
                DocumentType.INVOICE,
                "FA-2026-00001",
                1,
                LocalDate.of(2026, 3, 9),
                Instant.parse("2026-03-09T10:15:30.123456789Z"),
                LocalDate.of(2026, 3, 9),
                null,
                "EUR",
                new Party("Lieu SAS", "443061841", "44306184100047", "FR12443061841", null, null, true),
                new Party("Camille", null, null, null, null, "c@example.org", false),
                null,
                null,
                null,
                "SERVICES",
                false,
                null,
                List.of("Nature de l'opération : prestation de services"),
                List.of(new DocumentLine(
                        1,
                        description,
                        new BigDecimal("2"),
                        "HOUR",
                        Money.of("50", "EUR"),
                        VatRate.STANDARD,
                        excl,
                        vat,
                        incl,
                        "ROOM",
                        null)),
                List.of(new VatLine(VatRate.STANDARD, excl, vat)),
                excl,
                vat,
                incl,
                "CARD",
                Instant.parse("2026-03-09T10:15:30Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                previous,
                null);
    }

    @Test
    void the_canonical_text_is_stable_and_escaped() {
        String text = Footprints.canonical(document("Salle | réunion\nmatin", Footprints.GENESIS));
        assertTrue(text.startsWith("format=tl-document-v1\nplace=00000000-0000-0000-0000-000000000002\n"));
        assertTrue(text.contains("issuedAt=2026-03-09T10:15:30.123456Z\n"), text);
        assertTrue(
                text.contains(
                        "line=1|Salle \\| réunion\\nmatin|2.0000|HOUR|50.0000|20|100.0000|20.0000|120.0000|ROOM|\n"),
                text);
        assertTrue(text.contains("vat=20|100.0000|20.0000\n"));
        assertTrue(text.endsWith("previousFootprint=" + "0".repeat(64) + "\n"));
        assertEquals(64, Footprints.footprint(document("x", Footprints.GENESIS)).length());
    }

    @Test
    void any_change_or_another_predecessor_changes_the_footprint() {
        String base = Footprints.footprint(document("Salle", Footprints.GENESIS));
        assertEquals(base, Footprints.footprint(document("Salle", Footprints.GENESIS)));
        assertNotEquals(base, Footprints.footprint(document("Salle.", Footprints.GENESIS)));
        assertNotEquals(base, Footprints.footprint(document("Salle", "1".repeat(64))));
    }
}
