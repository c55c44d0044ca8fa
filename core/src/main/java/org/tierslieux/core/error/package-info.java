/**
 * Errors as the outside sees them. Each business rule throws a {@link org.tierslieux.core.error.DomainException}
 * carrying a stable dotted code ({@code place.not-found}, {@code booking.unavailable}); one mapper turns every
 * failure into an RFC 9457 {@code application/problem+json} body for the API, or a page in the user's
 * language for the browser. Nothing a client sends may end as a 500 or a stack trace.
 */
package org.tierslieux.core.error;
