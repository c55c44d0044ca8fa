/**
 * E-mails to people about their bookings: confirmations, cancellations, maintenance that touches a booking,
 * waitlist offers. Each is rendered from a Qute template in the person's language (HTML with a plain-text
 * alternative) and sent only once the transaction that caused it has committed, on a worker thread, so that a
 * rolled-back booking never sends a mail and a mail server that fails never fails a booking.
 */
package org.tierslieux.core.notification;
