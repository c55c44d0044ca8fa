package org.tierslieux.coworking.guest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;

/**
 * A member invited a guest for a day; {@code code} is the guest pass's secret, for the mail only; {@code locale} is
 * the host's language, the one the guest's mail is written in.
 */
public record GuestInvited(
        PlaceRef place,
        UUID guest,
        PersonId host,
        String hostName,
        String name,
        String email,
        LocalDate day,
        String code,
        String scanUrl,
        Locale locale)
        implements DomainEvent {

    @Override
    public String toString() {
        return "GuestInvited[place=" + place.slug() + ", guest=" + guest + ", day=" + day + "]";
    }
}
