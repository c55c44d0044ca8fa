package org.tierslieux.coworking.guest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;

/** A host cancelled a guest's upcoming day; {@code locale} is the host's language, for the guest's mail. */
public record GuestCancelled(
        PlaceRef place,
        UUID guest,
        PersonId host,
        String hostName,
        String name,
        String email,
        LocalDate day,
        Locale locale)
        implements DomainEvent {

    @Override
    public String toString() {
        return "GuestCancelled[place=" + place.slug() + ", guest=" + guest + ", day=" + day + "]";
    }
}
