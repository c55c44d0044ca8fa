/** The checkout's HTTP API: orders (pay online, record a manual payment, refund), payment settings, the webhook. */
package org.tierslieux.billing.checkout.api;
