package org.tierslieux.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceRef;

/**
 * What to invoice. {@code dueDate} null means paid at issue ({@code paymentMethod} and {@code paidAt} then say
 * how and when); with a due date (transfer), the invoice is issued unpaid. {@code buyerPersonId} and
 * {@code buyerCompanyId} let members find their invoices (a company's invoice is listed to its billing
 * contact too). Nullable: deliveryAddress, dueDate, paymentMethod, paidAt, buyerCompanyId, orderId, subject*.
 */
public record InvoiceDraft(
        PlaceRef place,
        Party buyer,
        UUID buyerPersonId,
        UUID buyerCompanyId,
        Address deliveryAddress,
        List<DraftLine> lines,
        LocalDate operationDate,
        LocalDate dueDate,
        String paymentMethod,
        Instant paidAt,
        UUID orderId,
        String subjectType,
        UUID subjectId) {}
