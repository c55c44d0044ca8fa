package org.tierslieux.coworking.network;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.place.PlaceId;

/** Whose settlement lines a caller may read: every place for a network admin, their places for a treasurer. */
@ApplicationScoped
public class SettlementAccess {

    private final Caller caller;
    private final PersonDirectory directory;

    SettlementAccess(Caller caller, PersonDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** Null: every place. 403 network.settlement-forbidden for someone treasurer nowhere. */
    public Set<PlaceId> places() {
        if (caller.isNetworkAdmin()) {
            return null;
        }
        Set<PlaceId> mine = directory.placesOf(caller.requirePerson()).stream()
                .filter(p -> p.roles().contains(Role.TREASURER))
                .map(PersonDirectory.PlaceRoles::placeId)
                .collect(Collectors.toUnmodifiableSet());
        if (mine.isEmpty()) {
            throw DomainException.forbidden("network.settlement-forbidden");
        }
        return mine;
    }
}
