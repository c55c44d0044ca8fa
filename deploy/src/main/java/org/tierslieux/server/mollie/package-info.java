/**
 * The local Mollie server: a small HTTP server that answers as Mollie's v2 API documents (payments, refunds,
 * customers, mandates, recurring payments, errors), with a checkout page where the payer picks the outcome and
 * the webhook calls that follow. The embedded default starts one so the demo pays offline; tests start one for
 * the whole test run. Never started in production.
 */
package org.tierslieux.server.mollie;
