/**
 * Calendar feeds (iCalendar, RFC 5545) that calendar apps subscribe to by a secret link: a member's own
 * bookings in all their places, and a resource's bookings for its managers. The link is the only credential, so
 * it is random, stored only as a hash, revocable, and a member's feed names nobody.
 */
package org.tierslieux.core.calendar;
