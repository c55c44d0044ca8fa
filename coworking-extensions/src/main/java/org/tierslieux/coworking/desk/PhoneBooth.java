package org.tierslieux.coworking.desk;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.resource.BookingMode;
import org.tierslieux.core.resource.ResourceKind;

/** A phone booth: one person at a time, booked by the quarter hour in coworkings. */
@ApplicationScoped
class PhoneBooth implements ResourceKind {

    @Override
    public String code() {
        return "PHONE_BOOTH";
    }

    @Override
    public BookingMode bookingMode() {
        return BookingMode.EXCLUSIVE;
    }
}
