package org.tierslieux.coworking.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tierslieux.core.place.PlaceId;

/**
 * The network pass's visits as the observatory counts them: desk-days that members of one place spent at
 * another, without any personal data. Days are in the host place's zone; half-days count 0.5.
 */
public interface NetworkVisits {

    /** One host place, one home place, one day: how many visitors and desk-days. */
    record DayCount(PlaceId host, PlaceId home, LocalDate day, int visitors, BigDecimal days) {}

    /** Confirmed (not cancelled) network visits whose day lies in [from, to], for every place. */
    List<DayCount> between(LocalDate from, LocalDate to);
}
