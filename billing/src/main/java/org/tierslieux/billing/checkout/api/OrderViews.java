package org.tierslieux.billing.checkout.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.tierslieux.billing.checkout.OrderPayment;
import org.tierslieux.billing.checkout.OrderRefund;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.core.credit.api.MoneyJson;

/** The JSON of orders, payments and refunds (never the entities). */
public final class OrderViews {

    private OrderViews() {}

    public record OrderResponse(
            UUID id,
            UUID personId,
            UUID companyId,
            String subjectType,
            UUID subjectId,
            UUID quoteId,
            String description,
            MoneyJson amount,
            MoneyJson refunded,
            String status,
            UUID invoiceId,
            OffsetDateTime createdAt,
            OffsetDateTime paidAt,
            List<PaymentResponse> payments,
            List<RefundResponse> refunds) {}

    public record PaymentResponse(
            UUID id,
            String channel,
            String method,
            String providerId,
            String status,
            MoneyJson amount,
            MoneyJson refunded,
            String checkoutUrl,
            String reference,
            OffsetDateTime createdAt,
            OffsetDateTime paidAt) {}

    public record RefundResponse(
            UUID id,
            UUID paymentId,
            MoneyJson amount,
            String status,
            String providerRefundId,
            UUID creditNoteId,
            String reason,
            OffsetDateTime createdAt) {}

    public static OrderResponse of(
            SaleOrder o, List<OrderPayment> payments, List<RefundResponse> refunds, ZoneId zone) {
        return new OrderResponse(
                o.id(),
                o.person().value(),
                o.companyId(),
                o.subjectType(),
                o.subjectId(),
                o.quoteId(),
                o.description(),
                MoneyJson.of(o.amount().rounded()),
                MoneyJson.of(o.refundedAmount().rounded()),
                o.status().name(),
                o.invoiceId(),
                at(o.createdAt(), zone),
                at(o.paidAt(), zone),
                payments == null
                        ? null
                        : payments.stream().map(p -> of(p, zone)).toList(),
                refunds);
    }

    public static PaymentResponse of(OrderPayment p, ZoneId zone) {
        return new PaymentResponse(
                p.id(),
                p.channel(),
                p.method(),
                p.providerId(),
                p.status().name(),
                MoneyJson.of(p.amount().rounded()),
                MoneyJson.of(p.refundedAmount().rounded()),
                p.checkoutUrl(),
                p.reference(),
                at(p.createdAt(), zone),
                at(p.paidAt(), zone));
    }

    public static RefundResponse of(OrderRefund r, ZoneId zone) {
        return new RefundResponse(
                r.id(),
                r.paymentId(),
                MoneyJson.of(r.amount().rounded()),
                r.status(),
                r.providerRefundId(),
                r.creditNoteId(),
                r.reason(),
                at(r.createdAt(), zone));
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
