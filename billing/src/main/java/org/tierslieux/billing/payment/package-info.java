/**
 * Payments: the {@link org.tierslieux.billing.payment.PaymentGateway} port to an online payment provider
 * (Mollie, through its Java client, in {@code org.tierslieux.billing.mollie}), manual payments recorded by
 * managers, refunds and SEPA mandates.
 */
package org.tierslieux.billing.payment;
