/**
 * Mollie behind the {@link org.tierslieux.billing.payment.PaymentGateway} port: each place's API key, stored
 * encrypted (AES-256-GCM under the application's key, {@code tl.secrets.encryption-key}), and the adapter that
 * calls Mollie's v2 API with that key through the Mollie Java client ({@code be.woutschoovaerts:mollie}), at
 * {@code tl.mollie.base-url} (Mollie itself, or the local Mollie server of the embedded default and tests).
 */
package org.tierslieux.billing.mollie;
