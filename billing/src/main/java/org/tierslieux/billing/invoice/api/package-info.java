/**
 * The invoices API ({@code /api/v1/places/{place}/invoices}): members list and download their own documents,
 * treasurers every document, issue credit notes and verify the footprint chain; the invoice settings API
 * ({@code /api/v1/places/{place}/invoice-settings}).
 */
package org.tierslieux.billing.invoice.api;
