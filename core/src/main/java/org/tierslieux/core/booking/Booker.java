package org.tierslieux.core.booking;

import org.tierslieux.core.people.Caller;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;

/**
 * Who books or changes a booking, and as what: a member of the place, a manager, or a signed-in person from
 * elsewhere (allowed on resources open to everyone). Background work builds one explicitly.
 */
public record Booker(PersonId person, boolean member, boolean manager) {

    public static Booker of(Caller caller) {
        return new Booker(caller.requirePerson(), caller.isMemberHere(), caller.has(Role.MANAGER));
    }
}
