/**
 * Outgoing webhooks: a place's managers subscribe URLs (door controllers, chat tools) to booking.confirmed,
 * booking.cancelled and checkin.created. Observers write the deliveries in the event's own transaction (the
 * outbox: a rolled-back booking sends nothing); a scheduled job, on one node at a time, posts them signed with
 * HMAC-SHA256, retries with a backoff, keeps the log, and disables a subscription after repeated failures.
 */
package org.tierslieux.coworking.webhook;
