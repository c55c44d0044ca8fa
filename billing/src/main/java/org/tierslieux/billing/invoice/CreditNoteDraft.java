package org.tierslieux.billing.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A credit note to issue against an invoice: the whole invoice when {@code lines} is empty, else the given lines
 * (a quantity null means the whole line). Refused: a credit note of a credit note, more than what is left to
 * credit on a line or on the invoice. {@code refundId} (nullable) is the refund that caused it;
 * {@code paymentMethod} (nullable) how the money goes back.
 */
public record CreditNoteDraft(
        DocumentId original, List<CreditedLine> lines, String reason, UUID refundId, String paymentMethod) {

    public record CreditedLine(int position, BigDecimal quantity) {}
}
