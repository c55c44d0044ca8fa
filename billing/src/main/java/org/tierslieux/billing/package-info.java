/**
 * Billing: checkout, payments (Mollie, manual), invoices and credit notes with their chained footprints,
 * PDF and Factur-X, accounting exports (CSV, FEC) and period closing. It observes core's domain events
 * ({@code BookingConfirmed}, ...) and never knows coworking. Empty until the billing issue lands.
 */
package org.tierslieux.billing;
