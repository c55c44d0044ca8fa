package org.tierslieux.core.schedule;

import org.tierslieux.core.kernel.TimeRange;

/**
 * A stretch of time when a resource is open (one opening interval of one day, or one session), before
 * closures are taken out. Bookings lie inside one window; the booking grid counts from its start.
 */
public record Window(TimeRange range, boolean session) {}
