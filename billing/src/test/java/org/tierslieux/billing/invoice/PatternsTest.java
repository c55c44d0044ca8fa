package org.tierslieux.billing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.error.DomainException;

class PatternsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 9);

    @Test
    void tokens_are_replaced() {
        assertEquals("FA-2026-00042", Numbering.format("FA-{YYYY}-{seq:5}", DAY, 42));
        assertEquals("F2603-7", Numbering.format("F{YY}{MM}-{seq}", DAY, 7));
        assertEquals("AV-123456", Numbering.format("AV-{seq:3}", DAY, 123456));
    }

    @Test
    void patterns_that_cannot_number_are_refused() {
        for (String bad : new String[] {
            "",
            "FA-{YYYY}",
            "FA-{seq}-{seq}",
            "FA-{DD}-{seq}",
            "FA-<{seq}>",
            "FA-{seq:0}",
            "FA-{seq:11}",
            "X".repeat(61),
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ-{YYYY}-{MM}-{seq:10}"
        }) {
            var e = assertThrows(DomainException.class, () -> Numbering.check(bad), bad);
            assertEquals("invoice.pattern-invalid", e.code());
        }
        Numbering.check("FA-{YYYY}-{seq:5}");
        Numbering.check("{seq}");
    }
}
