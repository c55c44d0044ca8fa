/**
 * The pages of invoices: a member's "My invoices" ({@code /{place}/invoices}) and the treasurer's desk
 * ({@code /{place}/treasury}: every document with filters, credit notes, the chain check, closings, settings;
 * the exports are a page of their own, {@code /{place}/treasury/exports}, linked from it).
 */
package org.tierslieux.billing.invoice.web;
