/**
 * Checkout: a saved quote becomes an order ({@link org.tierslieux.billing.checkout.SaleOrder}), paid online through
 * the {@link org.tierslieux.billing.payment.PaymentGateway} (redirect, return page, webhook) or recorded by the
 * desk (cash, cheque, transfer, card terminal). Paying issues the invoice through
 * {@link org.tierslieux.billing.invoice.Invoicing} in the same transaction and confirms what was bought (the held
 * booking, the pending subscription or pack). Refunds issue credit notes. Billing plugs into core through
 * {@code HoldPolicy}, {@code PurchasePolicy} and the booking and subscription events; core never calls it.
 */
package org.tierslieux.billing.checkout;
