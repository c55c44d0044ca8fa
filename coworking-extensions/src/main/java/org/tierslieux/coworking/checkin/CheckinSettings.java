package org.tierslieux.coworking.checkin;

import java.time.Instant;
import org.tierslieux.core.kernel.Money;

/**
 * How a place runs check-in: on or off (and since when: no-shows are only marked for bookings that start after
 * it was turned on), the grace delay before a booking nobody came for becomes a no-show, and what a member's
 * guest costs the host.
 */
@io.quarkus.qute.TemplateData
public record CheckinSettings(
        boolean enabled, Instant enabledAt, int graceMinutes, GuestPolicy guestPolicy, Money guestPrice) {

    public static final int DEFAULT_GRACE_MINUTES = 30;

    /** What a guest's day costs the member who invites them. */
    public enum GuestPolicy {
        /** Guests are welcome at no charge. */
        FREE,
        /** One day of the host's credits (a carnet, a plan's days); no credit left: refused. */
        HOST_CREDITS,
        /** An order of the guest day's price, to the host's name. */
        BILL_HOST
    }
}
