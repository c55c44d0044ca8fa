package org.tierslieux.core.pricing;

import java.util.List;
import org.tierslieux.core.booking.BookingAttempt;

/**
 * Extension point: adds priced lines to the quote of a booking (a day pass, a guest fee, a discount from a
 * network pass...). Declare an {@code @ApplicationScoped} bean; contributors are asked in turn and every
 * line they return is shown to the member before they pay.
 */
public interface QuoteLineContributor {

    List<QuoteLine> linesFor(BookingAttempt attempt);
}
