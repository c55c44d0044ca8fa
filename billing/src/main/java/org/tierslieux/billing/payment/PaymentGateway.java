package org.tierslieux.billing.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceRef;

/**
 * The port to an online payment provider, one account per place (its API key, stored encrypted). Every call
 * names the place; the adapter uses that place's key only, so a payment of another place's account is simply
 * not found. Provider failures raise a {@link org.tierslieux.core.error.DomainException} with code
 * {@code payment.provider-unavailable} (503) or {@code payment.provider-refused} (422: the provider said no,
 * e.g. a refund above what is left); "not found" answers {@code Optional.empty()} where it can happen.
 */
public interface PaymentGateway {

    /** Whether the place has an account configured (an API key). */
    boolean configured(PlaceRef place);

    /** Creates a payment; the payer is sent to {@link Payment#checkoutUrl()}. */
    Payment create(PlaceRef place, PaymentRequest request);

    /** The payment as the provider knows it now (webhooks carry only an id: this is the truth). */
    java.util.Optional<Payment> fetch(PlaceRef place, String paymentId);

    /** Refunds part or all of a paid payment. */
    Refund refund(PlaceRef place, String paymentId, Money amount, String description);

    /** Creates a customer (for SEPA direct debit: a first payment of that customer creates the mandate). */
    String createCustomer(PlaceRef place, String name, String email);

    /** The customer's mandates, valid or not. */
    List<Mandate> mandates(PlaceRef place, String customerId);

    /** A recurring charge on a valid mandate (sequenceType {@code recurring}): no checkout, a webhook follows. */
    Payment charge(PlaceRef place, RecurringRequest request);

    /** {@code ONEOFF}: an ordinary payment; {@code FIRST}: the first payment of a customer, creating a mandate. */
    enum Sequence {
        ONEOFF,
        FIRST
    }

    enum Status {
        OPEN,
        PENDING,
        AUTHORIZED,
        PAID,
        CANCELED,
        EXPIRED,
        FAILED;

        /** Whether the payment can no longer become paid. */
        public boolean finalFailure() {
            return this == CANCELED || this == EXPIRED || this == FAILED;
        }
    }

    /**
     * {@code metadata} is echoed back by the provider (we put the place slug and the order id in it);
     * {@code method} (nullable) preselects a method (e.g. {@code creditcard}, {@code directdebit});
     * {@code customerId} (nullable, required for {@code FIRST}).
     */
    record PaymentRequest(
            Money amount,
            String description,
            String redirectUrl,
            String webhookUrl,
            Map<String, String> metadata,
            String method,
            String customerId,
            Sequence sequence) {}

    record RecurringRequest(
            Money amount,
            String description,
            String webhookUrl,
            Map<String, String> metadata,
            String customerId,
            String mandateId) {}

    /** Nullable: checkoutUrl (none once paid or for recurring), method, customerId, mandateId, paidAt. */
    record Payment(
            String id,
            Status status,
            Money amount,
            Money amountRefunded,
            String checkoutUrl,
            String method,
            String customerId,
            String mandateId,
            Map<String, String> metadata,
            Instant paidAt) {}

    /** {@code status}: the provider's refund status (queued, pending, processing, refunded, failed, canceled). */
    record Refund(String id, String paymentId, Money amount, String status) {}

    /** {@code status}: valid, pending or invalid; {@code method}: directdebit, creditcard, paypal. */
    record Mandate(String id, String status, String method) {
        public boolean valid() {
            return "valid".equals(status);
        }
    }
}
