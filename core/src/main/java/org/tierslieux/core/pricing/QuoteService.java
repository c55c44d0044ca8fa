package org.tierslieux.core.pricing;

import java.time.Instant;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.people.PersonId;

/**
 * The one service that says what a member pays, in the current place. Bookings are quoted here (usage, then
 * what credits cover through {@link CreditCoverage}, then the rest at the member's prices); plans and packs
 * build their quotes with {@link #builder}, which knows the place's VAT mode and who is billed.
 */
public interface QuoteService {

    /**
     * What booking {@code request} costs {@code person} (a preview: no id), with the credits and plan terms valid
     * at {@code at}: callers pass the booking's start, as the booking's own consumption does, so that a preview
     * and the booking agree.
     */
    Quote forBooking(PersonId person, BookingService.Request request, Instant at);

    /** A builder in the place's currency and VAT mode, billing the person (or their company account). */
    QuoteBuilder builder(QuoteSubject subject, PersonId person);
}
